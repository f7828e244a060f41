import type { Sentence } from '../../chunk/corpus.js'
import { tokenize, type Token } from '../../text/tokenize.js'
import type { SanadIndex } from '../sanad-index.js'

/** What an extractive summary is asked for. */
export interface SummaryRequest {
  /** How many sentences. */
  count: number
  /**
   * Stems the summary is about ("the key moments of the final"): they replace the title and headings
   * as the prior of the ranking (topic-sensitive LexRank), so central sentences on the topic come first.
   */
  topicStems?: readonly string[]
  /** Only these sentences may be chosen (a section); all of the document's by default. */
  within?: readonly Sentence[]
}

/** A sparse tf-idf vector with its norm. */
interface StemVector {
  weights: Map<string, number>
  norm: number
}

// PageRank's damping factor as LexRank uses it (Erkan and Radev 2004): the share of rank that follows
// similarity edges rather than the prior.
const DAMPING = 0.85
// MMR's trade-off between centrality and novelty (Carbonell and Goldstein 1998 use 0.7 for summaries).
const MMR_LAMBDA = 0.7
// A sentence with fewer content words is a dateline, a byline or a caption, not a point.
const MIN_CONTENT_WORDS = 5
// Every sentence keeps some prior mass, so that one with no title word can still be central.
const PRIOR_FLOOR = 0.05
const MAX_ITERATIONS = 100
const CONVERGED = 1e-7

/** The content stems of tokens (with their proclitic-free alternatives): what sentences are compared by. */
export function stemsOf(tokens: readonly Token[]): string[] {
  const stems: string[] = []
  for (const token of tokens) {
    if (token.isStopword || (!token.isNumber && token.stem.length < 2)) continue
    stems.push(token.stem)
    if (token.cliticFreeStem) stems.push(token.cliticFreeStem)
  }
  return stems
}

function vectorize(stems: readonly string[], idf: ReadonlyMap<string, number>): StemVector {
  const weights = new Map<string, number>()
  for (const stem of stems) weights.set(stem, (weights.get(stem) ?? 0) + (idf.get(stem) ?? 0))
  let squares = 0
  for (const weight of weights.values()) squares += weight * weight
  return { weights, norm: Math.sqrt(squares) }
}

/** The cosine similarity of two tf-idf vectors (0 when either is empty). */
function cosine(left: StemVector, right: StemVector): number {
  if (left.norm === 0 || right.norm === 0) return 0
  const [small, large] = left.weights.size <= right.weights.size ? [left, right] : [right, left]
  let dot = 0
  for (const [stem, weight] of small.weights) dot += weight * (large.weights.get(stem) ?? 0)
  return dot / (left.norm * right.norm)
}

/**
 * Continuous LexRank with a prior: the stationary distribution of a walk that follows similarity
 * edges (row-normalized cosine) with probability `DAMPING` and jumps by the prior otherwise. Solved by
 * power iteration; a sentence similar to nothing gives its mass back to the prior.
 */
export function rankByCentrality(similarity: readonly (readonly number[])[], prior: readonly number[]): number[] {
  const size = prior.length
  if (size === 0) return []
  const priorTotal = prior.reduce((sum, value) => sum + value, 0)
  const jump = prior.map((value) => (priorTotal > 0 ? value / priorTotal : 1 / size))
  const rowTotals = similarity.map((row, from) => row.reduce((sum, value, to) => (to === from ? sum : sum + value), 0))
  let rank = [...jump]
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = jump.map((value) => (1 - DAMPING) * value)
    let dangling = 0
    for (let from = 0; from < size; from++) {
      if (rowTotals[from]! === 0) {
        dangling += rank[from]!
        continue
      }
      const share = (DAMPING * rank[from]!) / rowTotals[from]!
      for (let to = 0; to < size; to++) if (to !== from) next[to]! += share * similarity[from]![to]!
    }
    for (let to = 0; to < size; to++) next[to]! += DAMPING * dangling * jump[to]!
    const change = next.reduce((sum, value, position) => sum + Math.abs(value - rank[position]!), 0)
    rank = next
    if (change < CONVERGED) break
  }
  return rank
}

/**
 * Maximal marginal relevance: picks `count` items one at a time, each the best trade-off between its
 * own score and its similarity to the items already picked, so that no two say the same thing.
 */
export function selectByMarginalRelevance(scores: readonly number[], similarity: readonly (readonly number[])[], count: number, eligible: readonly boolean[]): number[] {
  const top = Math.max(0, ...scores)
  const picked: number[] = []
  while (picked.length < count) {
    let best = -1
    let bestValue = -Infinity
    scores.forEach((score, candidate) => {
      if (!eligible[candidate] || picked.includes(candidate)) return
      const redundancy = Math.max(0, ...picked.map((other) => similarity[candidate]![other]!))
      const value = MMR_LAMBDA * (top > 0 ? score / top : 0) - (1 - MMR_LAMBDA) * redundancy
      if (value > bestValue) {
        bestValue = value
        best = candidate
      }
    })
    if (best === -1) break
    picked.push(best)
  }
  return picked
}

/** What the summarizer computes once per document and every summary of it reuses. */
export interface DocumentGraph {
  sentences: readonly Sentence[]
  vectors: readonly StemVector[]
  similarity: number[][]
  /** Whether each sentence is long enough to be a point. */
  eligible: boolean[]
  /** The title and section headings as one vector: the default prior. */
  outline: StemVector
  idf: ReadonlyMap<string, number>
  /** The LexRank scores with the title and headings as the prior, computed on first use. */
  centrality?: number[]
}

/** The sentence graph of one document: tf-idf vectors over stems (idf within the document) and their cosines. */
export function buildDocumentGraph(index: SanadIndex, docId: string): DocumentGraph {
  const sentences = index.sentencesOf(docId)
  const stemLists = sentences.map((sentence) => stemsOf(index.tokensOf(sentence)))
  const documentFrequency = new Map<string, number>()
  for (const stems of stemLists) for (const stem of new Set(stems)) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1)
  const idf = new Map([...documentFrequency].map(([stem, count]) => [stem, Math.log(1 + sentences.length / count)]))
  const vectors = stemLists.map((stems) => vectorize(stems, idf))
  const similarity: number[][] = vectors.map((_left, row) => vectors.map((_right, column) => (row === column ? 1 : 0)))
  for (let row = 0; row < vectors.length; row++) {
    for (let column = row + 1; column < vectors.length; column++) {
      similarity[row]![column] = similarity[column]![row] = cosine(vectors[row]!, vectors[column]!)
    }
  }
  const title = index.corpus.documents.find((document) => document.id === docId)?.title ?? ''
  const headings = [...new Set(sentences.map((sentence) => sentence.section).filter((section): section is string => section !== null))]
  const outline = vectorize(stemsOf(tokenize([title, ...headings].join('\n'))), idf)
  const eligible = stemLists.map((stems, position) => new Set(index.tokensOf(sentences[position]!).filter((token) => !token.isStopword).map((token) => token.stem)).size >= MIN_CONTENT_WORDS && stems.length > 0)
  return { sentences, vectors, similarity, eligible, outline, idf }
}

/**
 * An extractive summary: the sentences ranked by LexRank centrality with the title and headings (or
 * the asked-for topic) as the prior, picked by MMR so that no two points say the same thing, returned
 * in reading order. (Taking the best sentence of each section first covered fewer of the development
 * set's gold points: docs/broad-questions.md.)
 */
export function summarizeDocument(graph: DocumentGraph, request: SummaryRequest): Sentence[] {
  const topic = request.topicStems && request.topicStems.length > 0 ? vectorize(request.topicStems, graph.idf) : null
  const prior = graph.vectors.map((vector) => PRIOR_FLOOR + cosine(vector, topic ?? graph.outline))
  const rank = topic ? rankByCentrality(graph.similarity, prior) : (graph.centrality ??= rankByCentrality(graph.similarity, prior))
  // A topical overview ranks by centrality weighed by closeness to the topic, so the topic decides first.
  const scores = topic ? rank.map((value, position) => value * cosine(graph.vectors[position]!, topic)) : rank
  const allowed = request.within ? new Set(request.within.map((sentence) => sentence.id)) : null
  const eligible = graph.eligible.map((ok, position) => ok && (!allowed || allowed.has(graph.sentences[position]!.id)) && (!topic || scores[position]! > 0))
  const picked = selectByMarginalRelevance(scores, graph.similarity, request.count, eligible)
  return picked.map((position) => graph.sentences[position]!).sort((left, right) => left.start - right.start)
}
