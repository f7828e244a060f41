import { endianness } from 'node:os'
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

const ParametersSchema = z.object({ k1: z.number(), b: z.number(), lengths: z.array(z.number().int().min(0)), postings: z.record(z.string(), z.unknown()) })
/** The persisted form: parameters, document lengths, and per term its labels and frequencies. */
export type SerializedBm25 = { k1: number; b: number; lengths: number[]; postings: Record<string, [number[], number[]]> }

// The binary form: this line, a JSON header line padded to a multiple of 8 bytes, then the arrays
// (little-endian, each starting at a multiple of 4 bytes) and the terms as UTF-8, one per line.
const BINARY_MAGIC = 'sanad-bm25\n'
const BinaryHeaderSchema = z.object({
  version: z.literal(1),
  k1: z.number(),
  b: z.number(),
  documents: z.number().int().min(0),
  terms: z.number().int().min(0),
  postings: z.number().int().min(0),
  termBytes: z.number().int().min(0),
})

/**
 * The postings of every term in three flat arrays: the labels and frequencies of term t are the
 * slices [offsets[t], offsets[t + 1]) of `labels` and `frequencies`, labels ascending. Two typed
 * arrays per term cost more in headers than in postings once most terms are rare.
 */
interface FlatPostings {
  /** Every term, sorted; a term's id is its position. */
  terms: string[]
  termIds: Map<string, number>
  offsets: Uint32Array
  labels: Int32Array
  frequencies: Uint16Array
}

/** Okapi BM25 over an inverted index of stems; concepts follow Pirkola's structured queries. */
export class Bm25Index {
  private readonly postings: FlatPostings
  private readonly lengths: Uint32Array
  private readonly averageLength: number
  // BM25's length normalization of each document, computed once instead of once per posting.
  private readonly normalizers: Float64Array
  // Per-document accumulators reused by every search; search is synchronous, so no two searches share them.
  private scratchSpace: SearchScratch | null = null

  private constructor(readonly k1: number, readonly b: number, lengths: Uint32Array, postings: FlatPostings) {
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

  /** Indexes documents given as lists of terms (an array, or a generator read once); a document's label is its position. */
  static build(documents: Iterable<readonly string[]>, options: { k1?: number; b?: number } = {}): Bm25Index {
    // Term ids in order of first appearance, then one counting pass to size the flat arrays.
    const firstIds = new Map<string, number>()
    const documentTerms: Int32Array[] = []
    const documentCounts: Uint16Array[] = []
    const postingCounts: number[] = []
    const lengths: number[] = []
    for (const terms of documents) {
      lengths.push(terms.length)
      const counts = new Map<number, number>()
      for (const term of terms) {
        let id = firstIds.get(term)
        if (id === undefined) {
          firstIds.set(term, (id = firstIds.size))
          postingCounts.push(0)
        }
        counts.set(id, (counts.get(id) ?? 0) + 1)
      }
      const ids = Int32Array.from(counts.keys())
      documentTerms.push(ids)
      documentCounts.push(Uint16Array.from(counts.values(), (count) => Math.min(count, 0xffff)))
      for (const id of ids) postingCounts[id]!++
    }
    const terms = [...firstIds.keys()].sort()
    const sortedIdOf = new Int32Array(terms.length)
    terms.forEach((term, sortedId) => (sortedIdOf[firstIds.get(term)!] = sortedId))
    const offsets = new Uint32Array(terms.length + 1)
    for (let sortedId = 0; sortedId < terms.length; sortedId++) offsets[sortedId + 1] = offsets[sortedId]! + postingCounts[firstIds.get(terms[sortedId]!)!]!
    const labels = new Int32Array(offsets[terms.length]!)
    const frequencies = new Uint16Array(labels.length)
    const cursor = offsets.slice(0, terms.length)
    // Documents in label order, so every term's labels come out ascending.
    documentTerms.forEach((ids, label) => {
      const counts = documentCounts[label]!
      ids.forEach((id, position) => {
        const at = cursor[sortedIdOf[id]!]!++
        labels[at] = label
        frequencies[at] = counts[position]!
      })
    })
    const postings: FlatPostings = { terms, termIds: new Map(terms.map((term, id) => [term, id])), offsets, labels, frequencies }
    return new Bm25Index(options.k1 ?? 1.2, options.b ?? 0.75, Uint32Array.from(lengths), postings)
  }

  /** Restores an index written by `toJSON`; throws on a malformed value. */
  static fromJSON(value: unknown): Bm25Index {
    const parsed = ParametersSchema.parse(value)
    const documentCount = parsed.lengths.length
    // JSON objects list integer-like keys ("2001") first, so restore the sorted order that `build` gives.
    const terms = Object.keys(parsed.postings).sort((left, right) => (left < right ? -1 : left > right ? 1 : 0))
    const offsets = new Uint32Array(terms.length + 1)
    // Checked by hand rather than with a zod schema per posting: an index of 100k chunks has a few hundred thousand terms.
    const entries = terms.map((term, id) => {
      const entry = parsed.postings[term]
      if (!Array.isArray(entry) || entry.length !== 2 || !Array.isArray(entry[0]) || !Array.isArray(entry[1]) || entry[0].length !== entry[1].length) {
        throw new Error(`the postings of "${term}" are malformed`)
      }
      offsets[id + 1] = offsets[id]! + entry[0].length
      return entry as [unknown[], unknown[]]
    })
    const labels = new Int32Array(offsets[terms.length]!)
    const frequencies = new Uint16Array(labels.length)
    entries.forEach(([termLabels, termFrequencies], id) => {
      let at = offsets[id]!
      let previous = -1
      for (let position = 0; position < termLabels.length; position++, at++) {
        const label = termLabels[position]
        const frequency = termFrequencies[position]
        if (!Number.isInteger(label) || (label as number) <= previous || (label as number) >= documentCount) throw new Error(`a label of "${terms[id]}" is out of order or range`)
        if (!Number.isInteger(frequency) || (frequency as number) < 1 || (frequency as number) > 0xffff) throw new Error(`a frequency of "${terms[id]}" is not a count`)
        labels[at] = previous = label as number
        frequencies[at] = frequency as number
      }
    })
    const postings: FlatPostings = { terms, termIds: new Map(terms.map((term, id) => [term, id])), offsets, labels, frequencies }
    return new Bm25Index(parsed.k1, parsed.b, Uint32Array.from(parsed.lengths), postings)
  }

  /**
   * The index as bytes, in parts to write one after another (no part is a copy of the arrays): a
   * header, the document lengths, the term offsets, the labels, the frequencies and the terms.
   * Loading it is a few array views, where JSON of a large corpus takes seconds and more memory than the index.
   */
  toBinary(): Uint8Array[] {
    requireLittleEndian()
    const { terms, offsets, labels, frequencies } = this.postings
    const termBytes = Buffer.from(terms.join('\n'), 'utf8')
    const header = JSON.stringify({ version: 1, k1: this.k1, b: this.b, documents: this.lengths.length, terms: terms.length, postings: labels.length, termBytes: termBytes.length })
    const headerLength = Math.ceil((BINARY_MAGIC.length + header.length + 1) / 8) * 8
    const head = Buffer.from(`${BINARY_MAGIC}${header.padEnd(headerLength - BINARY_MAGIC.length - 1)}\n`, 'utf8')
    const bytesOf = (array: Uint32Array | Int32Array | Uint16Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
    const frequencyPadding = new Uint8Array((4 - (frequencies.byteLength % 4)) % 4)
    return [head, bytesOf(this.lengths), bytesOf(offsets), bytesOf(labels), bytesOf(frequencies), frequencyPadding, termBytes]
  }

  /** Restores an index written by `toBinary`; throws on bytes that are not one. */
  static fromBinary(bytes: Uint8Array): Bm25Index {
    requireLittleEndian()
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    if (buffer.toString('utf8', 0, BINARY_MAGIC.length) !== BINARY_MAGIC) throw new Error('not a sanad BM25 index')
    const headerEnd = buffer.indexOf(0x0a, BINARY_MAGIC.length)
    if (headerEnd < 0 || (headerEnd + 1) % 8 !== 0) throw new Error('the BM25 header is malformed')
    const header = BinaryHeaderSchema.parse(JSON.parse(buffer.toString('utf8', BINARY_MAGIC.length, headerEnd)))
    let at = headerEnd + 1
    // A view when the bytes are aligned for the type, a copy when they are not.
    const take = <T extends Uint32Array | Int32Array | Uint16Array>(Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; new (length: number): T; BYTES_PER_ELEMENT: number }, count: number): T => {
      const byteLength = count * Type.BYTES_PER_ELEMENT
      if (at + byteLength > buffer.length) throw new Error('the BM25 index is truncated')
      const offset = buffer.byteOffset + at
      const array = offset % Type.BYTES_PER_ELEMENT === 0 ? new Type(buffer.buffer, offset, count) : new Type(new Uint8Array(buffer.subarray(at, at + byteLength)).buffer, 0, count)
      at += byteLength
      return array
    }
    const lengths = take(Uint32Array, header.documents)
    const offsets = take(Uint32Array, header.terms + 1)
    const labels = take(Int32Array, header.postings)
    const frequencies = take(Uint16Array, header.postings)
    at += (4 - ((header.postings * 2) % 4)) % 4
    if (at + header.termBytes !== buffer.length) throw new Error('the BM25 index has the wrong length')
    const terms = header.terms === 0 ? [] : buffer.toString('utf8', at, at + header.termBytes).split('\n')
    if (terms.length !== header.terms) throw new Error('the BM25 index lists another number of terms')
    for (let id = 1; id < terms.length; id++) if (!(terms[id - 1]! < terms[id]!)) throw new Error('the BM25 terms are not sorted')
    if (offsets[0] !== 0 || offsets[header.terms] !== header.postings) throw new Error('the BM25 offsets do not span the postings')
    for (let id = 0; id < header.terms; id++) {
      if (offsets[id + 1]! < offsets[id]!) throw new Error('the BM25 offsets go backwards')
      for (let position = offsets[id]!, previous = -1; position < offsets[id + 1]!; position++) {
        const label = labels[position]!
        if (label <= previous || label >= header.documents || frequencies[position] === 0) throw new Error(`the postings of "${terms[id]}" are malformed`)
        previous = label
      }
    }
    const postings: FlatPostings = { terms, termIds: new Map(terms.map((term, id) => [term, id])), offsets, labels, frequencies }
    return new Bm25Index(header.k1, header.b, lengths, postings)
  }

  /** A plain, deterministic representation for persisting. */
  toJSON(): SerializedBm25 {
    const { terms, offsets, labels, frequencies } = this.postings
    const postings: SerializedBm25['postings'] = {}
    terms.forEach((term, id) => {
      postings[term] = [Array.from(labels.subarray(offsets[id]!, offsets[id + 1]!)), Array.from(frequencies.subarray(offsets[id]!, offsets[id + 1]!))]
    })
    return { k1: this.k1, b: this.b, lengths: Array.from(this.lengths), postings }
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.lengths.length
  }

  /** How many documents contain the term. */
  documentFrequency(term: string): number {
    const id = this.postings.termIds.get(term)
    return id === undefined ? 0 : this.postings.offsets[id + 1]! - this.postings.offsets[id]!
  }

  /** Every indexed term, in sorted order. */
  terms(): IterableIterator<string> {
    return this.postings.terms.values()
  }

  /** Whether any document contains the term. */
  has(term: string): boolean {
    return this.postings.termIds.has(term)
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
    const { termIds, offsets, labels: postingLabels, frequencies: postingFrequencies } = this.postings
    const saturation = this.k1 + 1
    const normalizers = this.normalizers
    let scoredCount = 0
    let conceptCount = 0
    try {
      for (const concept of concepts) {
        conceptCount = 0
        const ids: number[] = []
        for (const term of concept.terms) {
          const id = termIds.get(term)
          if (id !== undefined && !ids.includes(id)) ids.push(id)
        }
        if (ids.length === 0) continue
        const [only] = ids
        if (ids.length === 1 && !accepts) {
          // One term and no filter: its document frequency is its postings' length, so one pass scores it.
          const start = offsets[only!]!
          const end = offsets[only! + 1]!
          const weight = (concept.weight ?? 1) * this.inverseDocumentFrequency(end - start)
          for (let at = start; at < end; at++) {
            const label = postingLabels[at]!
            const frequency = postingFrequencies[at]!
            scores[label]! += (weight * frequency * saturation) / (frequency + normalizers[label]!)
            if (isScored[label] === 0) {
              isScored[label] = 1
              scoredLabels[scoredCount++] = label
            }
          }
          continue
        }
        for (const id of ids) {
          for (let at = offsets[id]!, end = offsets[id + 1]!; at < end; at++) {
            const label = postingLabels[at]!
            if (accepts && !accepts(label)) continue
            if (frequencies[label] === 0) conceptLabels[conceptCount++] = label
            frequencies[label]! += postingFrequencies[at]!
          }
        }
        if (conceptCount === 0) continue
        const weight = (concept.weight ?? 1) * this.inverseDocumentFrequency(conceptCount)
        for (let position = 0; position < conceptCount; position++) {
          const label = conceptLabels[position]!
          const frequency = frequencies[label]!
          frequencies[label] = 0
          scores[label]! += (weight * frequency * saturation) / (frequency + normalizers[label]!)
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

function requireLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('the binary BM25 index is written and read on little-endian machines only')
}

interface SearchScratch {
  frequencies: Float64Array
  scores: Float64Array
  isScored: Uint8Array
  conceptLabels: Int32Array
  scoredLabels: Int32Array
}

// The k best of the scored labels, best first, ties by label: a heap of the k best seen so far, worst on
// top, in a typed array; most labels of a large result are turned away by one comparison with the top.
function selectBest(scores: Float64Array, labels: Int32Array, count: number, k: number): LexicalHit[] {
  const size = Math.min(k, count)
  if (size <= 0) return []
  const heap = new Int32Array(size)
  let filled = 0
  for (let position = 0; position < count; position++) {
    const label = labels[position]!
    const score = scores[label]!
    if (filled < size) {
      // Sift up: parents are worse than (or as bad as) their children.
      let child = filled++
      while (child > 0) {
        const parent = (child - 1) >> 1
        const other = heap[parent]!
        if (!(score < scores[other]! || (score === scores[other] && label > other))) break
        heap[child] = other
        child = parent
      }
      heap[child] = label
      continue
    }
    const worst = heap[0]!
    if (!(score > scores[worst]! || (score === scores[worst] && label < worst))) continue
    // Sift down from the top.
    let parent = 0
    for (;;) {
      const left = 2 * parent + 1
      if (left >= size) break
      const right = left + 1
      let child = left
      if (right < size && (scores[heap[right]!]! < scores[heap[left]!]! || (scores[heap[right]!] === scores[heap[left]!] && heap[right]! > heap[left]!))) child = right
      const other = heap[child]!
      if (!(scores[other]! < score || (scores[other] === score && other > label))) break
      heap[parent] = other
      parent = child
    }
    heap[parent] = label
  }
  return Array.from(heap)
    .sort((left, right) => scores[right]! - scores[left]! || left - right)
    .map((label) => ({ label, score: scores[label]! }))
}
