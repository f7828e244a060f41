import type { SanadIndex } from '../index/sanad-index.js'
import { HnswVectorStore } from '../vector-store/hnsw-vector-store.js'
import { candidatesFor, ChunkRetriever, type RetrievalQuery, type RetrievedChunk } from './chunk-retriever.js'
import { fuseRankings } from './fuse-rankings.js'

export type { RetrievalQuery, RetrievedChunk } from './chunk-retriever.js'

/** Fuses dense (HNSW) and lexical (BM25) rankings by reciprocal rank fusion and drops overlapping chunks. */
export class HybridRetriever extends ChunkRetriever {
  private readonly chunkCounts = new Map<string, number>()
  private readonly vectorStore: HnswVectorStore

  constructor(index: SanadIndex, defaultTopK = 5) {
    super(index, defaultTopK)
    if (!(index.vectorStore instanceof HnswVectorStore)) throw new Error('HybridRetriever searches an in-process hnswlib index')
    this.vectorStore = index.vectorStore
    for (const chunk of index.corpus.chunks) this.chunkCounts.set(chunk.docId, (this.chunkCounts.get(chunk.docId) ?? 0) + 1)
  }

  /** Retrieves the best chunks for a query, best first. */
  async retrieve(query: RetrievalQuery): Promise<RetrievedChunk[]> {
    const candidates = candidatesFor(query.topK)
    const queryVector = await this.index.embeddings.embedQuery(query.text)
    const filter = query.documents ? this.chunkFilter(query.documents) : undefined
    const denseHits = this.vectorStore.searchVector(queryVector, candidates, filter)
    const lexicalHits = this.index.lexical.search(query.concepts ?? this.conceptsOf(query.text), candidates, filter?.accepts)
    const fused = fuseRankings([denseHits.map((hit) => hit.label), lexicalHits.map((hit) => hit.label)])
    const denseScores = new Map(denseHits.map((hit) => [hit.label, hit.score]))
    const lexicalScores = new Map(lexicalHits.map((hit) => [hit.label, hit.score]))
    const ranked = [...fused]
      .sort((left, right) => right[1] - left[1] || left[0] - right[0])
      .map(([label, score]) => ({ label, score, dense: denseScores.get(label) ?? null, lexical: lexicalScores.get(label) ?? null }))
    return this.pickChunks(ranked, query.topK)
  }

  // Which chunk labels belong to the wanted documents; the answerer validated the ids.
  private chunkFilter(documents: ReadonlySet<string>): { accepts: (label: number) => boolean; allowedCount: number } {
    const chunks = this.index.corpus.chunks
    let allowedCount = 0
    for (const docId of documents) allowedCount += this.chunkCounts.get(docId) ?? 0
    return { accepts: (label) => documents.has(chunks[label]!.docId), allowedCount }
  }
}
