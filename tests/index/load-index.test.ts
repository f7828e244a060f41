import { createHash } from 'node:crypto'
import { cp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { INDEX_FILES } from '../../src/index/index-manifest.js'
import { loadIndex, StaleIndexError } from '../../src/index/load-index.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { loadSources } from '../../src/source/load-sources.js'
import type { SourceDocument } from '../../src/source/source-document.js'
import { ARTICLE_SOURCES_DIRECTORY, DEFAULT_CHUNKER } from '../fixtures/foundation-article.js'
import { buildArticleIndex } from '../fixtures/foundation-build-article-index.js'
import { useTemporaryDirectories } from '../fixtures/foundation-temporary-directories.js'
import type { HnswVectorStore } from '../../src/vector-store/hnsw-vector-store.js'

const makeTemporaryDirectory = useTemporaryDirectories('sanad-load-')
let built: SanadIndex
let builtDirectory: string
let sources: SourceDocument[]

beforeAll(async () => {
  builtDirectory = await makeTemporaryDirectory()
  built = (await buildArticleIndex(builtDirectory)).index
  sources = await loadSources(ARTICLE_SOURCES_DIRECTORY)
})

async function copyOfBuiltIndex(): Promise<string> {
  const directory = await makeTemporaryDirectory()
  await cp(builtDirectory, directory, { recursive: true })
  return directory
}

const staleReasonOf = async (loading: Promise<unknown>): Promise<string> => {
  const error = await loading.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(StaleIndexError)
  return (error as StaleIndexError).reason
}

describe('loadIndex', () => {
  it('should load what was saved: the same corpus, manifest, vectors and lexical index', async () => {
    const loaded = await loadIndex(builtDirectory, sources, new LocalHashEmbeddings(), { ...DEFAULT_CHUNKER })
    expect(loaded.corpus).toEqual(built.corpus)
    expect(loaded.manifest).toEqual(JSON.parse(await readFile(join(builtDirectory, INDEX_FILES.manifest), 'utf8')))
    expect(loaded.lexical.toJSON()).toEqual(built.lexical.toJSON())
    const query = await loaded.embeddings.embedQuery('الصحفي الأميركي جيمس فولي')
    expect((loaded.vectorStore as HnswVectorStore).searchVector(query, 5)).toEqual((built.vectorStore as HnswVectorStore).searchVector(query, 5))
    expect((loaded.vectorStore as HnswVectorStore).documentAt(3)?.pageContent).toBe((built.vectorStore as HnswVectorStore).documentAt(3)?.pageContent)
  })

  it('should not mind the key order of the chunker settings', async () => {
    const loaded = await loadIndex(builtDirectory, sources, new LocalHashEmbeddings(), { overlapSentences: 1, maxCharacters: 600 })
    expect(loaded.corpus.chunks.length).toBe(built.corpus.chunks.length)
  })

  it('should call a folder without a manifest stale', async () => {
    expect(await staleReasonOf(loadIndex(await makeTemporaryDirectory(), sources, new LocalHashEmbeddings(), { ...DEFAULT_CHUNKER }))).toBe('no index manifest')
  })

  it('should call an unreadable manifest stale', async () => {
    const directory = await copyOfBuiltIndex()
    await writeFile(join(directory, INDEX_FILES.manifest), '{ not json')
    expect(await staleReasonOf(loadIndex(directory, sources, new LocalHashEmbeddings(), { ...DEFAULT_CHUNKER }))).toMatch(/manifest is invalid/)
  })

  it('should call a missing file stale', async () => {
    const directory = await copyOfBuiltIndex()
    await rm(join(directory, 'vectors.hnsw'))
    expect(await staleReasonOf(loadIndex(directory, sources, new LocalHashEmbeddings(), { ...DEFAULT_CHUNKER }))).toBe('index file vectors.hnsw is missing')
  })

  it('should call a file that no longer matches its checksum stale', async () => {
    const directory = await copyOfBuiltIndex()
    const path = join(directory, INDEX_FILES.corpus)
    const bytes = await readFile(path)
    await writeFile(path, bytes.subarray(0, bytes.length - 1))
    expect(await staleReasonOf(loadIndex(directory, sources, new LocalHashEmbeddings(), { ...DEFAULT_CHUNKER }))).toBe(
      'index file corpus.json does not match its checksum',
    )
  })

  it('should call another embedder, another dimension or other chunker settings stale', async () => {
    const load = (embeddings: LocalHashEmbeddings, chunker = { ...DEFAULT_CHUNKER }) => loadIndex(builtDirectory, sources, embeddings, chunker)
    expect(await staleReasonOf(load(new LocalHashEmbeddings({ dimensions: 256 })))).toMatch(/embedder local-hash-v1-512, not local-hash-v1-256/)
    const sameIdOtherSize = Object.assign(new LocalHashEmbeddings(), { dimensions: 768 })
    expect(await staleReasonOf(load(sameIdOtherSize))).toMatch(/512 dimensions, the embedder 768/)
    expect(await staleReasonOf(load(new LocalHashEmbeddings(), { maxCharacters: 600, overlapSentences: 0 }))).toBe('the chunker settings changed')
  })

  it('should call changed, added or missing sources stale', async () => {
    const load = (present: SourceDocument[]) => loadIndex(builtDirectory, present, new LocalHashEmbeddings(), { ...DEFAULT_CHUNKER })
    const [article] = sources
    expect(await staleReasonOf(load([{ ...article!, sha256: '0'.repeat(64) }]))).toMatch(/sources changed/)
    expect(await staleReasonOf(load([...sources, { ...article!, id: 'notes' }]))).toMatch(/sources changed/)
    expect(await staleReasonOf(load([]))).toMatch(/sources changed/)
  })

  it('should call an index of an older text pipeline stale', async () => {
    const directory = await copyOfBuiltIndex()
    const path = join(directory, INDEX_FILES.manifest)
    const manifest = JSON.parse(await readFile(path, 'utf8'))
    await writeFile(path, JSON.stringify({ ...manifest, textPipelineVersion: manifest.textPipelineVersion - 1 }))
    expect(await staleReasonOf(loadIndex(directory, sources, new LocalHashEmbeddings(), { ...DEFAULT_CHUNKER }))).toBe('the text pipeline changed')
  })

  it('should call files that are valid but disagree with each other stale', async () => {
    const directory = await copyOfBuiltIndex()
    const path = join(directory, INDEX_FILES.manifest)
    const manifest = JSON.parse(await readFile(path, 'utf8'))
    const corpus = JSON.parse(await readFile(join(directory, INDEX_FILES.corpus), 'utf8'))
    corpus.chunks.pop()
    const rewritten = JSON.stringify(corpus)
    await writeFile(join(directory, INDEX_FILES.corpus), rewritten)
    manifest.files[INDEX_FILES.corpus] = createHash('sha256').update(rewritten).digest('hex')
    await writeFile(path, JSON.stringify(manifest))
    expect(await staleReasonOf(loadIndex(directory, sources, new LocalHashEmbeddings(), { ...DEFAULT_CHUNKER }))).toMatch(/unreadable: .*counts differ/)
  })
})
