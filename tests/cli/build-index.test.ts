import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigSchema } from '../../src/config/load-config.js'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { loadOrBuildIndex } from '../../src/index/load-or-build-index.js'
import { REPOSITORY_INDEX_DIRECTORY } from '../support/load-test-index.js'
import { PROJECT_DIRECTORY } from '../support/start-server.js'

const run = promisify(execFile)
const directories: string[] = []
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true })
})

async function runIndexCommand(environment: Record<string, string>) {
  const inherited: Record<string, string | undefined> = { ...process.env }
  for (const key of Object.keys(ConfigSchema.shape)) delete inherited[key]
  return run('npm', ['run', '--silent', 'index'], { cwd: PROJECT_DIRECTORY, env: { ...inherited, ...environment } })
}

describe('npm run index', () => {
  it('should build an index from the sources alone, report its figures, and leave it loadable as is', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sanad-cli-'))
    directories.push(directory)
    await cp(join(REPOSITORY_INDEX_DIRECTORY, 'sources'), join(directory, 'sources'), { recursive: true })

    const { stdout, stderr } = await runIndexCommand({ INDEX_DIR: directory })
    expect(stderr).toContain('embed:')
    const figures = Object.fromEntries(stdout.trim().split('\n').map((line) => line.split(/:\s+/, 2) as [string, string]))
    expect(Object.keys(figures)).toEqual(['documents', 'sentences', 'chunks', 'embedder', 'dimension', 'time', 'index'])
    expect(await readdir(directory)).toEqual(expect.arrayContaining(['manifest.json', 'corpus.json']))

    const loaded = await loadOrBuildIndex({
      indexDirectory: directory,
      sourcesDirectory: join(directory, 'sources'),
      embeddings: new LocalHashEmbeddings({ dimensions: 512 }),
      chunker: { maxCharacters: 600, overlapSentences: 1 },
    })
    expect(loaded.rebuildReason).toBeNull()
    const summary = loaded.index.summary()
    expect(figures).toMatchObject({
      documents: String(summary.documents),
      sentences: String(summary.sentences),
      chunks: String(summary.chunks),
      embedder: summary.embedder,
      dimension: String(summary.dimensions),
    })
  }, 60_000)

  it('should fail with one clear line and exit 1 when there are no sources', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sanad-cli-'))
    directories.push(directory)
    const failure = await runIndexCommand({ INDEX_DIR: directory }).catch((error: { code: number; stderr: string }) => error)
    expect(failure).toMatchObject({ code: 1 })
    expect((failure as { stderr: string }).stderr).toMatch(/^reading sources from .*\nindex build failed: cannot read the sources folder/)
  }, 60_000)
})
