import { scoreSupport, type ScoreSupportOptions, type SupportResult } from '../grounding/score-support.js'
import type { SupportIssue } from '../grounding/support-issue.js'
import type { SupportPair } from './question-set.js'

/** Accuracy of the support scorer over a group of labelled pairs. */
export interface CalibrationGroup {
  count: number
  correct: number
  accuracy: number
}

/** How the support scorer agrees with labelled (claim, passage, supported?) pairs. */
export interface Calibration extends CalibrationGroup {
  /** Of the pairs judged supported, the share labelled supported. */
  precision: number
  /** Of the pairs labelled supported, the share judged supported. */
  recall: number
  f1: number
  byPerturbation: Record<string, CalibrationGroup>
  /** Every pair the scorer got wrong, for inspection. */
  errors: { id: string; perturbation: string; claim: string; expected: boolean; score: number; issues: SupportIssue[] }[]
}

/** A support judgement of a claim against one passage: the lexical scorer, or a model (asynchronous). */
export type SupportJudge = (claim: string, passage: string) => SupportResult | Promise<SupportResult>

/** The support scorer as a judge, with its options (a dictionary for English claims, say). */
export function createSupportJudge(options: ScoreSupportOptions = {}): SupportJudge {
  return (claim, passage) => scoreSupport(claim, [{ docId: 'passage', start: 0, end: passage.length, text: passage }], options)
}

/** Judges each pair's claim against its passage, one at a time, and measures agreement with the labels. */
export async function calibrateSupportScorer(pairs: readonly SupportPair[], judge: SupportJudge = createSupportJudge()): Promise<Calibration> {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  const groups = new Map<string, { count: number; correct: number }>()
  const errors: Calibration['errors'] = []
  for (const pair of pairs) {
    const result = await judge(pair.claim, pair.passage)
    const correct = result.supported === pair.supported
    if (result.supported && pair.supported) truePositives++
    if (result.supported && !pair.supported) falsePositives++
    if (!result.supported && pair.supported) falseNegatives++
    const group = groups.get(pair.perturbation) ?? { count: 0, correct: 0 }
    group.count++
    if (correct) group.correct++
    groups.set(pair.perturbation, group)
    if (!correct) errors.push({ id: pair.id, perturbation: pair.perturbation, claim: pair.claim, expected: pair.supported, score: result.score, issues: result.issues })
  }
  const correct = pairs.length - errors.length
  const precision = ratio(truePositives, truePositives + falsePositives)
  const recall = ratio(truePositives, truePositives + falseNegatives)
  return {
    count: pairs.length,
    correct,
    accuracy: ratio(correct, pairs.length),
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    byPerturbation: Object.fromEntries([...groups].map(([name, group]) => [name, { ...group, accuracy: ratio(group.correct, group.count) }])),
    errors,
  }
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole
}
