import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, version as esbuildVersion, type BuildOptions } from 'esbuild'
import { escapeNonAscii } from './escape-non-ascii.js'
import { codeCachePathOf } from './run-with-code-cache.js'

/** Where the server is bundled from and to. */
export interface BundleServerOptions {
  /** The repository root: inputs are read relative to it. */
  projectDirectory: string
  /** Where `main.js` and the rest go (default `dist/` under the project). */
  outDirectory?: string
  /** Rebuild even when the bundle is newer than every input. */
  force?: boolean
  /** What to bundle as ES modules, by output name (default: the server, see `bundleSettings`); the bench bundles its child processes so. */
  entryPoints?: Record<string, string>
}

/** What `bundleServer` did. */
export interface BundleResult {
  built: boolean
  /** Why it built (or why it did not). */
  reason: string
  milliseconds: number
  /** Files written under the out directory, relative to it. */
  outputs: string[]
}

// Written beside the bundle: the inputs esbuild read and the settings it ran with, so that an unchanged
// tree is not bundled again (a `prepare` on every `npm install`, a test run's global setup).
const BUILD_RECORD = 'build-record.json'

// The start script's entry: it runs the server bundle through its code cache (src/build/run-with-code-cache.ts).
const LOADER_ENTRY = fileURLToPath(new URL('./start-bundled-server.ts', import.meta.url))
// The server bundle the loader runs, CommonJS so that V8's code cache can be given to it (Node 20 has no
// code cache for ES modules), and its cache.
const SERVER_BUNDLE = 'server.cjs'

// Settings both kinds of bundle share: every dependency inlined except hnswlib-node (a native addon), and
// less for V8 to scan at start (names are kept; the linked source maps give stack traces their lines back
// under `node --enable-source-maps`).
function sharedSettings(projectDirectory: string, outDirectory: string): BuildOptions {
  return {
    absWorkingDir: projectDirectory,
    outdir: outDirectory,
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: ['hnswlib-node'],
    // Prefer a package's ES module build, which esbuild can tree-shake: stopword's CommonJS build holds
    // the lists of 62 languages (300 kB) where sanad reads two.
    mainFields: ['module', 'main'],
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  }
}

/**
 * The esbuild runs that make dist/. The server (no `entryPoints`): `src/main.ts` as one CommonJS file,
 * `server.cjs` (`import.meta.url` becomes the file's URL; modules loaded with `import()`, the OpenAPI
 * document, are evaluated only when first needed; made pure ASCII after the build), and `main.js`, the small ES module loader `npm start`
 * runs. Other entry points (the bench's children): ES modules plus shared chunks.
 */
function bundleSettings(projectDirectory: string, outDirectory: string, entryPoints: Record<string, string> | undefined): BuildOptions[] {
  const shared = sharedSettings(projectDirectory, outDirectory)
  if (entryPoints) {
    return [{
      ...shared,
      entryPoints,
      splitting: true,
      format: 'esm',
      // CommonJS dependencies call require() for Node's built-ins; an ES module has none, so give it one.
      banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);" },
      chunkNames: 'chunk-[hash]',
    }]
  }
  return [
    {
      ...shared,
      entryPoints: { server: 'src/main.ts' },
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      define: { 'import.meta.url': 'importMetaUrlOfBundle' },
      banner: { js: "const importMetaUrlOfBundle = require('node:url').pathToFileURL(__filename).href;" },
    },
    { ...shared, entryPoints: { main: LOADER_ENTRY }, format: 'esm' },
  ]
}

interface BuildRecord {
  fingerprint: string
  builtAt: number
  inputs: string[]
  outputs: string[]
}

/**
 * Bundles `src/main.ts` for `npm start` into `dist/server.cjs` with its loader `dist/main.js`, and writes
 * the V8 code cache of the bundle by running the loader once with the start script's Node flags; unless
 * the last bundle is newer than every file it was made from and was made with the same esbuild, settings,
 * Node and flags.
 */
export async function bundleServer(options: BundleServerOptions): Promise<BundleResult> {
  const started = performance.now()
  const projectDirectory = resolve(options.projectDirectory)
  const outDirectory = resolve(options.outDirectory ?? join(projectDirectory, 'dist'))
  const settings = bundleSettings(projectDirectory, outDirectory, options.entryPoints)
  // The code cache holds for one Node and one set of V8 flags: a change of either makes it again.
  const startFlags = options.entryPoints ? null : await readStartFlags(projectDirectory)
  const comparable = settings.map((setting) => ({ ...setting, absWorkingDir: undefined, outdir: undefined, entryPoints: Object.keys(setting.entryPoints as object) }))
  const fingerprint = JSON.stringify({ esbuild: esbuildVersion, settings: comparable, ...(startFlags ? { node: process.version, startFlags } : {}) })
  const elapsed = () => performance.now() - started

  const record = await readBuildRecord(outDirectory)
  const staleness = options.force ? 'a rebuild was asked for' : await describeStaleness(record, fingerprint, projectDirectory, outDirectory)
  if (!staleness && record) return { built: false, reason: 'the bundle is newer than its inputs', milliseconds: elapsed(), outputs: record.outputs }

  // Outputs of the previous build go first, so chunks of an older build (or a cache of an older bundle) do not pile up.
  for (const output of record?.outputs ?? []) await rm(join(outDirectory, output), { force: true })
  const builtAt = Date.now()
  const results = await Promise.all(settings.map((setting) => build(setting)))
  const inputs = [...new Set(results.flatMap((result) => Object.keys(result.metafile!.inputs)))].sort()
  const outputs = results.flatMap((result) => Object.keys(result.metafile!.outputs)).map((path) => relative(outDirectory, resolve(projectDirectory, path)))
  if (startFlags) {
    // Pure ASCII, the loader reads the bundle as one-byte text: a fraction of the time of decoding UTF-8,
    // and half the memory of the two-byte string V8 would otherwise keep as the bundle's source.
    const serverBundle = join(outDirectory, SERVER_BUNDLE)
    await writeFile(serverBundle, escapeNonAscii(await readFile(serverBundle, 'utf8')))
    await writeServerCodeCache(outDirectory, startFlags, projectDirectory)
    outputs.push(relative(outDirectory, codeCachePathOf(join(outDirectory, SERVER_BUNDLE))))
  }
  outputs.sort()
  const newRecord: BuildRecord = { fingerprint, builtAt, inputs, outputs }
  await writeFile(join(outDirectory, BUILD_RECORD), `${JSON.stringify(newRecord)}\n`)
  return { built: true, reason: staleness ?? 'no bundle yet', milliseconds: elapsed(), outputs }
}

// Runs the loader with the start script's Node flags (V8 accepts a cache only under the flags it was made
// with) and no NODE_OPTIONS, in the mode that writes the cache and exits before the server starts anything.
async function writeServerCodeCache(outDirectory: string, startFlags: readonly string[], projectDirectory: string): Promise<void> {
  const environment = { ...process.env }
  delete environment.NODE_OPTIONS
  const child = spawn(process.execPath, [...startFlags, join(outDirectory, 'main.js'), '--write-code-cache'], { cwd: projectDirectory, env: environment, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (piece: string) => (stderr += piece))
  const [code] = (await once(child, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`writing the code cache failed (exit ${code}): ${stderr.trim().slice(-800)}`)
}

/** The Node flags of package.json's start script (`node FLAGS dist/main.js`); none when it has no such script. */
export async function readStartFlags(projectDirectory: string): Promise<string[]> {
  let scripts: Record<string, string> | undefined
  try {
    scripts = (JSON.parse(await readFile(join(projectDirectory, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts
  } catch {
    return []
  }
  const [program, ...words] = (scripts?.start ?? '').trim().split(/\s+/)
  return program === 'node' ? words.filter((word) => word.startsWith('-')) : []
}

async function readBuildRecord(outDirectory: string): Promise<BuildRecord | null> {
  try {
    return JSON.parse(await readFile(join(outDirectory, BUILD_RECORD), 'utf8')) as BuildRecord
  } catch {
    return null
  }
}

// Null when the recorded bundle is current; otherwise the first reason it is not.
async function describeStaleness(record: BuildRecord | null, fingerprint: string, projectDirectory: string, outDirectory: string): Promise<string | null> {
  if (!record) return 'no bundle yet'
  if (record.fingerprint !== fingerprint) return 'esbuild or the bundle settings changed'
  for (const output of record.outputs) {
    if (!(await modifiedAt(join(outDirectory, output)))) return `${output} is missing`
  }
  for (const input of record.inputs) {
    const modified = await modifiedAt(join(projectDirectory, input))
    if (modified === null) return `${input} is gone`
    if (modified >= record.builtAt) return `${input} changed`
  }
  return null
}

async function modifiedAt(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return null
  }
}
