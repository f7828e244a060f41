import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EmbeddingsInterface } from '@langchain/core/embeddings'
import { Document, type DocumentInterface } from '@langchain/core/documents'
import { SaveableVectorStore } from '@langchain/core/vectorstores'
import hnswlib from 'hnswlib-node'
import { z } from 'zod'

const { HierarchicalNSW } = hnswlib
type HierarchicalNSWIndex = InstanceType<typeof hnswlib.HierarchicalNSW>

/** File names that `save` writes; the index manifest checksums them. */
export const VECTOR_STORE_FILES = { graph: 'vectors.hnsw', documents: 'vectors.documents.json' } as const

/** Graph parameters; fixed seeds make the build byte-for-byte repeatable. */
export interface HnswParameters {
  m: number
  efConstruction: number
  efSearch: number
  randomSeed: number
}

// Up to this many vectors, a search compares the query with each of them instead of walking the graph:
// the graph search is (nearly) exhaustive at this size anyway, and handing a 512-number query to hnswlib
// (element by element across N-API) costs more than 64 dot products.
const EXACT_SEARCH_LIMIT = 64

/**
 * The graph settings of a new index. Fitted with `npm run bench:hnsw` on the synthetic news (20k and 100k
 * chunks): the lowest efConstruction whose recall of the 24 dense candidates at efSearch 96 is at least
 * what efConstruction 200 gave at efSearch 64, at both sizes (0.945 and 0.903 against 0.936 and 0.885),
 * for 56% of the build's CPU time and about 0.1 ms more per search at 100k.
 */
export const DEFAULT_HNSW_PARAMETERS: HnswParameters = { m: 16, efConstruction: 100, efSearch: 96, randomSeed: 100 }

// A store keeps its documents (saved with it) or derives them (only their count is saved).
const StoredDocumentsSchema = z
  .object({
    dimensions: z.number().int().positive(),
    parameters: z.object({ m: z.number(), efConstruction: z.number(), efSearch: z.number(), randomSeed: z.number() }),
    documents: z.array(z.object({ pageContent: z.string(), metadata: z.record(z.string(), z.unknown()) })).optional(),
    count: z.number().int().min(0).optional(),
  })
  .refine((stored) => (stored.documents === undefined) !== (stored.count === undefined), 'a stored vector store has either documents or a count')

/** How a store is set up. */
export interface HnswVectorStoreOptions {
  dimensions?: number
  parameters?: Partial<HnswParameters>
  /**
   * Derives the document of a label instead of keeping the documents added: for a store whose texts live
   * elsewhere (the sanad index derives each chunk's from its source), so they are neither held twice in
   * memory nor written twice to disk; only their count is saved.
   */
  documentOf?: (label: number) => DocumentInterface
  /** How many vectors to make room for when the graph is created, so that a large build does not resize it step by step. */
  capacity?: number
  /** Up to this many vectors, a search compares the query with every one instead of walking the graph (default 64; 0 never). */
  exactSearchLimit?: number
}

/** One nearest neighbour: the label of the stored vector (its insertion order) and its cosine similarity. */
export interface VectorHit {
  label: number
  score: number
}

/** A LangChain SaveableVectorStore over hnswlib-node in cosine space; the only module that imports hnswlib. */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (document: DocumentInterface) => boolean
  private index: HierarchicalNSWIndex | null = null
  // The documents added, unless they are derived (`documentOf`).
  private readonly documents: DocumentInterface[] = []
  private readonly documentOf: ((label: number) => DocumentInterface) | undefined
  private count = 0
  private readonly capacity: number
  private readonly exactSearchLimit: number
  private readonly parameters: HnswParameters
  private dimensions: number | null
  // A small store's vectors, row after row, for an exact search that skips the graph (see searchVector).
  private exact: Float32Array | null = null

  constructor(embeddings: EmbeddingsInterface, options: HnswVectorStoreOptions = {}) {
    super(embeddings, {})
    this.parameters = { ...DEFAULT_HNSW_PARAMETERS, ...options.parameters }
    this.dimensions = options.dimensions ?? null
    this.documentOf = options.documentOf
    this.capacity = options.capacity ?? 0
    this.exactSearchLimit = options.exactSearchLimit ?? EXACT_SEARCH_LIMIT
  }

  _vectorstoreType(): string {
    return 'hnswlib-node'
  }

  /** How many vectors are stored. */
  get size(): number {
    return this.count
  }

  async addDocuments(documents: DocumentInterface[]): Promise<void> {
    const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent))
    await this.addVectors(vectors, documents)
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    if (vectors.length !== documents.length) throw new Error('addVectors needs one document per vector')
    if (vectors.length === 0) return
    const dimensions = vectors[0]!.length
    // Check every vector before inserting any, so a bad batch leaves the graph and the documents in step.
    vectors.forEach((vector, offset) => {
      if (vector.length !== dimensions) throw new Error(`vector ${offset} has ${vector.length} dimensions, expected ${dimensions}`)
    })
    const index = this.ensureIndex(dimensions, this.count + vectors.length)
    vectors.forEach((vector, offset) => index.addPoint(vector, this.count + offset))
    this.exact = null
    if (!this.documentOf) for (const document of documents) this.documents.push(document)
    this.count += vectors.length
  }

  /**
   * Nearest stored vectors by label, without building LangChain documents: the request-path search.
   * With `filter`, only labels it accepts are returned (hnswlib filters during the graph search);
   * `allowedCount` says how many labels it accepts, since hnswlib fails when asked for more than exist.
   */
  searchVector(query: ArrayLike<number>, k: number, filter?: { accepts: (label: number) => boolean; allowedCount: number }): VectorHit[] {
    if (!this.index || this.count === 0) return []
    const count = Math.min(k, filter ? filter.allowedCount : this.count)
    if (count <= 0) return []
    if (query.length !== this.dimensions) throw new Error(`the query has ${query.length} dimensions; this store holds ${this.dimensions}-dimensional vectors`)
    if (this.count <= this.exactSearchLimit) return this.searchExactly(query, count, filter?.accepts)
    this.index.setEf(Math.max(this.parameters.efSearch, count))
    // hnswlib reads a plain array of numbers; copy only what is not one already.
    const point = Array.isArray(query) ? (query as number[]) : Array.from(query)
    const { neighbors, distances } = filter ? this.index.searchKnn(point, count, filter.accepts) : this.index.searchKnn(point, count)
    return neighbors.map((label, position) => ({ label, score: 1 - distances[position]! }))
  }

  /**
   * Every stored vector compared with the query, as hnswlib's cosine space does (the query normalized
   * in single precision, score 1 − distance): for a store so small that handing the query to the graph
   * (element by element across N-API) costs more than comparing it with every vector.
   */
  private searchExactly(query: ArrayLike<number>, count: number, accepts?: (label: number) => boolean): VectorHit[] {
    const dimensions = this.dimensions!
    const vectors = (this.exact ??= this.readVectors())
    const normalized = new Float32Array(dimensions)
    let norm = 0
    for (let index = 0; index < dimensions; index++) norm = Math.fround(norm + Math.fround(query[index]! * query[index]!))
    const scale = Math.fround(1 / (Math.fround(Math.sqrt(norm)) + 1e-30))
    for (let index = 0; index < dimensions; index++) normalized[index] = query[index]! * scale
    const hits: VectorHit[] = []
    for (let label = 0; label < this.count; label++) {
      if (accepts && !accepts(label)) continue
      let dot = 0
      const row = label * dimensions
      for (let index = 0; index < dimensions; index++) dot += normalized[index]! * vectors[row + index]!
      hits.push({ label, score: 1 - Math.fround(1 - dot) })
    }
    return hits.sort((left, right) => right.score - left.score || left.label - right.label).slice(0, count)
  }

  // The stored (normalized) vectors, read back from the graph once.
  private readVectors(): Float32Array {
    const dimensions = this.dimensions!
    const vectors = new Float32Array(this.count * dimensions)
    for (let label = 0; label < this.count; label++) vectors.set(this.index!.getPoint(label), label * dimensions)
    return vectors
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface, number][]> {
    const hits = this.searchVector(query, filter ? this.count : k)
    const results: [DocumentInterface, number][] = []
    for (const hit of hits) {
      const document = this.documentAt(hit.label)!
      if (filter && !filter(document)) continue
      results.push([document, hit.score])
      if (results.length === k) break
    }
    return results
  }

  /** The stored document with the given label. */
  documentAt(label: number): DocumentInterface | undefined {
    if (!Number.isInteger(label) || label < 0 || label >= this.count) return undefined
    return this.documentOf ? this.documentOf(label) : this.documents[label]
  }

  async save(directory: string): Promise<void> {
    if (!this.index || this.dimensions === null) throw new Error('cannot save an empty vector store')
    await mkdir(directory, { recursive: true })
    this.index.writeIndexSync(join(directory, VECTOR_STORE_FILES.graph))
    const stored = this.documentOf
      ? { dimensions: this.dimensions, parameters: this.parameters, count: this.count }
      : { dimensions: this.dimensions, parameters: this.parameters, documents: this.documents.map(({ pageContent, metadata }) => ({ pageContent, metadata })) }
    await writeFile(join(directory, VECTOR_STORE_FILES.documents), JSON.stringify(stored))
  }

  /** Loads a saved store; a store whose documents were derived needs `documentOf` again. */
  static override async load(directory: string, embeddings: EmbeddingsInterface, options: Pick<HnswVectorStoreOptions, 'documentOf' | 'exactSearchLimit'> = {}): Promise<HnswVectorStore> {
    const stored = StoredDocumentsSchema.parse(JSON.parse(await readFile(join(directory, VECTOR_STORE_FILES.documents), 'utf8')))
    if (!stored.documents && !options.documentOf) throw new Error('this vector store derives its documents: load it with documentOf')
    const store = new HnswVectorStore(embeddings, {
      dimensions: stored.dimensions,
      parameters: stored.parameters,
      ...(options.documentOf ? { documentOf: options.documentOf } : {}),
      ...(options.exactSearchLimit !== undefined ? { exactSearchLimit: options.exactSearchLimit } : {}),
    })
    const index = new HierarchicalNSW('cosine', stored.dimensions)
    index.readIndexSync(join(directory, VECTOR_STORE_FILES.graph))
    const count = stored.documents?.length ?? stored.count!
    if (index.getCurrentCount() !== count) throw new Error(`the graph holds ${index.getCurrentCount()} vectors but ${count} documents are stored`)
    store.index = index
    store.count = count
    if (!options.documentOf) for (const document of stored.documents!) store.documents.push(new Document(document))
    return store
  }

  private ensureIndex(dimensions: number, capacity: number): HierarchicalNSWIndex {
    if (this.dimensions !== null && this.dimensions !== dimensions) {
      throw new Error(`this store holds ${this.dimensions}-dimensional vectors, not ${dimensions}`)
    }
    this.dimensions = dimensions
    if (!this.index) {
      this.index = new HierarchicalNSW('cosine', dimensions)
      const { m, efConstruction, randomSeed } = this.parameters
      this.index.initIndex({ maxElements: Math.max(capacity, this.capacity, 16), m, efConstruction, randomSeed })
    } else if (capacity > this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(capacity, this.index.getMaxElements() * 2))
    }
    return this.index
  }
}
