import { analyzeQuestion, type QuestionAnalysis } from '../answer/analyze-question.js'
import type { HistoryMessage } from '../answer/answer-schemas.js'
import type { AnswerModel, LogisticModel } from '../answer/answer-model.js'
import { predictProbability } from '../answer/answer-model.js'
import { detectInjection } from '../answer/detect-injection.js'
import type { WeightedTerm } from '../answer/match-terms.js'
import { rankCandidates } from '../answer/extract-answer.js'
import { computeDecisionFeatures, DECISION_FEATURE_SIGNS, DECISION_FEATURES, FEATURE_VERSION, SENTENCE_FEATURE_SIGNS, SENTENCE_FEATURES, type Candidate } from '../answer/rank-candidates.js'
import { weightTerms } from '../answer/weight-terms.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { HybridRetriever } from '../retrieve/hybrid-retriever.js'

/** A question to learn from: where its answer is (gold spans), or null when it has none in the collection. */
export interface TrainingQuestion {
  id: string
  /** The unit of cross-validation: questions of one group never straddle training and test. */
  group: string
  question: string
  history?: HistoryMessage[]
  documents?: string[]
  gold: { docId: string; start: number; end: number }[] | null
}

/** A question seen by the answerer's first stages: its candidates with their labels. */
export interface TrainingExample {
  id: string
  group: string
  answerable: boolean
  analysis: QuestionAnalysis
  terms: WeightedTerm[]
  candidates: Candidate[]
  labels: boolean[]
}

/** A collection to learn on: its index and retriever. */
export interface TrainingCollection {
  index: SanadIndex
  retriever: HybridRetriever
  topK: number
}

/**
 * Runs each question through the answerer's stages up to the features (the same functions the
 * answerer calls) and labels every candidate sentence: true when it holds a gold span's start.
 */
export async function collectTrainingExamples(collection: TrainingCollection, questions: readonly TrainingQuestion[]): Promise<TrainingExample[]> {
  const { index, retriever, topK } = collection
  const examples: TrainingExample[] = []
  for (const item of questions) {
    const injection = detectInjection(item.question)
    if (injection.kind === 'refuse') continue
    const analysis = analyzeQuestion(injection.kind === 'stripped' ? injection.question : item.question, item.history ?? [])
    if (analysis.language !== 'ar') continue
    const terms = weightTerms(analysis.terms, index.lexical, retriever.vocabulary)
    const retrieved = await retriever.retrieve({
      text: analysis.searchText,
      concepts: terms.map((term) => ({ terms: term.variants.map((variant) => variant.stem), weight: term.weight })),
      topK,
      documents: item.documents ? new Set(item.documents) : undefined,
    })
    const candidates = rankCandidates(analysis, terms, retrieved, index, UNFITTED_MODEL)
    const labels = candidates.map(({ sentence }) => (item.gold ?? []).some((gold) => gold.docId === sentence.docId && gold.start < sentence.end && gold.end > sentence.start))
    examples.push({ id: item.id, group: item.group, answerable: item.gold !== null, analysis, terms, candidates, labels })
  }
  return examples
}

// Candidates are gathered (and filtered by answer type) as the answerer does; their order does not matter here.
const zeros = (names: readonly string[]): LogisticModel => ({ features: [...names], means: names.map(() => 0), scales: names.map(() => 1), weights: names.map(() => 0), bias: 0 })
const UNFITTED_MODEL: AnswerModel = { version: 1, featureVersion: FEATURE_VERSION, trainedOn: [], ranker: zeros(SENTENCE_FEATURES), decider: zeros(DECISION_FEATURES), threshold: 0.5, training: {} }

// Full-batch gradient ascent on the mean log-likelihood of standardized features with a small L2
// penalty, from zero weights for a fixed number of steps: deterministic, and converged for these sizes.
const STEPS = 3000
const STEP_SIZE = 0.5
const L2_PENALTY = 1e-3

/**
 * Fits a logistic model whose weights keep the sign each feature's meaning gives it (`signs`: +1 more
 * is evidence for, −1 against, 0 free): monotone logistic regression by projected gradient ascent.
 * Collinear features cannot then trade signs (a model that answered more as coverage fell would fit
 * one dataset and fail on the next). Returned as plain data.
 */
export function fitLogisticModel(rows: readonly number[][], labels: readonly boolean[], names: readonly string[], signs: readonly number[]): LogisticModel {
  const columns = names.length
  const count = rows.length
  const means = Array.from({ length: columns }, (_, column) => rows.reduce((sum, row) => sum + row[column]!, 0) / count)
  const scales = means.map((mean, column) => Math.sqrt(rows.reduce((sum, row) => sum + (row[column]! - mean) ** 2, 0) / count) || 1)
  const data = new Float64Array(count * columns)
  rows.forEach((row, index) => row.forEach((value, column) => (data[index * columns + column] = (value - means[column]!) / scales[column]!)))
  const targets = Float64Array.from(labels, (label) => (label ? 1 : 0))
  const weights = new Float64Array(columns)
  const gradient = new Float64Array(columns)
  let bias = 0
  for (let step = 0; step < STEPS; step++) {
    gradient.fill(0)
    let biasGradient = 0
    for (let index = 0; index < count; index++) {
      let score = bias
      for (let column = 0; column < columns; column++) score += weights[column]! * data[index * columns + column]!
      const error = targets[index]! - 1 / (1 + Math.exp(-score))
      biasGradient += error
      for (let column = 0; column < columns; column++) gradient[column]! += error * data[index * columns + column]!
    }
    bias += (STEP_SIZE * biasGradient) / count
    for (let column = 0; column < columns; column++) {
      const updated = weights[column]! + STEP_SIZE * (gradient[column]! / count - L2_PENALTY * weights[column]!)
      weights[column] = signs[column]! > 0 ? Math.max(0, updated) : signs[column]! < 0 ? Math.min(0, updated) : updated
    }
  }
  return { features: [...names], means: means.map(round), scales: scales.map(round), weights: [...weights].map(round), bias: round(bias) }
}

/** The ranker fitted on the labelled candidates of answerable questions. */
export function fitRanker(examples: readonly TrainingExample[]): LogisticModel {
  const rows: number[][] = []
  const labels: boolean[] = []
  for (const example of examples) {
    if (!example.answerable || !example.labels.some(Boolean)) continue
    example.candidates.forEach((candidate, position) => {
      rows.push(candidate.features)
      labels.push(example.labels[position]!)
    })
  }
  return fitLogisticModel(rows, labels, SENTENCE_FEATURES, SENTENCE_FEATURE_SIGNS)
}

/** Ranks an example's candidates with a ranker and returns the decider's features for it. */
export function decisionRow(example: TrainingExample, ranker: LogisticModel): { row: number[]; ranked: Candidate[] } {
  const ranked = example.candidates
    .map((candidate) => ({ ...candidate, probability: predictProbability(ranker, candidate.features) }))
    .sort((left, right) => right.probability - left.probability || left.chunkRank - right.chunkRank || left.sentence.id - right.sentence.id)
  return { row: computeDecisionFeatures(ranked, example.analysis, example.terms), ranked }
}

/** The share of answerable training questions the threshold may refuse: the product's false-refusal budget. */
export const FALSE_REFUSAL_BUDGET = 0.05

/** The decider and its threshold: answer when the probability reaches the cut that keeps false refusals within budget. */
export function fitDecider(examples: readonly TrainingExample[], ranker: LogisticModel): { decider: LogisticModel; threshold: number } {
  // Each source (ARCD, the multi-article set) weighs the same in the fit, whatever its size: the smaller
  // one's examples are repeated (the library takes no sample weights).
  const weighted = balanceSources(examples)
  const rows = weighted.map((example) => decisionRow(example, ranker).row)
  const labels = weighted.map((example) => example.answerable)
  const decider = fitLogisticModel(rows, labels, DECISION_FEATURES, DECISION_FEATURE_SIGNS)
  const scored = rows.map((row, position) => ({ probability: predictProbability(decider, row), answerable: labels[position]! }))
  return { decider, threshold: chooseThreshold(scored, FALSE_REFUSAL_BUDGET) }
}

/** Repeats the examples of smaller sources (the part of `group` before its first dash) so each source weighs about the same. */
export function balanceSources(examples: readonly TrainingExample[]): TrainingExample[] {
  const bySource = new Map<string, TrainingExample[]>()
  for (const example of examples) {
    const source = example.group.split('-')[0]!
    bySource.set(source, [...(bySource.get(source) ?? []), example])
  }
  const largest = Math.max(...[...bySource.values()].map((group) => group.length))
  return [...bySource.values()].flatMap((group) => Array.from({ length: Math.max(1, Math.round(largest / group.length)) }, () => group).flat())
}

/**
 * The cut on the decider's probability (Neyman–Pearson): the highest one that still answers all but
 * `budget` of the answerable questions, so it refuses as many unanswerable ones as that allows.
 */
export function chooseThreshold(scored: readonly { probability: number; answerable: boolean }[], budget: number): number {
  const positives = scored.filter((item) => item.answerable).map((item) => item.probability).sort((left, right) => left - right)
  if (positives.length === 0) return 0.5
  return round(positives[Math.floor(positives.length * budget)]!)
}

/** Fits the whole answer model from training examples. */
export function fitAnswerModel(examples: readonly TrainingExample[], trainedOn: AnswerModel['trainedOn']): AnswerModel {
  const ranker = fitRanker(examples)
  const { decider, threshold } = fitDecider(examples, ranker)
  const answerable = examples.filter((example) => example.answerable && example.labels.some(Boolean))
  const topCorrect = answerable.filter((example) => {
    const { ranked } = decisionRow(example, ranker)
    return ranked[0] !== undefined && example.labels[example.candidates.findIndex((candidate) => candidate.sentence.id === ranked[0]!.sentence.id)]
  }).length
  return {
    version: 1,
    featureVersion: FEATURE_VERSION,
    trainedOn,
    ranker,
    decider,
    threshold,
    training: { examples: examples.length, answerable: answerable.length, rankerTopCorrect: round(topCorrect / Math.max(1, answerable.length)) },
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
