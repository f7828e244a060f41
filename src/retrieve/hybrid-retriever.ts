import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager'
import { Document } from '@langchain/core/documents'
import { BaseRetriever } from '@langchain/core/retrievers'
import type { Chunk } from '../chunk/corpus.js'
import type { QueryConcept } from '../lexical/bm25-index.js'
import type { SanadIndex } from '../index/sanad-index.js'
import { buildQueryConcepts } from './build-query-concepts.js'
import { fuseRankings } from './fuse-rankings.js'
import { TermVocabulary } from './term-vocabulary.js'

/** A retrieved chunk with its fused score and the score of each method (null when that method missed it). */
export interface RetrievedChunk {
  label: number
  chunk: Chunk
  score: number
  dense: number | null
  lexical: number | null
}

/** What to retrieve: the text to embed, and optionally the lexical concepts (from a translated query). */
export interface RetrievalQuery {
  text: string
  concepts?: readonly QueryConcept[]
  topK: number
  /** Only chunks of these documents (all documents when absent). */
  documents?: ReadonlySet<string> | undefined
}

const CANDIDATES_PER_METHOD = 24

/** Fuses dense (HNSW) and lexical (BM25) rankings by reciprocal rank fusion and drops overlapping chunks. */
export class HybridRetriever extends BaseRetriever {
  lc_namespace = ['sanad', 'retrieve']
  /** The indexed stems, to widen query words to their indexed forms; shared with the answerer. */
  readonly vocabulary: TermVocabulary

  private readonly chunkCounts = new Map<string, number>()

  constructor(private readonly index: SanadIndex, private readonly defaultTopK = 5) {
    super({})
    this.vocabulary = new TermVocabulary(index.lexical.terms())
    for (const chunk of index.corpus.chunks) this.chunkCounts.set(chunk.docId, (this.chunkCounts.get(chunk.docId) ?? 0) + 1)
  }

  /** The lexical concepts of a text, widened to the indexed forms of its words. */
  conceptsOf(text: string): QueryConcept[] {
    return buildQueryConcepts(text, this.vocabulary)
  }

  /** Retrieves the best chunks for a query, best first. */
  async retrieve(query: RetrievalQuery): Promise<RetrievedChunk[]> {
    const candidates = Math.max(CANDIDATES_PER_METHOD, query.topK * 3)
    const queryVector = await this.index.embeddings.embedQuery(query.text)
    const filter = query.documents ? this.chunkFilter(query.documents) : undefined
    const denseHits = this.index.vectorStore.searchVector(queryVector, candidates, filter)
    const lexicalHits = this.index.lexical.search(query.concepts ?? this.conceptsOf(query.text), candidates, filter?.accepts)
    const fused = fuseRankings([denseHits.map((hit) => hit.label), lexicalHits.map((hit) => hit.label)])
    const denseScores = new Map(denseHits.map((hit) => [hit.label, hit.score]))
    const lexicalScores = new Map(lexicalHits.map((hit) => [hit.label, hit.score]))
    const ranked = [...fused].sort((left, right) => right[1] - left[1] || left[0] - right[0])

    const picked: RetrievedChunk[] = []
    for (const [label, score] of ranked) {
      const chunk = this.index.chunkAt(label)
      if (picked.some((other) => overlapsMostOf(chunk, other.chunk))) continue
      picked.push({ label, chunk, score, dense: denseScores.get(label) ?? null, lexical: lexicalScores.get(label) ?? null })
      if (picked.length === query.topK) break
    }
    return picked
  }

  // Which chunk labels belong to the wanted documents; the answerer validated the ids.
  private chunkFilter(documents: ReadonlySet<string>): { accepts: (label: number) => boolean; allowedCount: number } {
    const chunks = this.index.corpus.chunks
    let allowedCount = 0
    for (const docId of documents) allowedCount += this.chunkCounts.get(docId) ?? 0
    return { accepts: (label) => documents.has(chunks[label]!.docId), allowedCount }
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document[]> {
    const hits = await this.retrieve({ text: query, topK: this.defaultTopK })
    return hits.map(
      (hit) =>
        new Document({
          pageContent: this.index.textOf(hit.chunk),
          metadata: { chunkId: hit.chunk.id, docId: hit.chunk.docId, start: hit.chunk.start, end: hit.chunk.end, score: hit.score, dense: hit.dense, lexical: hit.lexical },
        }),
    )
  }
}

// Neighbouring chunks share overlap sentences; one that is mostly inside a better one adds nothing.
function overlapsMostOf(chunk: Chunk, other: Chunk): boolean {
  if (chunk.docId !== other.docId) return false
  const overlap = Math.min(chunk.end, other.end) - Math.max(chunk.start, other.start)
  return overlap > (chunk.end - chunk.start) / 2
}
