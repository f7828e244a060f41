import { execFile } from 'node:child_process'
import { appendFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bundleServer, readStartFlags } from '../../src/build/bundle-server.js'

const runFile = promisify(execFile)
const CODE_CACHE_MODULE = fileURLToPath(new URL('../../src/build/run-with-code-cache.ts', import.meta.url))

let project: string
beforeEach(async () => {
  // A two-module project with a lazily imported third: the shape of sanad's server, small enough to bundle
  // quickly. It prints its greeting and what became of the code cache.
  project = await mkdtemp(join(tmpdir(), 'sanad-bundle-'))
  await mkdir(join(project, 'src'))
  await writeFile(
    join(project, 'src', 'main.ts'),
    `import { readCodeCacheStatus } from ${JSON.stringify(CODE_CACHE_MODULE)}\nimport { greet } from './greet.js'\nconsole.log(greet('سند'), readCodeCacheStatus())\nexport const later = () => import('./later.js')\n`,
  )
  await writeFile(join(project, 'src', 'greet.ts'), 'export function greet(name: string): string {\n  return `hello ${name}`\n}\n')
  await writeFile(join(project, 'src', 'later.ts'), "console.log('later was evaluated')\nexport const value = 42\n")
})
afterEach(async () => {
  await rm(project, { recursive: true, force: true })
})

// Runs the bundled project the way `npm start` runs sanad: node FLAGS dist/main.js.
async function runBundle(flags: string[] = []): Promise<string> {
  const { stdout } = await runFile(process.execPath, [...flags, join(project, 'dist', 'main.js')], { cwd: project, env: { PATH: process.env.PATH ?? '' } })
  return stdout.trim()
}

describe('bundleServer', () => {
  it('should bundle src/main.ts into dist/server.cjs with its loader and a V8 code cache the loader uses', async () => {
    const result = await bundleServer({ projectDirectory: project })
    expect(result.built).toBe(true)
    expect(result.outputs).toEqual(expect.arrayContaining(['main.js', 'server.cjs', 'server.cjs.cache']))
    expect(await readFile(join(project, 'dist', 'server.cjs'), 'utf8')).toContain('hello ')
    // The lazily imported module is in the bundle but evaluated only when imported.
    expect(await runBundle()).toBe('hello سند used')
  })

  it('should compile from source, and still run, when the code cache is stale, missing or made under other V8 flags', async () => {
    await bundleServer({ projectDirectory: project })
    expect(await runBundle(['--max-semi-space-size=4'])).toBe('hello سند rejected')
    await appendFile(join(project, 'dist', 'server.cjs'), '\n// edited after the build\n')
    expect(await runBundle()).toBe('hello سند stale')
    await rm(join(project, 'dist', 'server.cjs.cache'))
    expect(await runBundle()).toBe('hello سند missing')
  })

  it('should write the code cache under the start script Node flags', async () => {
    await writeFile(join(project, 'package.json'), JSON.stringify({ scripts: { start: 'node --max-semi-space-size=4 dist/main.js' } }))
    expect(await readStartFlags(project)).toEqual(['--max-semi-space-size=4'])
    await bundleServer({ projectDirectory: project })
    expect(await runBundle(['--max-semi-space-size=4'])).toBe('hello سند used')
    expect(await runBundle()).toBe('hello سند rejected')
  })

  it('should bundle other entry points as ES modules, with lazily imported modules in their own chunk', async () => {
    const result = await bundleServer({ projectDirectory: project, outDirectory: join(project, 'dist', 'children'), entryPoints: { child: 'src/main.ts' } })
    expect(result.outputs).toContain('child.js')
    expect(result.outputs.filter((output) => output.endsWith('.js')).length).toBeGreaterThan(1)
    const child = await readFile(join(project, 'dist', 'children', 'child.js'), 'utf8')
    expect(child).toContain('hello ')
    expect(child).not.toContain('value=42')
  })

  it('should not bundle again while every input is older than the bundle', async () => {
    await bundleServer({ projectDirectory: project })
    const again = await bundleServer({ projectDirectory: project })
    expect(again.built).toBe(false)
  })

  it('should bundle again when an input changed, was removed, or when asked to', async () => {
    await bundleServer({ projectDirectory: project })
    const future = new Date(Date.now() + 60_000)
    await utimes(join(project, 'src', 'greet.ts'), future, future)
    const changed = await bundleServer({ projectDirectory: project })
    expect(changed).toMatchObject({ built: true, reason: 'src/greet.ts changed' })

    await rm(join(project, 'dist', 'main.js'))
    expect(await bundleServer({ projectDirectory: project })).toMatchObject({ built: true, reason: 'main.js is missing' })
    expect(await bundleServer({ projectDirectory: project, force: true })).toMatchObject({ built: true, reason: 'a rebuild was asked for' })
  })
})
