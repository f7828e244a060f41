import type { SanadIndex } from '../index/sanad-index.js'
import { PostgresVectorStore } from '../vector-store/postgres-vector-store.js'
import { candidatesFor, ChunkRetriever, type RetrievalQuery, type RetrievedChunk } from './chunk-retriever.js'
import { FUSION_RANK_CONSTANT } from './fuse-rankings.js'

/**
 * The HybridRetriever contract over PostgreSQL: one SQL statement ranks chunks by pgvector's HNSW and
 * by BM25 over the stored lexemes and fuses the rankings by reciprocal rank; overlapping chunks are
 * dropped here as in the in-process retriever.
 */
export class PostgresHybridRetriever extends ChunkRetriever {
  private readonly store: PostgresVectorStore
  // Each document's chunk labels: the first, and how many; a chunk's label is the first plus its ordinal.
  private readonly labelRanges = new Map<string, { first: number; count: number }>()

  constructor(index: SanadIndex, defaultTopK = 5) {
    super(index, defaultTopK)
    if (!(index.vectorStore instanceof PostgresVectorStore)) throw new Error('PostgresHybridRetriever searches an index held in Postgres')
    this.store = index.vectorStore
    index.corpus.chunks.forEach((chunk, label) => {
      const range = this.labelRanges.get(chunk.docId)
      if (range) range.count++
      else this.labelRanges.set(chunk.docId, { first: label, count: 1 })
    })
  }

  /** Retrieves the best chunks for a query, best first. */
  async retrieve(query: RetrievalQuery): Promise<RetrievedChunk[]> {
    const hits = await this.store.hybridSearch({
      vector: await this.index.embeddings.embedQuery(query.text),
      termGroups: query.concepts ?? this.conceptsOf(query.text),
      candidates: candidatesFor(query.topK),
      documents: query.documents ? [...query.documents] : undefined,
      bm25: { k1: this.index.lexical.k1, b: this.index.lexical.b },
      fusionK: FUSION_RANK_CONSTANT,
    })
    const ranked = hits.flatMap(({ docId, ordinal, score, dense, lexical }) => {
      const range = this.labelRanges.get(docId)
      // Rows loaded after this replica read the corpus are not in it; a (rolling) restart serves them.
      return range && ordinal < range.count ? [{ label: range.first + ordinal, score, dense, lexical }] : []
    })
    ranked.sort((left, right) => right.score - left.score || left.label - right.label)
    return this.pickChunks(ranked, query.topK)
  }
}
