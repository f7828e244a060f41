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

const DEFAULT_PARAMETERS: HnswParameters = { m: 16, efConstruction: 200, efSearch: 64, randomSeed: 100 }

const StoredDocumentsSchema = z.object({
  dimensions: z.number().int().positive(),
  parameters: z.object({ m: z.number(), efConstruction: z.number(), efSearch: z.number(), randomSeed: z.number() }),
  documents: z.array(z.object({ pageContent: z.string(), metadata: z.record(z.string(), z.unknown()) })),
})

/** One nearest neighbour: the label of the stored vector (its insertion order) and its cosine similarity. */
export interface VectorHit {
  label: number
  score: number
}

/** A LangChain SaveableVectorStore over hnswlib-node in cosine space; the only module that imports hnswlib. */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (document: DocumentInterface) => boolean
  private index: HierarchicalNSWIndex | null = null
  private readonly documents: DocumentInterface[] = []
  private readonly parameters: HnswParameters
  private dimensions: number | null

  constructor(embeddings: EmbeddingsInterface, options: { dimensions?: number; parameters?: Partial<HnswParameters> } = {}) {
    super(embeddings, {})
    this.parameters = { ...DEFAULT_PARAMETERS, ...options.parameters }
    this.dimensions = options.dimensions ?? null
  }

  _vectorstoreType(): string {
    return 'hnswlib-node'
  }

  /** How many vectors are stored. */
  get size(): number {
    return this.documents.length
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
    const index = this.ensureIndex(dimensions, this.documents.length + vectors.length)
    vectors.forEach((vector, offset) => index.addPoint(vector, this.documents.length + offset))
    this.documents.push(...documents)
  }

  /**
   * Nearest stored vectors by label, without building LangChain documents: the request-path search.
   * With `filter`, only labels it accepts are returned (hnswlib filters during the graph search);
   * `allowedCount` says how many labels it accepts, since hnswlib fails when asked for more than exist.
   */
  searchVector(query: ArrayLike<number>, k: number, filter?: { accepts: (label: number) => boolean; allowedCount: number }): VectorHit[] {
    if (!this.index || this.documents.length === 0) return []
    const count = Math.min(k, filter ? filter.allowedCount : this.documents.length)
    if (count <= 0) return []
    this.index.setEf(Math.max(this.parameters.efSearch, count))
    const { neighbors, distances } = filter
      ? this.index.searchKnn(Array.from(query), count, filter.accepts)
      : this.index.searchKnn(Array.from(query), count)
    return neighbors.map((label, position) => ({ label, score: 1 - distances[position]! }))
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface, number][]> {
    const hits = this.searchVector(query, filter ? this.documents.length : k)
    const results: [DocumentInterface, number][] = []
    for (const hit of hits) {
      const document = this.documents[hit.label]!
      if (filter && !filter(document)) continue
      results.push([document, hit.score])
      if (results.length === k) break
    }
    return results
  }

  /** The stored document with the given label. */
  documentAt(label: number): DocumentInterface | undefined {
    return this.documents[label]
  }

  async save(directory: string): Promise<void> {
    if (!this.index || this.dimensions === null) throw new Error('cannot save an empty vector store')
    await mkdir(directory, { recursive: true })
    this.index.writeIndexSync(join(directory, VECTOR_STORE_FILES.graph))
    const stored = {
      dimensions: this.dimensions,
      parameters: this.parameters,
      documents: this.documents.map(({ pageContent, metadata }) => ({ pageContent, metadata })),
    }
    await writeFile(join(directory, VECTOR_STORE_FILES.documents), JSON.stringify(stored))
  }

  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const stored = StoredDocumentsSchema.parse(JSON.parse(await readFile(join(directory, VECTOR_STORE_FILES.documents), 'utf8')))
    const store = new HnswVectorStore(embeddings, { dimensions: stored.dimensions, parameters: stored.parameters })
    const index = new HierarchicalNSW('cosine', stored.dimensions)
    index.readIndexSync(join(directory, VECTOR_STORE_FILES.graph))
    if (index.getCurrentCount() !== stored.documents.length) {
      throw new Error(`the graph holds ${index.getCurrentCount()} vectors but ${stored.documents.length} documents are stored`)
    }
    store.index = index
    store.documents.push(...stored.documents.map((document) => new Document(document)))
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
      this.index.initIndex({ maxElements: Math.max(capacity, 16), m, efConstruction, randomSeed })
    } else if (capacity > this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(capacity, this.index.getMaxElements() * 2))
    }
    return this.index
  }
}
