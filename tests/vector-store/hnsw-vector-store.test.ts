import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Document } from '@langchain/core/documents'
import { Embeddings } from '@langchain/core/embeddings'
import { SaveableVectorStore } from '@langchain/core/vectorstores'
import { describe, expect, it } from 'vitest'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { HnswVectorStore, VECTOR_STORE_FILES } from '../../src/vector-store/hnsw-vector-store.js'
import { useTemporaryDirectories } from '../fixtures/foundation-temporary-directories.js'

const makeTemporaryDirectory = useTemporaryDirectories('sanad-vectors-')

/** Embeds a text as the vector written in it ("1,0,0"), so that expected cosines are known. */
class LiteralEmbeddings extends Embeddings {
  constructor() {
    super({})
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => text.split(',').map(Number))
  }
  override async embedQuery(text: string): Promise<number[]> {
    return text.split(',').map(Number)
  }
}

const cosineOf = (left: number[], right: number[]): number => {
  const dot = left.reduce((sum, value, index) => sum + value * right[index]!, 0)
  const length = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))
  return dot / (length(left) * length(right))
}

const ARTICLE_SENTENCES = [
  'منذ سبتمبر 2001 والولايات المتحدة الأميركية في سباق الخطوة الأولى مع بن لادن زعيم القاعدة المقتول.',
  'عشر سنوات أعلن بعدها باراك اوباما عن مقتل بن لادن في 2 مايو 2011 بمنطقة “أبوتاباد” في باكستان.',
  'فبعد مقتل الصحفي الأميركي “جيمس فولي” أعلنت الولايات المتحدة أنها فشلت في إنقاذ رهائن.',
  'فغسيل الأموال وسيلة ناجعة تتطور وتتلون حسب الجهة التي تبيض الأموال.',
  'منذ تفجيرات مايو سنة 2003 بالدار البيضاء، إلى اليوم عشرات الخلايا الإرهابية النائمة تم رصدها.',
]

async function createArticleStore(): Promise<HnswVectorStore> {
  const store = new HnswVectorStore(new LocalHashEmbeddings())
  await store.addDocuments(ARTICLE_SENTENCES.map((pageContent, index) => new Document({ pageContent, metadata: { sentence: index } })))
  return store
}

describe('HnswVectorStore', () => {
  it('should be a LangChain SaveableVectorStore', () => {
    const store = new HnswVectorStore(new LocalHashEmbeddings())
    expect(store).toBeInstanceOf(SaveableVectorStore)
    expect(store._vectorstoreType()).toBe('hnswlib-node')
    expect(store.size).toBe(0)
  })

  it('should score neighbours by cosine similarity, best first', async () => {
    const vectors = [[1, 0, 0], [0, 1, 0], [1, 1, 0], [-1, 0, 0], [2, 0.5, 0]]
    const store = new HnswVectorStore(new LiteralEmbeddings())
    await store.addVectors(vectors, vectors.map((vector) => new Document({ pageContent: vector.join(','), metadata: {} })))
    const query = [3, 1, 0]
    const results = await store.similaritySearchVectorWithScore(query, vectors.length)
    const expected = vectors.map((vector) => [vector.join(','), cosineOf(query, vector)] as const).sort((left, right) => right[1] - left[1])
    expect(results.map(([document]) => document.pageContent)).toEqual(expected.map(([text]) => text))
    results.forEach(([, score], index) => expect(score).toBeCloseTo(expected[index]![1], 5))
  })

  it('should report labels in insertion order from searchVector', async () => {
    const store = new HnswVectorStore(new LiteralEmbeddings())
    await store.addVectors([[1, 0], [0, 1]], [new Document({ pageContent: 'a', metadata: {} }), new Document({ pageContent: 'b', metadata: {} })])
    expect(store.searchVector([0, 2], 1)).toEqual([{ label: 1, score: expect.closeTo(1, 5) }])
    expect(store.documentAt(1)?.pageContent).toBe('b')
    expect(store.searchVector([0, 2], 10)).toHaveLength(2)
  })

  it('should find the Foley sentence for a question about the killed journalist', async () => {
    const store = await createArticleStore()
    const [best] = await store.similaritySearchWithScore('الصحفي الأمريكي المقتول جيمس فولي', 1)
    const [document, score] = best!
    expect(document.pageContent).toContain('جيمس فولي')
    expect(document.metadata).toEqual({ sentence: 2 })
    expect(score).toBeGreaterThan(0)
  })

  it('should work as a LangChain retriever', async () => {
    const store = await createArticleStore()
    const documents = await store.asRetriever(2).invoke('تفجيرات الدار البيضاء سنة 2003')
    expect(documents).toHaveLength(2)
    expect(documents[0]!.pageContent).toContain('بالدار البيضاء')
    const [found] = await store.similaritySearch('غسيل الأموال', 1)
    expect(found!.pageContent).toContain('فغسيل الأموال')
  })

  it('should apply a filter and still return k documents', async () => {
    const store = await createArticleStore()
    const results = await store.similaritySearchVectorWithScore(
      await new LocalHashEmbeddings().embedQuery('مقتل بن لادن'),
      2,
      (document) => document.metadata.sentence !== 1,
    )
    expect(results).toHaveLength(2)
    expect(results.some(([document]) => document.metadata.sentence === 1)).toBe(false)
  })

  it('should save to a folder and load back the same documents and the same neighbours', async () => {
    const store = await createArticleStore()
    const directory = join(await makeTemporaryDirectory(), 'nested', 'vectors')
    await store.save(directory)
    expect((await readdir(directory)).sort()).toEqual(Object.values(VECTOR_STORE_FILES).sort())

    const loaded = await HnswVectorStore.load(directory, new LocalHashEmbeddings())
    expect(loaded.size).toBe(ARTICLE_SENTENCES.length)
    const query = await new LocalHashEmbeddings().embedQuery('اوباما يعلن مقتل بن لادن')
    expect(loaded.searchVector(query, 5)).toEqual(store.searchVector(query, 5))
    for (let label = 0; label < ARTICLE_SENTENCES.length; label++) {
      expect(loaded.documentAt(label)?.pageContent).toBe(ARTICLE_SENTENCES[label])
      expect(loaded.documentAt(label)?.metadata).toEqual({ sentence: label })
    }
  })

  it('should write the same bytes for the same vectors', async () => {
    const [first, second] = [await makeTemporaryDirectory(), await makeTemporaryDirectory()]
    await (await createArticleStore()).save(first)
    await (await createArticleStore()).save(second)
    for (const name of Object.values(VECTOR_STORE_FILES)) {
      expect((await readFile(join(first, name))).equals(await readFile(join(second, name))), name).toBe(true)
    }
  })

  it('should grow after loading', async () => {
    const directory = await makeTemporaryDirectory()
    await (await createArticleStore()).save(directory)
    const loaded = await HnswVectorStore.load(directory, new LocalHashEmbeddings())
    const extra = Array.from({ length: 20 }, (_, index) => new Document({ pageContent: `الجملة رقم ${index} عن التحالف الدولي`, metadata: {} }))
    await loaded.addDocuments(extra)
    expect(loaded.size).toBe(ARTICLE_SENTENCES.length + extra.length)
    expect(loaded.searchVector(await new LocalHashEmbeddings().embedQuery('الجملة رقم 7'), 30)).toHaveLength(loaded.size)
  })

  it('should derive its documents when told how, and save only their count', async () => {
    const documentOf = (label: number) => new Document({ pageContent: ARTICLE_SENTENCES[label]!, metadata: { sentence: label } })
    const store = new HnswVectorStore(new LocalHashEmbeddings(), { documentOf, capacity: ARTICLE_SENTENCES.length })
    const vectors = await new LocalHashEmbeddings().embedDocuments([...ARTICLE_SENTENCES])
    await store.addVectors(vectors, vectors.map(() => new Document({ pageContent: 'not kept', metadata: {} })))
    expect(store.size).toBe(ARTICLE_SENTENCES.length)
    expect(store.documentAt(2)).toEqual(documentOf(2))
    expect(store.documentAt(ARTICLE_SENTENCES.length)).toBeUndefined()
    const [best] = await store.similaritySearch('الصحفي الأمريكي المقتول جيمس فولي', 1)
    expect(best?.pageContent).not.toBe('not kept')

    const directory = await makeTemporaryDirectory()
    await store.save(directory)
    const stored = JSON.parse(await readFile(join(directory, VECTOR_STORE_FILES.documents), 'utf8'))
    expect(stored).toMatchObject({ count: ARTICLE_SENTENCES.length })
    expect(stored.documents).toBeUndefined()
    await expect(HnswVectorStore.load(directory, new LocalHashEmbeddings())).rejects.toThrow(/documentOf/)
    const loaded = await HnswVectorStore.load(directory, new LocalHashEmbeddings(), { documentOf })
    const query = await new LocalHashEmbeddings().embedQuery('اوباما يعلن مقتل بن لادن')
    expect(loaded.searchVector(query, 5)).toEqual(store.searchVector(query, 5))
    expect(loaded.documentAt(4)).toEqual(documentOf(4))
  })

  it('should refuse to save an empty store', async () => {
    await expect(new HnswVectorStore(new LocalHashEmbeddings()).save(await makeTemporaryDirectory())).rejects.toThrow(/empty/)
  })

  it('should refuse to load a folder whose graph and documents disagree', async () => {
    const directory = await makeTemporaryDirectory()
    await (await createArticleStore()).save(directory)
    const path = join(directory, VECTOR_STORE_FILES.documents)
    const stored = JSON.parse(await readFile(path, 'utf8')) as { documents: unknown[] }
    stored.documents.pop()
    await writeFile(path, JSON.stringify(stored))
    await expect(HnswVectorStore.load(directory, new LocalHashEmbeddings())).rejects.toThrow(/documents/)
  })

  it('should refuse vectors of another dimension than the store holds', async () => {
    const store = await createArticleStore()
    await expect(store.addVectors([[1, 2, 3]], [new Document({ pageContent: 'x', metadata: {} })])).rejects.toThrow(/512/)
    const fixed = new HnswVectorStore(new LiteralEmbeddings(), { dimensions: 4 })
    await expect(fixed.addVectors([[1, 2, 3]], [new Document({ pageContent: 'x', metadata: {} })])).rejects.toThrow(/4-dimensional/)
  })

  it('should find by exact search what the graph finds in a small store, with and without a filter', async () => {
    // Made-up vectors: 40 points in 8 dimensions from a fixed linear congruential sequence.
    let seed = 7
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1
    const vectors = Array.from({ length: 40 }, () => Array.from({ length: 8 }, next))
    const documents = vectors.map((_, label) => new Document({ pageContent: String(label), metadata: {} }))
    const exact = new HnswVectorStore(new LiteralEmbeddings())
    const graph = new HnswVectorStore(new LiteralEmbeddings(), { exactSearchLimit: 0 })
    await exact.addVectors(vectors, documents)
    await graph.addVectors(vectors, documents)
    const evenOnly = { accepts: (label: number) => label % 2 === 0, allowedCount: 20 }
    for (const query of vectors.slice(0, 10).map((vector) => vector.map((value) => value * 0.9 + 0.05))) {
      for (const filter of [undefined, evenOnly]) {
        const found = exact.searchVector(query, 5, filter)
        const walked = graph.searchVector(query, 5, filter)
        expect(found.map((hit) => hit.label)).toEqual(walked.map((hit) => hit.label))
        found.forEach((hit, position) => expect(hit.score).toBeCloseTo(walked[position]!.score, 5))
        found.forEach((hit) => expect(hit.score).toBeCloseTo(cosineOf(query, vectors[hit.label]!), 5))
      }
    }
  })

  it('should refuse a query of another dimension', async () => {
    const store = await createArticleStore()
    expect(() => store.searchVector([1, 2, 3], 1)).toThrow(/512/)
  })

  it('should refuse a batch of mixed dimensions without storing any of it', async () => {
    const store = new HnswVectorStore(new LiteralEmbeddings())
    const documents = ['a', 'b', 'c'].map((pageContent) => new Document({ pageContent, metadata: {} }))
    await expect(store.addVectors([[1, 0, 0], [0, 1, 0], [1, 1]], documents)).rejects.toThrow(/dimensions/)
    expect(store.size).toBe(0)
    await store.addVectors([[0, 0, 1]], [documents[0]!])
    expect(store.searchVector([0, 1, 0], 10)).toEqual([{ label: 0, score: expect.closeTo(0, 5) }])
  })

  it('should refuse a different number of vectors and documents', async () => {
    const store = new HnswVectorStore(new LiteralEmbeddings())
    await expect(store.addVectors([[1, 0]], [])).rejects.toThrow(/one document per vector/)
  })

  it('should return nothing when empty', async () => {
    const store = new HnswVectorStore(new LiteralEmbeddings())
    expect(store.searchVector([1, 0], 3)).toEqual([])
    expect(await store.similaritySearchVectorWithScore([1, 0], 3)).toEqual([])
  })
})
