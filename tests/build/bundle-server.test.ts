import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bundleServer } from '../../src/build/bundle-server.js'

let project: string
beforeEach(async () => {
  // A two-module project with a lazily imported third: the shape of sanad's server, small enough to bundle quickly.
  project = await mkdtemp(join(tmpdir(), 'sanad-bundle-'))
  await mkdir(join(project, 'src'))
  await writeFile(join(project, 'src', 'main.ts'), "import { greet } from './greet.js'\nconsole.log(greet('سند'))\nexport const later = () => import('./later.js')\n")
  await writeFile(join(project, 'src', 'greet.ts'), 'export function greet(name: string): string {\n  return `hello ${name}`\n}\n')
  await writeFile(join(project, 'src', 'later.ts'), 'export const value = 42\n')
})
afterEach(async () => {
  await rm(project, { recursive: true, force: true })
})

describe('bundleServer', () => {
  it('should bundle src/main.ts into dist/main.js, with lazily imported modules in their own chunk', async () => {
    const result = await bundleServer({ projectDirectory: project })
    expect(result.built).toBe(true)
    expect(result.outputs).toContain('main.js')
    expect(result.outputs.filter((output) => output.endsWith('.js')).length).toBeGreaterThan(1)
    const main = await readFile(join(project, 'dist', 'main.js'), 'utf8')
    expect(main).toContain('hello ')
    expect(main).not.toContain('value = 42')
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
