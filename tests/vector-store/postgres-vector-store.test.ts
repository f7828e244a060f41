import { Document } from '@langchain/core/documents'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPgliteServer, type PgliteServer } from '../../src/bench/start-pglite-server.js'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { Bm25Index, type QueryConcept } from '../../src/lexical/bm25-index.js'
import { fuseRankings } from '../../src/retrieve/fuse-rankings.js'
import { hashText } from '../../src/source/load-sources.js'
import { contentStems } from '../../src/text/tokenize.js'
import { PostgresVectorStore, toLexeme, type StoredChunk, type StoredDocument } from '../../src/vector-store/postgres-vector-store.js'

// Made-up documents: clitics (والمغاربة / المغاربة), a Latin name with an apostrophe, a dotted number.
const TEXTS: Record<string, string> = {
  beta: 'التحالف ضد الإرهاب يضم دولا كثيرة. الرباط عاصمة المغرب منذ زمن. والتحالف يجتمع في الرباط كل عام.',
  alpha: 'المغاربة يدعمون التحالف الدولي. والمغاربة في الرباط يتحدثون عن التحالف. قال O\'Brien إن العدد 1.000.000 كبير.',
  gamma: 'لا علاقة لهذه الجملة بالموضوع. طقس اليوم مشمس في الرباط والدار البيضاء.',
}
const DIMENSIONS = 64
const embeddings = new LocalHashEmbeddings({ dimensions: DIMENSIONS })

// One chunk per sentence, offsets into the document text.
function rowsOf(id: string): { document: StoredDocument; sentences: { ordinal: number; section: null; start: number; end: number }[]; chunks: Omit<StoredChunk, 'embedding'>[] } {
  const text = TEXTS[id]!
  // A sentence ends at a full stop followed by a space or the end (not inside 1.000.000).
  const sentences = [...text.matchAll(/\S.*?\.(?=\s|$)/g)].map((match, ordinal) => ({ ordinal, section: null, start: match.index, end: match.index + match[0].length }))
  return {
    document: { id, path: `${id}.txt`, title: id, sha256: hashText(text), text },
    sentences,
    chunks: sentences.map((sentence) => ({ ordinal: sentence.ordinal, section: null, sentenceOrdinals: [sentence.ordinal], start: sentence.start, end: sentence.end, content: text.slice(sentence.start, sentence.end) })),
  }
}

async function storeDocument(store: PostgresVectorStore, id: string): Promise<void> {
  const { document, sentences, chunks } = rowsOf(id)
  const vectors = await embeddings.embedDocuments(chunks.map((chunk) => chunk.content))
  await store.replaceDocument(document, sentences, chunks.map((chunk, position) => ({ ...chunk, embedding: vectors[position]! })))
}

// The chunks in label order (document path, then ordinal), as the in-process index numbers them.
const LABELLED = ['alpha', 'beta', 'gamma'].flatMap((id) => rowsOf(id).chunks.map((chunk) => ({ docId: id, ...chunk })))
const labelOf = (docId: string, ordinal: number) => LABELLED.findIndex((chunk) => chunk.docId === docId && chunk.ordinal === ordinal)

let server: PgliteServer
let store: PostgresVectorStore
let client: pg.Client
beforeAll(async () => {
  server = await startPgliteServer()
  store = PostgresVectorStore.connect(embeddings, { connectionString: server.url, poolSize: 1, efSearch: 40, schema: 'store_test' })
  await store.ensureSchema(DIMENSIONS)
  for (const id of Object.keys(TEXTS)) await storeDocument(store, id)
  await store.writeMeta({ test: true })
  client = new pg.Client({ connectionString: server.url })
  await client.connect()
}, 90_000)
afterAll(async () => {
  await client?.end()
  await store?.close()
  await server?.stop()
})

describe('PostgresVectorStore', () => {
  it('should store documents, sentences and chunks with exact offsets and read them back in path order', async () => {
    const corpus = await store.readCorpus()
    expect(corpus.documents.map((document) => document.id)).toEqual(['alpha', 'beta', 'gamma'])
    for (const document of corpus.documents) expect(document.text).toBe(TEXTS[document.id])
    for (const sentence of corpus.sentences) {
      const expected = rowsOf(sentence.docId).sentences[sentence.ordinal]!
      expect(sentence).toEqual({ docId: sentence.docId, ...expected })
    }
    expect(corpus.chunks).toHaveLength(LABELLED.length)
    for (const chunk of corpus.chunks) expect(TEXTS[chunk.docId]!.slice(chunk.start, chunk.end)).toBe(LABELLED[labelOf(chunk.docId, chunk.ordinal)]!.content)
    expect(await store.readMeta()).toEqual({ manifest: { test: true }, chunkCount: LABELLED.length, lexicalLengthTotal: LABELLED.reduce((sum, chunk) => sum + contentStems(chunk.content).length, 0) })
  })

  it("should index each chunk as sanad's own stems, each stem one lexeme with its frequency", async () => {
    const { rows } = await client.query<{ doc_id: string; ordinal: number; lexeme: string; frequency: number; lexical_length: number }>(
      `SELECT doc_id, ordinal, u.lexeme, cardinality(u.positions) AS frequency, lexical_length FROM store_test.chunks, unnest(lexemes) AS u`,
    )
    for (const chunk of LABELLED) {
      const stems = contentStems(chunk.content).map(toLexeme)
      const expected = new Map<string, number>()
      for (const stem of stems) expected.set(stem, (expected.get(stem) ?? 0) + 1)
      const stored = rows.filter((row) => row.doc_id === chunk.docId && row.ordinal === chunk.ordinal)
      expect(new Map(stored.map((row) => [row.lexeme, row.frequency]))).toEqual(expected)
      expect(stored[0]?.lexical_length).toBe(stems.length)
    }
    expect(rows.map((row) => row.lexeme)).toEqual(expect.arrayContaining(['obrien', '1.000.000']))
  })

  it('should match a word with a conjunction attached (والمغاربة) to the bare word, which the arabic configuration does not', async () => {
    const [bare] = contentStems('المغاربة')
    const { rows } = await client.query<{ ordinal: number }>(
      `SELECT ordinal FROM store_test.chunks WHERE doc_id = 'alpha' AND lexemes @@ to_tsquery('simple', $1) ORDER BY ordinal`,
      [`'${bare}'`],
    )
    expect(rows.map((row) => row.ordinal)).toEqual([0, 1])
    const arabic = await client.query<{ matches: boolean }>(`SELECT to_tsvector('arabic', 'والمغاربة') @@ plainto_tsquery('arabic', 'المغاربة') AS matches`)
    expect(arabic.rows[0]!.matches).toBe(false)
  })

  const QUERIES: [string, QueryConcept[], string[] | undefined][] = [
    ['one word', [{ terms: contentStems('الرباط') }], undefined],
    ['two concepts, one with variants', [{ terms: contentStems('التحالف') }, { terms: [...contentStems('المغاربة'), ...contentStems('المغرب')] }], undefined],
    ['weighted concepts', [{ terms: contentStems('الرباط'), weight: 0.5 }, { terms: contentStems('عاصمة'), weight: 2 }], undefined],
    ['a documents filter', [{ terms: contentStems('الرباط') }, { terms: contentStems('التحالف') }], ['beta', 'gamma']],
    ['a name and a number', [{ terms: contentStems("O'Brien") }, { terms: ['1.000.000'] }], undefined],
  ]

  it.each(QUERIES)('should rank by BM25 in SQL exactly as the in-process index does: %s', async (_, concepts, documents) => {
    const lexical = Bm25Index.build(LABELLED.map((chunk) => contentStems(chunk.content)))
    const accepts = documents ? (label: number) => documents.includes(LABELLED[label]!.docId) : undefined
    const expected = lexical.search(concepts, 24, accepts)
    expect(expected.length).toBeGreaterThan(0)
    const hits = await store.hybridSearch({ vector: await embeddings.embedQuery('سؤال'), termGroups: concepts, candidates: 24, documents, bm25: { k1: lexical.k1, b: lexical.b }, fusionK: 60 })
    const scored = hits.filter((hit) => hit.lexical !== null).map((hit) => ({ label: labelOf(hit.docId, hit.ordinal), score: hit.lexical! }))
    scored.sort((left, right) => right.score - left.score || left.label - right.label)
    expect(scored.map((hit) => hit.label)).toEqual(expected.map((hit) => hit.label))
    scored.forEach((hit, position) => expect(hit.score).toBeCloseTo(expected[position]!.score, 10))
    if (documents) for (const hit of hits) expect(documents).toContain(hit.docId)
  })

  it('should rank by cosine similarity and fuse both rankings by reciprocal rank', async () => {
    const question = 'الرباط عاصمة المغرب'
    const vector = await embeddings.embedQuery(question)
    const concepts = contentStems(question).map((stem) => ({ terms: [stem] }))
    const hits = await store.hybridSearch({ vector, termGroups: concepts, candidates: 4, bm25: { k1: 1.2, b: 0.75 }, fusionK: 60 })

    const chunkVectors = await embeddings.embedDocuments(LABELLED.map((chunk) => chunk.content))
    const cosine = (left: number[], right: number[]) => {
      let dot = 0
      let leftNorm = 0
      let rightNorm = 0
      left.forEach((value, position) => {
        dot += value * right[position]!
        leftNorm += value * value
        rightNorm += right[position]! ** 2
      })
      return dot / Math.sqrt(leftNorm * rightNorm)
    }
    const denseOrder = chunkVectors.map((chunkVector, label) => ({ label, score: cosine(vector, chunkVector) })).sort((left, right) => right.score - left.score).slice(0, 4)
    const lexicalOrder = Bm25Index.build(LABELLED.map((chunk) => contentStems(chunk.content))).search(concepts, 4)
    const fused = fuseRankings([denseOrder.map((hit) => hit.label), lexicalOrder.map((hit) => hit.label)])

    expect(new Map(hits.map((hit) => [labelOf(hit.docId, hit.ordinal), hit.score]))).toEqual(fused)
    for (const hit of hits.filter((candidate) => candidate.dense !== null)) {
      expect(hit.dense!).toBeCloseTo(denseOrder.find((dense) => dense.label === labelOf(hit.docId, hit.ordinal))!.score, 5)
    }
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((left, right) => right - left))
  })

  it('should find nothing lexical, and still rank by vector, for a query of unknown or no words', async () => {
    const hits = await store.hybridSearch({ vector: await embeddings.embedQuery('كلمات غريبة'), termGroups: [], candidates: 3, bm25: { k1: 1.2, b: 0.75 }, fusionK: 60 })
    expect(hits).toHaveLength(3)
    for (const hit of hits) expect(hit.lexical).toBeNull()
  })

  it('should serve LangChain: addDocuments to a stored document, then similaritySearch with a documents filter', async () => {
    const extra = 'الرباط مدينة ساحلية.'
    const text = TEXTS.gamma!
    await store.addDocuments([new Document({ pageContent: extra, metadata: { docId: 'gamma', ordinal: 99, start: 0, end: text.indexOf('.') + 1 } })])
    const [best] = await store.similaritySearch(extra, 1, { documents: ['gamma'] })
    expect(best).toMatchObject({ pageContent: extra, metadata: { docId: 'gamma', ordinal: 99, start: 0 } })
    const filtered = await store.similaritySearchWithScore(extra, 10, { documents: ['beta'] })
    expect(filtered.length).toBeGreaterThan(0)
    for (const [document, score] of filtered) {
      expect(document.metadata.docId).toBe('beta')
      expect(score).toBeLessThanOrEqual(1)
    }
    await store.deleteDocument('gamma')
    await storeDocument(store, 'gamma')
  })

  it('should replace one document without touching the rows of the others', async () => {
    const versions = async () =>
      (await client.query<{ doc_id: string; xmin: string }>(`SELECT doc_id, xmin::text FROM store_test.chunks UNION ALL SELECT doc_id, xmin::text FROM store_test.sentences ORDER BY 1, 2`)).rows
    const before = await versions()
    await store.transaction((session) => storeDocument(session, 'beta'))
    const after = await versions()
    expect(after.filter((row) => row.doc_id !== 'beta')).toEqual(before.filter((row) => row.doc_id !== 'beta'))
    expect(after.filter((row) => row.doc_id === 'beta')).not.toEqual(before.filter((row) => row.doc_id === 'beta'))
  })

  it('should roll a failed transaction back whole', async () => {
    const before = await store.readCorpus()
    await expect(
      store.transaction(async (session) => {
        await session.deleteDocument('alpha')
        throw new Error('the embedder went away')
      }),
    ).rejects.toThrow('the embedder went away')
    expect(await store.readCorpus()).toEqual(before)
  })

  it('should refuse a schema name that is not a plain identifier', () => {
    expect(() => PostgresVectorStore.connect(embeddings, { connectionString: server.url, poolSize: 1, efSearch: 40, schema: 'x; DROP TABLE y' })).toThrow(/schema/)
  })
})
