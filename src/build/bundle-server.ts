import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { build, version as esbuildVersion, type BuildOptions } from 'esbuild'

/** Where the server is bundled from and to. */
export interface BundleServerOptions {
  /** The repository root: inputs are read relative to it. */
  projectDirectory: string
  /** Where `main.js` and its chunks go (default `dist/` under the project). */
  outDirectory?: string
  /** Rebuild even when the bundle is newer than every input. */
  force?: boolean
  /** What to bundle, by output name (default `{ main: 'src/main.ts' }`); the bench bundles its child processes too. */
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

/**
 * The esbuild settings of the server bundle: one ES module per entry plus shared chunks, every
 * dependency inlined except hnswlib-node (a native addon). Modules loaded with `import()` (the
 * OpenAPI document) become chunks read only when first needed. `src/project-directory.ts` finds the
 * repository from wherever the output lands.
 */
function bundleSettings(projectDirectory: string, outDirectory: string, entryPoints: Record<string, string>): BuildOptions {
  return {
    absWorkingDir: projectDirectory,
    entryPoints,
    outdir: outDirectory,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['hnswlib-node'],
    // Prefer a package's ES module build, which esbuild can tree-shake: stopword's CommonJS build holds
    // the lists of 62 languages (300 kB) where sanad reads two.
    mainFields: ['module', 'main'],
    // CommonJS dependencies call require() for Node's built-ins; an ES module has none, so give it one.
    banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);" },
    chunkNames: 'chunk-[hash]',
    // Less for V8 to scan at start (about 8% of module loading here); names are kept, and the linked source
    // maps give stack traces their lines back under `node --enable-source-maps`.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  }
}

interface BuildRecord {
  fingerprint: string
  builtAt: number
  inputs: string[]
  outputs: string[]
}

/**
 * Bundles `src/main.ts` into `dist/main.js` for `npm start`, unless the last bundle is newer than
 * every file it was made from and was made with the same esbuild and settings.
 */
export async function bundleServer(options: BundleServerOptions): Promise<BundleResult> {
  const started = performance.now()
  const projectDirectory = resolve(options.projectDirectory)
  const outDirectory = resolve(options.outDirectory ?? join(projectDirectory, 'dist'))
  const settings = bundleSettings(projectDirectory, outDirectory, options.entryPoints ?? { main: 'src/main.ts' })
  const fingerprint = JSON.stringify({ esbuild: esbuildVersion, settings: { ...settings, absWorkingDir: undefined, outdir: undefined } })
  const elapsed = () => performance.now() - started

  const record = await readBuildRecord(outDirectory)
  const staleness = options.force ? 'a rebuild was asked for' : await describeStaleness(record, fingerprint, projectDirectory, outDirectory)
  if (!staleness && record) return { built: false, reason: 'the bundle is newer than its inputs', milliseconds: elapsed(), outputs: record.outputs }

  // Outputs of the previous build go first, so chunks of an older build do not pile up.
  for (const output of record?.outputs ?? []) await rm(join(outDirectory, output), { force: true })
  const builtAt = Date.now()
  const result = await build(settings)
  const inputs = Object.keys(result.metafile!.inputs).sort()
  const outputs = Object.keys(result.metafile!.outputs).map((path) => relative(outDirectory, resolve(projectDirectory, path))).sort()
  const newRecord: BuildRecord = { fingerprint, builtAt, inputs, outputs }
  await writeFile(join(outDirectory, BUILD_RECORD), `${JSON.stringify(newRecord)}\n`)
  return { built: true, reason: staleness ?? 'no bundle yet', milliseconds: elapsed(), outputs }
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
