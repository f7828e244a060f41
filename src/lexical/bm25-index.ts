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
  // BM25's length normalization of each document, computed once instead of once per posting.
  private readonly normalizers: Float64Array
  // Per-document accumulators reused by every search; search is synchronous, so no two searches share them.
  private scratchSpace: SearchScratch | null = null

  private constructor(readonly k1: number, readonly b: number, lengths: Uint32Array, postings: Map<string, Posting>) {
    this.lengths = lengths
    this.postings = postings
    let total = 0
    for (const length of lengths) total += length
    this.averageLength = lengths.length > 0 ? total / lengths.length : 0
    this.normalizers = Float64Array.from(lengths, (length) => this.k1 * (1 - this.b + (this.b * length) / (this.averageLength || 1)))
  }

  private get scratch(): SearchScratch {
    const size = this.lengths.length
    return (this.scratchSpace ??= {
      frequencies: new Float64Array(size),
      scores: new Float64Array(size),
      isScored: new Uint8Array(size),
      conceptLabels: new Int32Array(size),
      scoredLabels: new Int32Array(size),
    })
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
    // JSON objects list integer-like keys ("2001") first, so restore the sorted order that `build` gives.
    const entries = Object.entries(parsed.postings).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    for (const [term, [labels, frequencies]] of entries) {
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
  search(concepts: readonly QueryConcept[], k: number, accepts?: (label: number) => boolean): LexicalHit[] {
    // Typed-array accumulators and a bounded heap instead of Maps and a full sort: the cost is the
    // postings read plus O(matches · log k), which matters once common terms match most of a large corpus.
    const { frequencies, scores, isScored, conceptLabels, scoredLabels } = this.scratch
    let scoredCount = 0
    let conceptCount = 0
    try {
      for (const concept of concepts) {
        conceptCount = 0
        for (const term of new Set(concept.terms)) {
          const posting = this.postings.get(term)
          if (!posting) continue
          for (let index = 0; index < posting.labels.length; index++) {
            const label = posting.labels[index]!
            if (accepts && !accepts(label)) continue
            if (frequencies[label] === 0) conceptLabels[conceptCount++] = label
            frequencies[label]! += posting.frequencies[index]!
          }
        }
        if (conceptCount === 0) continue
        const weight = (concept.weight ?? 1) * this.inverseDocumentFrequency(conceptCount)
        for (let position = 0; position < conceptCount; position++) {
          const label = conceptLabels[position]!
          const frequency = frequencies[label]!
          frequencies[label] = 0
          scores[label]! += (weight * frequency * (this.k1 + 1)) / (frequency + this.normalizers[label]!)
          if (isScored[label] === 0) {
            isScored[label] = 1
            scoredLabels[scoredCount++] = label
          }
        }
        conceptCount = 0
      }
      return selectBest(scores, scoredLabels, scoredCount, k)
    } finally {
      for (let position = 0; position < conceptCount; position++) frequencies[conceptLabels[position]!] = 0
      for (let position = 0; position < scoredCount; position++) {
        const label = scoredLabels[position]!
        scores[label] = 0
        isScored[label] = 0
      }
    }
  }
}

interface SearchScratch {
  frequencies: Float64Array
  scores: Float64Array
  isScored: Uint8Array
  conceptLabels: Int32Array
  scoredLabels: Int32Array
}

// The k best of the scored labels, best first, ties by label; a heap keeps the k best seen so far, worst on top.
function selectBest(scores: Float64Array, labels: Int32Array, count: number, k: number): LexicalHit[] {
  const size = Math.min(k, count)
  if (size <= 0) return []
  const worse = (left: number, right: number) => scores[left]! < scores[right]! || (scores[left] === scores[right] && left > right)
  const heap: number[] = []
  for (let position = 0; position < count; position++) {
    const label = labels[position]!
    if (heap.length < size) {
      heap.push(label)
      for (let child = heap.length - 1; child > 0; ) {
        const parent = (child - 1) >> 1
        if (!worse(heap[child]!, heap[parent]!)) break
        ;[heap[child], heap[parent]] = [heap[parent]!, heap[child]!]
        child = parent
      }
    } else if (worse(heap[0]!, label)) {
      heap[0] = label
      for (let parent = 0; ; ) {
        const left = 2 * parent + 1
        const right = left + 1
        let worst = parent
        if (left < size && worse(heap[left]!, heap[worst]!)) worst = left
        if (right < size && worse(heap[right]!, heap[worst]!)) worst = right
        if (worst === parent) break
        ;[heap[worst], heap[parent]] = [heap[parent]!, heap[worst]!]
        parent = worst
      }
    }
  }
  return heap.sort((left, right) => scores[right]! - scores[left]! || left - right).map((label) => ({ label, score: scores[label]! }))
}
