import { z } from 'zod'

/** A query concept: alternative terms that count as one (a stem and its variants, or a word's translations). */
export interface QueryConcept {
  terms: readonly string[]
  weight?: number
}

/** A scored document of the lexical index, by its label (position at build time). */
export interface LexicalHit {
  label: number
  score: number
}

const SerializedBm25Schema = z.object({
  k1: z.number(),
  b: z.number(),
  lengths: z.array(z.number().int()),
  postings: z.record(z.string(), z.tuple([z.array(z.number().int()), z.array(z.number().int())])),
})
export type SerializedBm25 = z.infer<typeof SerializedBm25Schema>

interface Posting {
  labels: Int32Array
  frequencies: Uint16Array
}

/** Okapi BM25 over an inverted index of stems; concepts follow Pirkola's structured queries. */
export class Bm25Index {
  private readonly postings: Map<string, Posting>
  private readonly lengths: Uint32Array
  private readonly averageLength: number

  private constructor(readonly k1: number, readonly b: number, lengths: Uint32Array, postings: Map<string, Posting>) {
    this.lengths = lengths
    this.postings = postings
    let total = 0
    for (const length of lengths) total += length
    this.averageLength = lengths.length > 0 ? total / lengths.length : 0
  }

  /** Indexes documents given as lists of terms; a document's label is its position. */
  static build(documents: readonly (readonly string[])[], options: { k1?: number; b?: number } = {}): Bm25Index {
    const lists = new Map<string, { labels: number[]; frequencies: number[] }>()
    documents.forEach((terms, label) => {
      const counts = new Map<string, number>()
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
      for (const [term, count] of counts) {
        let list = lists.get(term)
        if (!list) lists.set(term, (list = { labels: [], frequencies: [] }))
        list.labels.push(label)
        list.frequencies.push(count)
      }
    })
    const postings = new Map<string, Posting>()
    for (const term of [...lists.keys()].sort()) {
      const list = lists.get(term)!
      postings.set(term, { labels: Int32Array.from(list.labels), frequencies: Uint16Array.from(list.frequencies) })
    }
    return new Bm25Index(options.k1 ?? 1.2, options.b ?? 0.75, Uint32Array.from(documents.map((terms) => terms.length)), postings)
  }

  /** Restores an index written by `toJSON`. */
  static fromJSON(value: unknown): Bm25Index {
    const parsed = SerializedBm25Schema.parse(value)
    const postings = new Map<string, Posting>()
    for (const [term, [labels, frequencies]] of Object.entries(parsed.postings)) {
      postings.set(term, { labels: Int32Array.from(labels), frequencies: Uint16Array.from(frequencies) })
    }
    return new Bm25Index(parsed.k1, parsed.b, Uint32Array.from(parsed.lengths), postings)
  }

  /** A plain, deterministic representation for persisting. */
  toJSON(): SerializedBm25 {
    const postings: SerializedBm25['postings'] = {}
    for (const [term, posting] of this.postings) postings[term] = [Array.from(posting.labels), Array.from(posting.frequencies)]
    return { k1: this.k1, b: this.b, lengths: Array.from(this.lengths), postings }
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.lengths.length
  }

  /** How many documents contain the term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.labels.length ?? 0
  }

  /** Every indexed term, in sorted order. */
  terms(): IterableIterator<string> {
    return this.postings.keys()
  }

  /** Whether any document contains the term. */
  has(term: string): boolean {
    return this.postings.has(term)
  }

  /** BM25's inverse document frequency, never negative; a term found nowhere gets the largest value. */
  inverseDocumentFrequency(documentFrequency: number): number {
    return Math.log(1 + (this.size - documentFrequency + 0.5) / (documentFrequency + 0.5))
  }

  /** The k best documents for the concepts, best first; ties keep label order. */
  search(concepts: readonly QueryConcept[], k: number): LexicalHit[] {
    const scores = new Map<number, number>()
    for (const concept of concepts) {
      const frequencies = new Map<number, number>()
      for (const term of new Set(concept.terms)) {
        const posting = this.postings.get(term)
        if (!posting) continue
        for (let index = 0; index < posting.labels.length; index++) {
          const label = posting.labels[index]!
          frequencies.set(label, (frequencies.get(label) ?? 0) + posting.frequencies[index]!)
        }
      }
      if (frequencies.size === 0) continue
      const weight = (concept.weight ?? 1) * this.inverseDocumentFrequency(frequencies.size)
      for (const [label, frequency] of frequencies) {
        const normalizer = this.k1 * (1 - this.b + (this.b * this.lengths[label]!) / (this.averageLength || 1))
        const score = (weight * frequency * (this.k1 + 1)) / (frequency + normalizer)
        scores.set(label, (scores.get(label) ?? 0) + score)
      }
    }
    return [...scores]
      .map(([label, score]) => ({ label, score }))
      .sort((left, right) => right.score - left.score || left.label - right.label)
      .slice(0, k)
  }
}
