import type { Chunk, CorpusStructure, Sentence } from '../chunk/corpus.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import type { Bm25Index } from '../lexical/bm25-index.js'
import type { SourceDocument } from '../source/source-document.js'
import { tokenize, type Token } from '../text/tokenize.js'
import type { HnswVectorStore } from '../vector-store/hnsw-vector-store.js'
import type { PostgresVectorStore } from '../vector-store/postgres-vector-store.js'
import type { SourceGuide } from './guide/source-guide.js'
import type { IndexManifest } from './index-manifest.js'

// How many sentences' tokens are kept: a few questions' worth of candidates, not the whole corpus of a large index.
const TOKEN_CACHE_SENTENCES = 4096

/** Everything retrieval and answering read: documents, their structure, the vector and lexical indexes. */
export class SanadIndex {
  readonly documents: ReadonlyMap<string, SourceDocument>
  /** Each document's source guide, built with the index (see guide/build-source-guide.ts). */
  readonly guides: ReadonlyMap<string, SourceGuide>
  /** The documents flagged at build time as carrying instructions to a model (poisoned sources). */
  readonly poisonedDocuments: ReadonlySet<string>
  // The most recently used sentences' tokens, least recent first (a Map keeps insertion order).
  private readonly sentenceTokens = new Map<number, Token[]>()
  private documentSentences: Map<string, Sentence[]> | null = null

  constructor(
    sources: readonly SourceDocument[],
    readonly corpus: CorpusStructure,
    /** hnswlib in this process, or PostgreSQL shared by every replica. */
    readonly vectorStore: HnswVectorStore | PostgresVectorStore,
    readonly lexical: Bm25Index,
    readonly embeddings: SanadEmbeddings,
    readonly manifest: IndexManifest,
    guides: readonly SourceGuide[] = [],
  ) {
    this.documents = new Map(sources.map((source) => [source.id, source]))
    this.guides = new Map(guides.map((guide) => [guide.docId, guide]))
    this.poisonedDocuments = new Set(manifest.sources.filter((source) => source.carriesInstructions).map((source) => source.id))
  }

  /** The exact text of a span of a document. */
  textOf(span: { docId: string; start: number; end: number }): string {
    return this.documents.get(span.docId)?.text.slice(span.start, span.end) ?? ''
  }

  /** A chunk by its label (position in the corpus). */
  chunkAt(label: number): Chunk {
    const chunk = this.corpus.chunks[label]
    if (!chunk) throw new RangeError(`no chunk ${label}`)
    return chunk
  }

  /** A sentence by its id. */
  sentenceAt(id: number): Sentence {
    const sentence = this.corpus.sentences[id]
    if (!sentence) throw new RangeError(`no sentence ${id}`)
    return sentence
  }

  /** The sentences of one document in reading order (none for an unknown id); grouped once, on first use. */
  sentencesOf(docId: string): readonly Sentence[] {
    if (!this.documentSentences) {
      this.documentSentences = new Map()
      for (const sentence of this.corpus.sentences) {
        let list = this.documentSentences.get(sentence.docId)
        if (!list) this.documentSentences.set(sentence.docId, (list = []))
        list.push(sentence)
      }
    }
    return this.documentSentences.get(docId) ?? []
  }

  /** A sentence's tokens, offsets into its document; kept for the few thousand sentences used last. */
  tokensOf(sentence: Sentence): Token[] {
    let tokens = this.sentenceTokens.get(sentence.id)
    if (tokens) {
      this.sentenceTokens.delete(sentence.id)
    } else {
      tokens = tokenize(this.textOf(sentence), sentence.start)
      if (this.sentenceTokens.size >= TOKEN_CACHE_SENTENCES) this.sentenceTokens.delete(this.sentenceTokens.keys().next().value!)
    }
    this.sentenceTokens.set(sentence.id, tokens)
    return tokens
  }

  /** A summary for health checks and logs. */
  summary(): { documents: number; sentences: number; chunks: number; embedder: string; dimensions: number } {
    return { ...this.manifest.counts, embedder: this.manifest.embedder.id, dimensions: this.manifest.embedder.dimensions }
  }
}
