import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { SanadError } from '../../src/errors/sanad-error.js'
import { INDEX_FILES, type IndexManifest } from '../../src/index/index-manifest.js'
import { loadOrBuildIndex } from '../../src/index/load-or-build-index.js'
import { HybridRetriever } from '../../src/retrieve/hybrid-retriever.js'
import { ARTICLE_SOURCES_DIRECTORY } from '../fixtures/foundation-article.js'
import { articleIndexLocation, copyCommittedIndex } from '../fixtures/foundation-build-article-index.js'
import { useTemporaryDirectories } from '../fixtures/foundation-temporary-directories.js'

const makeTemporaryDirectory = useTemporaryDirectories('sanad-load-or-build-')

async function copyOfCommittedIndex(): Promise<string> {
  const directory = await makeTemporaryDirectory()
  await copyCommittedIndex(directory)
  return directory
}

async function rewriteManifest(directory: string, change: (manifest: IndexManifest) => void): Promise<void> {
  const path = join(directory, INDEX_FILES.manifest)
  const manifest = JSON.parse(await readFile(path, 'utf8')) as IndexManifest
  change(manifest)
  await writeFile(path, JSON.stringify(manifest))
}

async function flipByte(path: string): Promise<void> {
  const bytes = await readFile(path)
  const middle = Math.floor(bytes.length / 2)
  bytes[middle] = bytes[middle]! ^ 0xff
  await writeFile(path, bytes)
}

describe('loadOrBuildIndex', () => {
  it('should build an index into an empty folder, load it again, and find the Foley chunk for a question about the killed journalist', async () => {
    const directory = await makeTemporaryDirectory()
    const location = { ...articleIndexLocation(directory), sourcesDirectory: ARTICLE_SOURCES_DIRECTORY }
    const built = await loadOrBuildIndex(location)
    expect(built.rebuildReason).toBe('no index manifest')
    expect(built.buildTimings).not.toBeNull()

    const loaded = await loadOrBuildIndex({ ...location, embeddings: new LocalHashEmbeddings() })
    expect(loaded.rebuildReason).toBeNull()
    expect(loaded.buildTimings).toBeNull()
    expect(loaded.index.corpus).toEqual(built.index.corpus)

    const [best] = await new HybridRetriever(loaded.index).retrieve({ text: 'من هو الصحفي الأميركي الذي قتل؟', topK: 3 })
    expect(loaded.index.textOf(best!.chunk)).toContain('جيمس فولي')
    const [document] = await new HybridRetriever(loaded.index, 1).invoke('من هو الصحفي الأمريكي الذي قتل؟')
    expect(document!.pageContent).toContain('جيمس فولي')
  })

  it('should load the committed index as it is', async () => {
    const directory = await copyOfCommittedIndex()
    const { rebuildReason } = await loadOrBuildIndex(articleIndexLocation(directory))
    expect(rebuildReason).toBeNull()
  })

  const staleCases: [string, (directory: string) => Promise<void> | void, RegExp, Partial<ReturnType<typeof articleIndexLocation>>?][] = [
    ['a missing manifest', (directory) => rm(join(directory, INDEX_FILES.manifest)), /^no index manifest$/],
    ['a missing file', (directory) => rm(join(directory, 'vectors.documents.json')), /vectors\.documents\.json is missing/],
    [
      'a truncated file',
      async (directory) => writeFile(join(directory, INDEX_FILES.lexical), (await readFile(join(directory, INDEX_FILES.lexical))).subarray(0, 100)),
      /lexical\.bin does not match its checksum/,
    ],
    ['a flipped byte', (directory) => flipByte(join(directory, 'vectors.hnsw')), /vectors\.hnsw does not match its checksum/],
    ['another embedder', () => undefined, /embedder local-hash-v1-512, not local-hash-v1-256/, { embeddings: new LocalHashEmbeddings({ dimensions: 256 }) }],
    ['another dimension', (directory) => rewriteManifest(directory, (manifest) => (manifest.embedder.dimensions = 768)), /768 dimensions, the embedder 512/],
    ['changed chunker settings', () => undefined, /chunker settings changed/, { chunker: { maxCharacters: 400, overlapSentences: 1 } }],
    ['a changed source', (directory) => appendFile(join(directory, 'sources', 'article.txt'), '\nفقرة جديدة.\n'), /sources changed/],
    ['an added source', (directory) => writeFile(join(directory, 'sources', 'notes.md'), '# ملاحظات\n\nنص قصير.\n'), /sources changed/],
    ['an older text pipeline', (directory) => rewriteManifest(directory, (manifest) => (manifest.textPipelineVersion -= 1)), /text pipeline changed/],
  ]

  it.each(staleCases)('should rebuild after %s and say why', async (_, damage, reason, override = {}) => {
    const directory = await copyOfCommittedIndex()
    await damage(directory)
    const location = { ...articleIndexLocation(directory), ...override }
    const rebuilt = await loadOrBuildIndex(location)
    expect(rebuilt.rebuildReason).toMatch(reason)
    expect(rebuilt.index.corpus.chunks.length).toBeGreaterThan(0)
    const again = await loadOrBuildIndex(location)
    expect(again.rebuildReason).toBeNull()
    expect(again.index.corpus).toEqual(rebuilt.index.corpus)
  })

  it.each(staleCases)('should refuse, write nothing and name the reason after %s when read-only', async (_, damage, reason, override = {}) => {
    const directory = await copyOfCommittedIndex()
    await damage(directory)
    const before = await listWithTimes(directory)
    const error = await loadOrBuildIndex({ ...articleIndexLocation(directory), ...override }, { readOnly: true }).catch((caught: unknown) => caught)
    expect(SanadError.isInstance(error) && error.code).toBe('index_unavailable')
    // The reason is quoted inside the message, so the cases' anchors do not apply.
    expect((error as Error).message).toMatch(new RegExp(reason.source.replace(/^\^|\$$/g, '')))
    expect((error as Error).message).toContain('npm run index')
    expect((error as Error).message).not.toContain('\n')
    expect(await listWithTimes(directory)).toEqual(before)
  })

  it('should refuse a read-only index folder that does not exist, without creating it', async () => {
    const parent = await makeTemporaryDirectory()
    const missing = join(parent, 'never-built')
    const error = await loadOrBuildIndex({ ...articleIndexLocation(missing), sourcesDirectory: ARTICLE_SOURCES_DIRECTORY }, { readOnly: true }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'index_unavailable', message: expect.stringMatching(/no index manifest.*npm run index/) })
    expect(await readdir(parent)).toEqual([])
  })

  it('should load a fresh index read-only after verifying its checksums', async () => {
    const directory = await copyOfCommittedIndex()
    const loaded = await loadOrBuildIndex(articleIndexLocation(directory), { readOnly: true })
    expect(loaded.rebuildReason).toBeNull()
    expect(loaded.index.corpus.chunks.length).toBeGreaterThan(0)
  })

  it('should not accept a rebuild request for a read-only index', async () => {
    const directory = await copyOfCommittedIndex()
    await expect(loadOrBuildIndex(articleIndexLocation(directory), { readOnly: true, forceRebuild: true })).rejects.toMatchObject({ code: 'config_invalid' })
  })

  it('should rebuild when asked to even if the index is fresh', async () => {
    const directory = await copyOfCommittedIndex()
    const { rebuildReason } = await loadOrBuildIndex(articleIndexLocation(directory), { forceRebuild: true })
    expect(rebuildReason).toBe('a rebuild was asked for')
  })

  it('should fail with index_unavailable when there is no source to rebuild from', async () => {
    const directory = await copyOfCommittedIndex()
    await rm(join(directory, 'sources'), { recursive: true })
    const error = await loadOrBuildIndex(articleIndexLocation(directory)).catch((caught: unknown) => caught)
    expect(SanadError.isInstance(error) && error.code).toBe('index_unavailable')
  })

  it('should fail with index_unavailable when the sources folder holds no document', async () => {
    const directory = await makeTemporaryDirectory()
    const sources = await makeTemporaryDirectory()
    const error = await loadOrBuildIndex({ ...articleIndexLocation(directory), sourcesDirectory: sources }).catch((caught: unknown) => caught)
    expect(SanadError.isInstance(error) && error.code).toBe('index_unavailable')
  })

  it('should fail with index_unavailable, and the reason, when the rebuilt index cannot be written', async () => {
    const parent = await makeTemporaryDirectory()
    const blocked = join(parent, 'not-a-folder')
    await writeFile(blocked, 'a file where the index folder should be')
    const error = await loadOrBuildIndex({ ...articleIndexLocation(blocked), sourcesDirectory: ARTICLE_SOURCES_DIRECTORY }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SanadError)
    expect(error).toMatchObject({ code: 'index_unavailable', message: expect.stringContaining('needed a rebuild') })
  })
})

// Every file under a folder with its size and modification time, to prove nothing was written.
async function listWithTimes(directory: string): Promise<string[]> {
  const names = (await readdir(directory, { recursive: true })).sort()
  return Promise.all(names.map(async (name) => {
    const info = await stat(join(directory, name))
    return `${name} ${info.size} ${info.mtimeMs}`
  }))
}
