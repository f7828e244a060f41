import type { SourceDocument } from '../source/source-document.js'

/** A corpus as every system in a comparison gets it: the sources, and sanad's chunks of them as texts. */
export interface PeerCorpus {
  sources: readonly SourceDocument[]
  /** The text of each chunk (its section heading, then its sentences), by label. */
  chunkTexts: readonly string[]
}

/** A retrieval system under comparison: it indexes a corpus, then returns the labels of the best chunks for a question. */
export interface RetrievalSystem {
  readonly name: string
  /** A line on how it is set up (library, version, mode). */
  readonly description: string
  build(corpus: PeerCorpus): Promise<void>
  /** The labels of the k best chunks, best first. */
  search(question: string, k: number): Promise<number[]>
}
