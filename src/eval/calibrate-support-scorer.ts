import { classifyQuestion } from '../answer/analyze-question.js'
import { applyRelevance } from '../grounding/apply-relevance.js'
import { createWordWeigher } from '../grounding/create-word-weigher.js'
import { scoreRelevance, toAskedType } from '../grounding/score-relevance.js'
import { scoreSupport, type ScoreSupportOptions, type SupportResult } from '../grounding/score-support.js'
import type { SupportIssue } from '../grounding/support-issue.js'
import type { SupportPair } from './question-set.js'

/** Accuracy of the support scorer over a group of labelled pairs. */
export interface CalibrationGroup {
  count: number
  correct: number
  accuracy: number
}

/** Of the pairs whose score falls in [from, to), how many there are and the share labelled supported. */
export interface CalibrationBucket {
  from: number
  to: number
  count: number
  /** Null when the bucket is empty. */
  supportedShare: number | null
}

/** How the support scorer agrees with labelled (claim, passage, supported?) pairs. */
export interface Calibration extends CalibrationGroup {
  /** Of the pairs judged supported, the share labelled supported. */
  precision: number
  /** Of the pairs labelled supported, the share judged supported. */
  recall: number
  /** Of the pairs labelled unsupported, the share judged unsupported. */
  specificity: number
  f1: number
  /** The mean of recall and specificity: accuracy that a skewed label balance cannot inflate. */
  balancedAccuracy: number
  /** The probability that a supported pair scores above an unsupported one (ties count half). */
  rocAuc: number
  /** Ten score buckets of width 0.1, each with the share of its pairs labelled supported. */
  buckets: CalibrationBucket[]
  byPerturbation: Record<string, CalibrationGroup>
  /** Every pair the scorer got wrong, for inspection. */
  errors: { id: string; perturbation: string; claim: string; expected: boolean; score: number; issues: SupportIssue[] }[]
}

/**
 * A support judgement of a claim against one passage: the lexical scorer, or a model (asynchronous).
 * `question`, when the pair has one, asks whether the claim also answers it.
 */
export type SupportJudge = (claim: string, passage: string, question?: string) => SupportResult | Promise<SupportResult>

/**
 * The support scorer as a judge, with its options (a dictionary for English claims, say). A pair
 * with a question is also judged for relevance: the claim, as the answer's statement, must answer it.
 */
export function createSupportJudge(options: ScoreSupportOptions = {}): SupportJudge {
  return (claim, passage, question) => {
    const support = scoreSupport(claim, [{ docId: 'passage', start: 0, end: passage.length, text: passage }], options)
    if (question === undefined) return support
    // The answer's statement and the sentences it rests on are the evidence an answer would cite.
    const relevance = scoreRelevance(
      { question, quotes: [claim, ...(support.evidence ?? [])], askedType: toAskedType(classifyQuestion(question).kind) },
      { ...options, weighWord: createWordWeigher([passage]) },
    )
    return applyRelevance(support, relevance)
  }
}

/** Judges each pair's claim against its passage, one at a time, and measures agreement with the labels. */
export async function calibrateSupportScorer(pairs: readonly SupportPair[], judge: SupportJudge = createSupportJudge()): Promise<Calibration> {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  let trueNegatives = 0
  const groups = new Map<string, { count: number; correct: number }>()
  const errors: Calibration['errors'] = []
  const scored: { score: number; supported: boolean }[] = []
  for (const pair of pairs) {
    const result = await judge(pair.claim, pair.passage, pair.question)
    scored.push({ score: result.score, supported: pair.supported })
    const correct = result.supported === pair.supported
    if (result.supported && pair.supported) truePositives++
    if (result.supported && !pair.supported) falsePositives++
    if (!result.supported && pair.supported) falseNegatives++
    if (!result.supported && !pair.supported) trueNegatives++
    const group = groups.get(pair.perturbation) ?? { count: 0, correct: 0 }
    group.count++
    if (correct) group.correct++
    groups.set(pair.perturbation, group)
    if (!correct) errors.push({ id: pair.id, perturbation: pair.perturbation, claim: pair.claim, expected: pair.supported, score: result.score, issues: result.issues })
  }
  const correct = pairs.length - errors.length
  const precision = ratio(truePositives, truePositives + falsePositives)
  const recall = ratio(truePositives, truePositives + falseNegatives)
  const specificity = ratio(trueNegatives, trueNegatives + falsePositives)
  return {
    count: pairs.length,
    correct,
    accuracy: ratio(correct, pairs.length),
    precision,
    recall,
    specificity,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    balancedAccuracy: (recall + specificity) / 2,
    rocAuc: measureRocAuc(scored),
    buckets: bucketScores(scored),
    byPerturbation: Object.fromEntries([...groups].sort(([first], [second]) => first.localeCompare(second)).map(([name, group]) => [name, { ...group, accuracy: ratio(group.correct, group.count) }])),
    errors,
  }
}

/** The area under the ROC curve by the Mann–Whitney statistic, ties counting half; 0.5 when a label is missing. */
export function measureRocAuc(scored: readonly { score: number; supported: boolean }[]): number {
  const sorted = [...scored].sort((first, second) => first.score - second.score)
  let positiveRankSum = 0
  let positives = 0
  for (let index = 0; index < sorted.length; ) {
    let end = index
    while (end < sorted.length && sorted[end]!.score === sorted[index]!.score) end++
    const meanRank = (index + 1 + end) / 2
    for (let tied = index; tied < end; tied++) {
      if (sorted[tied]!.supported) {
        positiveRankSum += meanRank
        positives++
      }
    }
    index = end
  }
  const negatives = sorted.length - positives
  if (positives === 0 || negatives === 0) return 0.5
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

const BUCKETS = 10

function bucketScores(scored: readonly { score: number; supported: boolean }[]): CalibrationBucket[] {
  return Array.from({ length: BUCKETS }, (_, index) => {
    const from = index / BUCKETS
    const to = (index + 1) / BUCKETS
    const inside = scored.filter(({ score }) => score >= from && (score < to || (index === BUCKETS - 1 && score <= 1)))
    return { from, to, count: inside.length, supportedShare: inside.length === 0 ? null : ratio(inside.filter(({ supported }) => supported).length, inside.length) }
  })
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole
}
