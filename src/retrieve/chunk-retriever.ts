import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager'
import { Document } from '@langchain/core/documents'
import { BaseRetriever } from '@langchain/core/retrievers'
import type { Chunk } from '../chunk/corpus.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { QueryConcept } from '../lexical/bm25-index.js'
import { buildQueryConcepts } from './build-query-concepts.js'
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

/** How many candidates each method contributes to the fusion: at least this many, and three per wanted chunk. */
export function candidatesFor(topK: number): number {
  return Math.max(24, topK * 3)
}

/**
 * What the answerer retrieves through, whatever holds the vectors: chunks best first for a query, and
 * the indexed stems that query words are widened to. A LangChain retriever, so `invoke(text)` works too.
 */
export abstract class ChunkRetriever extends BaseRetriever {
  lc_namespace = ['sanad', 'retrieve']
  /** The indexed stems, to widen query words to their indexed forms; shared with the answerer. */
  readonly vocabulary: TermVocabulary

  constructor(protected readonly index: SanadIndex, protected readonly defaultTopK = 5) {
    super({})
    this.vocabulary = new TermVocabulary(index.lexical.terms())
  }

  /** The lexical concepts of a text, widened to the indexed forms of its words. */
  conceptsOf(text: string): QueryConcept[] {
    return buildQueryConcepts(text, this.vocabulary)
  }

  /** Retrieves the best chunks for a query, best first. */
  abstract retrieve(query: RetrievalQuery): Promise<RetrievedChunk[]>

  /**
   * The first `topK` of a fused ranking (best first), skipping a chunk that mostly repeats a better one:
   * neighbouring chunks share overlap sentences, and one mostly inside a better one adds nothing.
   */
  protected pickChunks(
    ranked: readonly { label: number; score: number; dense: number | null; lexical: number | null }[],
    topK: number,
  ): RetrievedChunk[] {
    const picked: RetrievedChunk[] = []
    for (const { label, score, dense, lexical } of ranked) {
      const chunk = this.index.chunkAt(label)
      if (picked.some((other) => overlapsMostOf(chunk, other.chunk))) continue
      picked.push({ label, chunk, score, dense, lexical })
      if (picked.length === topK) break
    }
    return picked
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

function overlapsMostOf(chunk: Chunk, other: Chunk): boolean {
  if (chunk.docId !== other.docId) return false
  const overlap = Math.min(chunk.end, other.end) - Math.max(chunk.start, other.start)
  return overlap > (chunk.end - chunk.start) / 2
}
