import { Document } from '@langchain/core/documents'
import { BaseRetriever } from '@langchain/core/retrievers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Chunk } from '../../src/chunk/corpus.js'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { buildIndex } from '../../src/index/build-index.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { fuseRankings } from '../../src/retrieve/fuse-rankings.js'
import { HybridRetriever } from '../../src/retrieve/hybrid-retriever.js'
import { hashText, loadSources } from '../../src/source/load-sources.js'
import { contentStems } from '../../src/text/tokenize.js'
import { ARTICLE_SOURCES_DIRECTORY, DEFAULT_CHUNKER } from '../fixtures/foundation-article.js'
import type { HnswVectorStore } from '../../src/vector-store/hnsw-vector-store.js'

const FOLEY_QUESTION = 'من هو الصحفي الأميركي الذي قتل؟'
let article: SanadIndex
let overlapping: SanadIndex
let many: SanadIndex

const overlapShare = (chunk: Chunk, other: Chunk): number =>
  chunk.docId === other.docId ? Math.max(0, Math.min(chunk.end, other.end) - Math.max(chunk.start, other.start)) / (chunk.end - chunk.start) : 0

beforeAll(async () => {
  const sources = await loadSources(ARTICLE_SOURCES_DIRECTORY)
  article = (await buildIndex(sources, new LocalHashEmbeddings(), { chunker: { ...DEFAULT_CHUNKER } })).index
  // Short sentences and a wide overlap: neighbouring chunks share three of their four sentences.
  const short = Array.from({ length: 16 }, (_, index) => `تمويل الإرهاب في المنطقة ${index + 1}.`).join(' ')
  const shortText = `العنوان\n${short}\n`
  const shortSource = { id: 'short', title: 'short', path: 'short.txt', sha256: hashText(shortText), text: shortText }
  overlapping = (await buildIndex([shortSource], new LocalHashEmbeddings(), { chunker: { maxCharacters: 120, overlapSentences: 3 } })).index
  // One chunk per sentence: thirty about the coalition, then one about Foley.
  const lines = Array.from({ length: 30 }, (_, index) => `التحالف الدولي ضد داعش رقم ${index + 1}.`)
  const text = `العنوان\n${lines.join(' ')} جيمس فولي صحفي.\n`
  const source = { id: 'many', title: 'many', path: 'many.txt', sha256: hashText(text), text }
  many = (await buildIndex([source], new LocalHashEmbeddings(), { chunker: { maxCharacters: 50, overlapSentences: 0 } })).index
})

describe('HybridRetriever', () => {
  it('should find the chunk holding "جيمس فولي" for a question about the killed journalist', async () => {
    const [best] = await new HybridRetriever(article).retrieve({ text: FOLEY_QUESTION, topK: 5 })
    expect(article.textOf(best!.chunk)).toContain('جيمس فولي')
    expect(best!.dense).not.toBeNull()
    expect(best!.lexical).not.toBeNull()
  })

  it('should fuse the dense and the lexical ranking by reciprocal rank, best first', async () => {
    const retriever = new HybridRetriever(article)
    const hits = await retriever.retrieve({ text: FOLEY_QUESTION, topK: 5 })
    const dense = (article.vectorStore as HnswVectorStore).searchVector(await article.embeddings.embedQuery(FOLEY_QUESTION), 24)
    const lexical = article.lexical.search(retriever.conceptsOf(FOLEY_QUESTION), 24)
    const fused = fuseRankings([dense.map((hit) => hit.label), lexical.map((hit) => hit.label)])
    for (const hit of hits) {
      expect(hit.score).toBeCloseTo(fused.get(hit.label)!, 12)
      expect(hit.chunk).toBe(article.chunkAt(hit.label))
      expect(hit.dense).toBe(dense.find((candidate) => candidate.label === hit.label)?.score ?? null)
      expect(hit.lexical).toBe(lexical.find((candidate) => candidate.label === hit.label)?.score ?? null)
    }
    for (let index = 1; index < hits.length; index++) expect(hits[index - 1]!.score).toBeGreaterThanOrEqual(hits[index]!.score)
  })

  it('should report a null lexical score for a chunk that only the dense search found', async () => {
    const hits = await new HybridRetriever(article).retrieve({ text: FOLEY_QUESTION, topK: article.corpus.chunks.length })
    const denseOnly = hits.filter((hit) => hit.lexical === null)
    expect(denseOnly.length).toBeGreaterThan(0)
    for (const hit of denseOnly) expect(hit.dense).toEqual(expect.any(Number))
  })

  it('should report a null dense score for a chunk that only the lexical search found', async () => {
    const retriever = new HybridRetriever(many)
    const hits = await retriever.retrieve({ text: 'التحالف الدولي ضد داعش', concepts: retriever.conceptsOf('فولي'), topK: 5 })
    const foley = hits.find((hit) => many.textOf(hit.chunk).includes('جيمس فولي'))
    expect(many.corpus.chunks.length).toBeGreaterThan(24)
    expect(foley).toBeDefined()
    expect(foley!.dense).toBeNull()
    expect(foley!.lexical).toBeGreaterThan(0)
    expect(hits.filter((hit) => hit !== foley).every((hit) => hit.dense !== null && hit.lexical === null)).toBe(true)
  })

  it('should search the lexical index with the concepts it is given instead of the query words', async () => {
    const retriever = new HybridRetriever(article)
    const hits = await retriever.retrieve({ text: 'journalist killed', concepts: [{ terms: contentStems('جيمس فولي') }], topK: 3 })
    const lexicalHits = hits.filter((hit) => hit.lexical !== null)
    expect(lexicalHits).toHaveLength(1)
    expect(article.textOf(lexicalHits[0]!.chunk)).toContain('جيمس فولي')
  })

  it('should drop a chunk that lies mostly inside a better one', async () => {
    const query = 'تمويل الإرهاب في المنطقة 7'
    const retriever = new HybridRetriever(overlapping)
    const dense = (overlapping.vectorStore as HnswVectorStore).searchVector(await overlapping.embeddings.embedQuery(query), 24)
    const lexical = overlapping.lexical.search(retriever.conceptsOf(query), 24)
    const ranked = [...fuseRankings([dense.map((hit) => hit.label), lexical.map((hit) => hit.label)])].sort((left, right) => right[1] - left[1] || left[0] - right[0])
    const rankedChunks = ranked.map(([label]) => overlapping.chunkAt(label))
    const hasMostlyOverlappingPair = rankedChunks.some((chunk, index) => rankedChunks.slice(0, index).some((better) => overlapShare(chunk, better) > 0.5))
    expect(hasMostlyOverlappingPair).toBe(true)

    const hits = await retriever.retrieve({ text: query, topK: overlapping.corpus.chunks.length })
    expect(hits.length).toBeLessThan(ranked.length)
    hits.forEach((hit, index) => {
      for (const better of hits.slice(0, index)) expect(overlapShare(hit.chunk, better.chunk)).toBeLessThanOrEqual(0.5)
    })
    const kept = new Set(hits.map((hit) => hit.label))
    for (const [label] of ranked) {
      if (kept.has(label)) continue
      const chunk = overlapping.chunkAt(label)
      expect(hits.some((hit) => overlapShare(chunk, hit.chunk) > 0.5), `chunk ${chunk.id} was dropped for a reason`).toBe(true)
    }
  })

  it('should return at most topK chunks', async () => {
    expect(await new HybridRetriever(article).retrieve({ text: FOLEY_QUESTION, topK: 2 })).toHaveLength(2)
  })

  it('should answer retriever.invoke with LangChain documents holding the exact chunk text and the scores', async () => {
    const retriever = new HybridRetriever(article, 3)
    expect(retriever).toBeInstanceOf(BaseRetriever)
    const documents = await retriever.invoke(FOLEY_QUESTION)
    const hits = await retriever.retrieve({ text: FOLEY_QUESTION, topK: 3 })
    expect(documents).toHaveLength(3)
    documents.forEach((document, index) => {
      const hit = hits[index]!
      expect(document).toBeInstanceOf(Document)
      expect(document.pageContent).toBe(article.textOf(hit.chunk))
      expect(document.metadata).toEqual({
        chunkId: hit.chunk.id,
        docId: 'article',
        start: hit.chunk.start,
        end: hit.chunk.end,
        score: hit.score,
        dense: hit.dense,
        lexical: hit.lexical,
      })
    })
    expect(documents[0]!.pageContent).toContain('جيمس فولي')
  })

  it('should still answer a query made only of stopwords, by the dense ranking alone', async () => {
    const hits = await new HybridRetriever(article).retrieve({ text: 'من هو؟', topK: 3 })
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) expect(hit.lexical).toBeNull()
  })
})
