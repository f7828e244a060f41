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
  // Per term, the largest saturation among its postings (NaN until the term is first searched).
  private saturationCache: Float64Array | null = null
  // How many documents hold any term of a set of terms, by the set's sorted ids; oldest first.
  private readonly unionCounts = new Map<string, number>()

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
      candidates: new Int32Array(size),
      isCandidate: new Uint8Array(size),
      marks: new Uint8Array(size),
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

  /**
   * The k best documents for the concepts, best first; ties keep label order. Exact: the same documents
   * and scores as scoring every posting, with contributions summed rarest concept first.
   */
  search(concepts: readonly QueryConcept[], k: number, accepts?: (label: number) => boolean): LexicalHit[] {
    const resolved = this.resolveConcepts(concepts)
    if (resolved.length === 0 || k <= 0) return []
    // A filter changes every concept's document frequency to its accepted postings, so it is scored exhaustively.
    if (accepts || resolved.some((concept) => !(concept.weight >= 0))) return this.searchExhaustively(resolved, k, accepts)
    return this.searchWithPruning(resolved, k)
  }

  // Each concept's distinct known term ids, in the order scores are summed: the rarest first (by its
  // most frequent term), then query order. Concepts with no indexed term drop out.
  private resolveConcepts(concepts: readonly QueryConcept[]): ResolvedConcept[] {
    const { termIds, offsets } = this.postings
    const resolved: (ResolvedConcept & { position: number })[] = []
    concepts.forEach((concept, position) => {
      const ids: number[] = []
      let largest = 0
      for (const term of concept.terms) {
        const id = termIds.get(term)
        if (id === undefined || ids.includes(id)) continue
        ids.push(id)
        largest = Math.max(largest, offsets[id + 1]! - offsets[id]!)
      }
      if (ids.length > 0) resolved.push({ ids, weight: concept.weight ?? 1, largest, position })
    })
    return resolved.sort((left, right) => left.largest - right.largest || left.position - right.position)
  }

  // Every posting of every concept scored: the plain algorithm, and the one a filter needs.
  private searchExhaustively(concepts: readonly ResolvedConcept[], k: number, accepts?: (label: number) => boolean): LexicalHit[] {
    const { frequencies, scores, isScored, conceptLabels, scoredLabels } = this.scratch
    const { offsets, labels: postingLabels, frequencies: postingFrequencies } = this.postings
    let scoredCount = 0
    let conceptCount = 0
    try {
      for (const concept of concepts) {
        if (concept.ids.length === 1 && !accepts) {
          scoredCount = this.scoreSingleTerm(concept.weight, concept.ids[0]!, scoredCount)
          continue
        }
        conceptCount = 0
        for (const id of concept.ids) {
          for (let at = offsets[id]!, end = offsets[id + 1]!; at < end; at++) {
            const label = postingLabels[at]!
            if (accepts && !accepts(label)) continue
            if (frequencies[label] === 0) conceptLabels[conceptCount++] = label
            frequencies[label]! += postingFrequencies[at]!
          }
        }
        if (conceptCount === 0) continue
        const weight = concept.weight * this.inverseDocumentFrequency(conceptCount)
        scoredCount = this.addContributions(weight, conceptLabels, conceptCount, scoredCount)
        conceptCount = 0
      }
      return selectBest(scores, scoredLabels, scoredCount, k)
    } finally {
      for (let position = 0; position < conceptCount; position++) frequencies[conceptLabels[position]!] = 0
      this.clearScores(scoredCount)
    }
  }

  // Adds a concept's contribution to the documents whose summed frequency is in `frequencies`, clears those
  // frequencies, and records newly scored documents; returns the new count of scored documents.
  private addContributions(weight: number, conceptLabels: Int32Array, conceptCount: number, scoredCount: number): number {
    const { frequencies, scores, isScored, scoredLabels } = this.scratch
    const saturation = this.k1 + 1
    const normalizers = this.normalizers
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
    return scoredCount
  }

  // Puts the candidates in label order: a sort when they are few, a scan of the candidate marks when they are many.
  private sortCandidates(count: number): void {
    const { candidates, isCandidate } = this.scratch
    if (count * Math.log2(count + 1) < isCandidate.length) {
      candidates.subarray(0, count).sort()
      return
    }
    let position = 0
    for (let label = 0; label < isCandidate.length; label++) if (isCandidate[label] === 1) candidates[position++] = label
  }

  // Scores every posting of a concept; returns the new count of scored documents.
  private scoreConcept(concept: ResolvedConcept, scoredCount: number): number {
    if (concept.ids.length === 1) return this.scoreSingleTerm(concept.weight, concept.ids[0]!, scoredCount)
    const { frequencies, conceptLabels } = this.scratch
    const { offsets, labels: postingLabels, frequencies: postingFrequencies } = this.postings
    let conceptCount = 0
    for (const id of concept.ids) {
      for (let at = offsets[id]!, end = offsets[id + 1]!; at < end; at++) {
        const label = postingLabels[at]!
        if (frequencies[label] === 0) conceptLabels[conceptCount++] = label
        frequencies[label]! += postingFrequencies[at]!
      }
    }
    return this.addContributions(concept.weight * this.inverseDocumentFrequency(conceptCount), conceptLabels, conceptCount, scoredCount)
  }

  // Whether looking the candidates up in a concept's postings (and counting its documents) reads less than scoring them all.
  private isCheaperToLookUp(ids: readonly number[], candidateCount: number): boolean {
    const { offsets } = this.postings
    let whole = 0
    let lookUp = 0
    let longest = 0
    for (const id of ids) {
      const length = offsets[id + 1]! - offsets[id]!
      whole += length
      lookUp += Math.min(length, candidateCount * Math.log2(length + 1))
      longest = Math.max(longest, length)
    }
    if (ids.length === 1) return lookUp < whole
    // Counting a union reads the shorter lists and searches the longest; scoring a union reads the lists twice.
    return lookUp + Math.min((whole - longest) * Math.log2(longest + 1), whole) < 2 * whole
  }

  // A one-term concept: its document frequency is its postings' length, so one pass scores it.
  private scoreSingleTerm(conceptWeight: number, id: number, scoredCount: number): number {
    const { scores, isScored, scoredLabels } = this.scratch
    const { offsets, labels: postingLabels, frequencies: postingFrequencies } = this.postings
    const saturation = this.k1 + 1
    const normalizers = this.normalizers
    const start = offsets[id]!
    const end = offsets[id + 1]!
    const weight = conceptWeight * this.inverseDocumentFrequency(end - start)
    for (let at = start; at < end; at++) {
      const label = postingLabels[at]!
      const frequency = postingFrequencies[at]!
      scores[label]! += (weight * frequency * saturation) / (frequency + normalizers[label]!)
      if (isScored[label] === 0) {
        isScored[label] = 1
        scoredLabels[scoredCount++] = label
      }
    }
    return scoredCount
  }

  private clearScores(scoredCount: number): void {
    const { scores, isScored, scoredLabels } = this.scratch
    // Most of the corpus scored: clearing the arrays whole is faster than label by label.
    if (scoredCount > scores.length / 8) {
      scores.fill(0)
      isScored.fill(0)
      return
    }
    for (let position = 0; position < scoredCount; position++) {
      const label = scoredLabels[position]!
      scores[label] = 0
      isScored[label] = 0
    }
  }

  /**
   * Term-at-a-time with an exact stop (Turtle and Flood's "max score" idea, per concept): concepts are
   * scored rarest first while a document not yet seen could still reach the top k; once the upper bounds
   * of the remaining concepts add up to less than the k-th best score so far, no new document can enter,
   * and the remaining concepts only update the documents that can still make it, each found by binary
   * search in the postings instead of reading them all. Common concepts widened to many variants match
   * most documents, so skipping their postings is where the time goes.
   */
  private searchWithPruning(concepts: readonly ResolvedConcept[], k: number): LexicalHit[] {
    const { frequencies, scores, conceptLabels, scoredLabels, candidates, isCandidate } = this.scratch
    const { offsets, labels: postingLabels, frequencies: postingFrequencies } = this.postings
    // What each concept can add to one document at most, and the sums of those bounds from each concept on.
    const bounds = concepts.map((concept) => this.upperBoundOf(concept))
    const remaining = new Float64Array(concepts.length + 1)
    for (let index = concepts.length - 1; index >= 0; index--) remaining[index] = remaining[index + 1]! + bounds[index]!
    // Each concept's weight times its idf, computed when first needed (a union of postings must be counted).
    const weights = new Float64Array(concepts.length).fill(Number.NaN)
    const weightOf = (index: number) => (Number.isNaN(weights[index]!) ? (weights[index] = concepts[index]!.weight * this.inverseDocumentFrequency(this.countMatchingDocuments(concepts[index]!.ids))) : weights[index]!)
    let scoredCount = 0
    let conceptCount = 0
    let candidateCount = -1
    try {
      let index = 0
      // A score the k-th best document is known to reach: the k-th best final score of some k documents.
      let threshold = Number.NEGATIVE_INFINITY
      // Phase 1: every posting of a concept is scored, so a document may enter here.
      for (; index < concepts.length; index++) {
        scoredCount = this.scoreConcept(concepts[index]!, scoredCount)
        // Worth trying only when the next concept has more postings than the try reads (the scored documents).
        if (index + 1 === concepts.length || scoredCount < k || this.postingsOf(concepts[index + 1]!.ids) < scoredCount) continue
        // The k best so far are completed with the remaining concepts (a few binary searches each): their
        // final scores bound the k-th best from below far more tightly than partial scores do.
        threshold = Math.max(threshold, this.completeKthScore(concepts, index + 1, weightOf, scoredLabels, scoredCount, k))
        if (remaining[index + 1]! < threshold) {
          index++
          break
        }
      }
      if (index >= concepts.length) return selectBest(scores, scoredLabels, scoredCount, k)
      // Phase 2: the documents already scored that can still reach the k-th best are the only candidates.
      threshold = Math.max(threshold, kthBestScore(scores, scoredLabels, scoredCount, k))
      candidateCount = 0
      for (let position = 0; position < scoredCount; position++) {
        const label = scoredLabels[position]!
        if (scores[label]! + remaining[index]! >= threshold) {
          candidates[candidateCount++] = label
          isCandidate[label] = 1
        }
      }
      let candidatesSorted = false
      for (; index < concepts.length; index++) {
        const concept = concepts[index]!
        if (!this.isCheaperToLookUp(concept.ids, candidateCount)) {
          // Nearly as many candidates as postings: reading the postings whole costs no more.
          scoredCount = this.scoreConcept(concept, scoredCount)
        } else {
          // The concept's idf needs the number of documents it matches, candidates or not.
          const weight = weightOf(index)
          conceptCount = 0
          for (const id of concept.ids) {
            const start = offsets[id]!
            const end = offsets[id + 1]!
            if (end - start <= candidateCount * Math.log2(end - start + 1)) {
              // A short posting list: read it and keep the candidates.
              for (let at = start; at < end; at++) {
                const label = postingLabels[at]!
                if (isCandidate[label] === 0) continue
                if (frequencies[label] === 0) conceptLabels[conceptCount++] = label
                frequencies[label]! += postingFrequencies[at]!
              }
            } else {
              // A long one: look each candidate up in it (both sorted, so each search starts where the last ended).
              if (!candidatesSorted) {
                this.sortCandidates(candidateCount)
                candidatesSorted = true
              }
              let low = start
              for (let position = 0; position < candidateCount && low < end; position++) {
                const label = candidates[position]!
                low = lowerBound(postingLabels, low, end, label)
                if (low < end && postingLabels[low] === label) {
                  if (frequencies[label] === 0) conceptLabels[conceptCount++] = label
                  frequencies[label]! += postingFrequencies[low]!
                }
              }
            }
          }
          scoredCount = this.addContributions(weight, conceptLabels, conceptCount, scoredCount)
          conceptCount = 0
        }
        // Drop the candidates that can no longer reach the k-th best.
        threshold = Math.max(threshold, kthBestScore(scores, candidates, candidateCount, k))
        let kept = 0
        for (let position = 0; position < candidateCount; position++) {
          const label = candidates[position]!
          if (scores[label]! + remaining[index + 1]! >= threshold) candidates[kept++] = label
          else isCandidate[label] = 0
        }
        candidateCount = kept
      }
      return selectBest(scores, candidates, candidateCount, k)
    } finally {
      for (let position = 0; position < conceptCount; position++) frequencies[conceptLabels[position]!] = 0
      for (let position = 0; position < Math.max(candidateCount, 0); position++) isCandidate[candidates[position]!] = 0
      this.clearScores(scoredCount)
    }
  }

  /**
   * The k-th best final score of the k documents with the best partial scores, their contributions from
   * concept `from` on found by binary search in each term's postings; lowered by a relative 1e-12 so that
   * rounding never lifts it above a score it stands for.
   */
  private completeKthScore(concepts: readonly ResolvedConcept[], from: number, weightOf: (index: number) => number, labels: Int32Array, count: number, k: number): number {
    const { scores, marks } = this.scratch
    const { offsets, labels: postingLabels, frequencies: postingFrequencies } = this.postings
    const saturation = this.k1 + 1
    const best = selectBest(scores, labels, count, k)
    const bestLabels = best.map((hit) => hit.label)
    const finals = best.map((hit) => hit.score)
    const found = new Float64Array(best.length)
    // Weights first: counting a concept's documents uses the marks too.
    const weights = concepts.map((_, index) => (index < from ? 0 : weightOf(index)))
    for (const label of bestLabels) marks[label] = 1
    try {
      for (let index = from; index < concepts.length; index++) {
        found.fill(0)
        for (const id of concepts[index]!.ids) {
          const start = offsets[id]!
          const end = offsets[id + 1]!
          if (end - start <= best.length * Math.log2(end - start + 1)) {
            // A short list is read, a long one searched for each document.
            for (let at = start; at < end; at++) if (marks[postingLabels[at]!] === 1) found[bestLabels.indexOf(postingLabels[at]!)]! += postingFrequencies[at]!
          } else {
            bestLabels.forEach((label, position) => {
              const at = lowerBound(postingLabels, start, end, label)
              if (at < end && postingLabels[at] === label) found[position]! += postingFrequencies[at]!
            })
          }
        }
        bestLabels.forEach((label, position) => {
          const frequency = found[position]!
          if (frequency > 0) finals[position]! += (weights[index]! * frequency * saturation) / (frequency + this.normalizers[label]!)
        })
      }
    } finally {
      for (const label of bestLabels) marks[label] = 0
    }
    return Math.min(...finals) * (1 - 1e-12)
  }

  // How many postings the terms have together.
  private postingsOf(ids: readonly number[]): number {
    let total = 0
    for (const id of ids) total += this.postings.offsets[id + 1]! - this.postings.offsets[id]!
    return total
  }


  // The most a concept adds to one document's score: its weight, the largest idf it can have (its union of
  // postings is at least as long as its longest list) and the largest saturation any of its postings
  // reaches, summed over its terms (saturation is concave, so the sum bounds that of summed frequencies)
  // and capped at k1 + 1. Widened by a relative 1e-9 against rounding.
  private upperBoundOf(concept: ResolvedConcept): number {
    let saturation = 0
    for (const id of concept.ids) saturation += this.largestSaturationOf(id)
    return concept.weight * this.inverseDocumentFrequency(concept.largest) * Math.min(saturation, this.k1 + 1) * (1 + 1e-9)
  }

  // The largest (k1 + 1)·f / (f + normalizer) over a term's postings, computed on the term's first use.
  private largestSaturationOf(id: number): number {
    const known = this.saturationBounds[id]!
    if (!Number.isNaN(known)) return known
    const { offsets, labels, frequencies } = this.postings
    const saturation = this.k1 + 1
    let largest = 0
    for (let at = offsets[id]!, end = offsets[id + 1]!; at < end; at++) {
      const frequency = frequencies[at]!
      largest = Math.max(largest, (frequency * saturation) / (frequency + this.normalizers[labels[at]!]!))
    }
    this.saturationBounds[id] = largest
    return largest
  }

  private get saturationBounds(): Float64Array {
    return (this.saturationCache ??= new Float64Array(this.postings.terms.length).fill(Number.NaN))
  }

  // How many documents contain any of the terms: the longest list's length plus the documents of the
  // others that it lacks, looked up by binary search, or a marking pass over all the lists when that is
  // cheaper. A constant of the index, so it is remembered for the last few thousand term sets counted.
  private countMatchingDocuments(ids: readonly number[]): number {
    const { offsets } = this.postings
    if (ids.length === 1) return offsets[ids[0]! + 1]! - offsets[ids[0]!]!
    const key = [...ids].sort((left, right) => left - right).join(',')
    const known = this.unionCounts.get(key)
    if (known !== undefined) return known
    const count = this.countUnion(ids)
    if (this.unionCounts.size >= UNION_COUNTS_KEPT) this.unionCounts.delete(this.unionCounts.keys().next().value!)
    this.unionCounts.set(key, count)
    return count
  }

  private countUnion(ids: readonly number[]): number {
    const { offsets, labels } = this.postings
    const lengthOf = (id: number) => offsets[id + 1]! - offsets[id]!
    const longest = ids.reduce((best, id) => (lengthOf(id) > lengthOf(best) ? id : best))
    const others = ids.filter((id) => id !== longest)
    const otherPostings = others.reduce((sum, id) => sum + lengthOf(id), 0)
    const { marks, conceptLabels } = this.scratch
    let marked = 0
    try {
      const cheaperToSearch = otherPostings * Math.log2(lengthOf(longest) + 1) < otherPostings + lengthOf(longest)
      for (const id of cheaperToSearch ? others : ids) {
        for (let at = offsets[id]!, end = offsets[id + 1]!; at < end; at++) {
          const label = labels[at]!
          if (marks[label] === 0) {
            marks[label] = 1
            conceptLabels[marked++] = label
          }
        }
      }
      if (!cheaperToSearch) return marked
      let count = lengthOf(longest)
      const start = offsets[longest]!
      const end = offsets[longest + 1]!
      for (let position = 0; position < marked; position++) {
        const label = conceptLabels[position]!
        const at = lowerBound(labels, start, end, label)
        if (at === end || labels[at] !== label) count++
      }
      return count
    } finally {
      for (let position = 0; position < marked; position++) marks[conceptLabels[position]!] = 0
    }
  }
}

// How many term sets' document counts are remembered: many queries' worth of widened words.
const UNION_COUNTS_KEPT = 4096

/** A query concept resolved against the index: distinct term ids, its weight, and its longest posting list. */
interface ResolvedConcept {
  ids: number[]
  weight: number
  largest: number
}

// The first position in [low, high) whose label is at least `label` (labels ascending there).
function lowerBound(labels: Int32Array, low: number, high: number, label: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1
    if (labels[middle]! < label) low = middle + 1
    else high = middle
  }
  return low
}

// The k-th best score among the labels (the score a document must beat or tie to be in the top k): a
// min-heap of the k best scores seen.
function kthBestScore(scores: Float64Array, labels: Int32Array, count: number, k: number): number {
  if (count < k || k <= 0) return Number.NEGATIVE_INFINITY
  const heap = new Float64Array(k)
  for (let position = 0; position < count; position++) {
    const score = scores[labels[position]!]!
    if (position < k) {
      let child = position
      while (child > 0) {
        const parent = (child - 1) >> 1
        if (heap[parent]! <= score) break
        heap[child] = heap[parent]!
        child = parent
      }
      heap[child] = score
      continue
    }
    if (score <= heap[0]!) continue
    let parent = 0
    for (;;) {
      const left = 2 * parent + 1
      if (left >= k) break
      const child = left + 1 < k && heap[left + 1]! < heap[left]! ? left + 1 : left
      if (heap[child]! >= score) break
      heap[parent] = heap[child]!
      parent = child
    }
    heap[parent] = score
  }
  return heap[0]!
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
  candidates: Int32Array
  isCandidate: Uint8Array
  marks: Uint8Array
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
