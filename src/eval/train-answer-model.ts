import { Matrix } from 'ml-matrix'
import LogisticRegression from 'ml-logistic-regression'
import { analyzeQuestion, type QuestionAnalysis } from '../answer/analyze-question.js'
import type { HistoryMessage } from '../answer/answer-schemas.js'
import type { AnswerModel, LogisticModel } from '../answer/answer-model.js'
import { predictProbability } from '../answer/answer-model.js'
import { detectInjection } from '../answer/detect-injection.js'
import type { WeightedTerm } from '../answer/match-terms.js'
import { rankCandidates } from '../answer/extract-answer.js'
import { computeDecisionFeatures, DECISION_FEATURES, FEATURE_VERSION, SENTENCE_FEATURES, type Candidate } from '../answer/rank-candidates.js'
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

// Gradient ascent on the log-likelihood of standardized features: fixed steps from zero weights, so
// the fit is deterministic. The step size is per sample (the library sums the gradient).
const STEPS = 1500
const STEP_SIZE = 2

/** Fits a logistic model (through ml-logistic-regression) and returns it as plain data. */
export function fitLogisticModel(rows: readonly number[][], labels: readonly boolean[], names: readonly string[]): LogisticModel {
  const columns = names.length
  const means = Array.from({ length: columns }, (_, column) => rows.reduce((sum, row) => sum + row[column]!, 0) / rows.length)
  const scales = means.map((mean, column) => Math.sqrt(rows.reduce((sum, row) => sum + (row[column]! - mean) ** 2, 0) / rows.length) || 1)
  // The first column is the bias.
  const standardized = new Matrix(rows.map((row) => [1, ...row.map((value, column) => (value - means[column]!) / scales[column]!)]))
  const model = new LogisticRegression({ numSteps: STEPS, learningRate: STEP_SIZE / rows.length })
  // With two classes, the library's first classifier gives the probability of class 1.
  model.train(standardized, Matrix.columnVector(labels.map((label) => (label ? 1 : 0))))
  const weights = (model.classifiers[0] as { weights: Matrix }).weights.to1DArray()
  return { features: [...names], means: means.map(round), scales: scales.map(round), weights: weights.slice(1).map(round), bias: round(weights[0]!) }
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
  return fitLogisticModel(rows, labels, SENTENCE_FEATURES)
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
  const decider = fitLogisticModel(rows, labels, DECISION_FEATURES)
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
