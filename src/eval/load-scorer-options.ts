import { loadScoreOptions } from '../grounding/load-score-options.js'
import type { ScoreSupportOptions } from '../grounding/score-support.js'
import { calibrateSupportScorer, createSupportJudge } from './calibrate-support-scorer.js'
import type { EvalReport } from './eval-report-schemas.js'
import { loadSupportPairs } from './question-set.js'

/** The support scorer's options for a run, and its calibration with them. */
export interface ScorerSetup {
  options: ScoreSupportOptions
  calibration: NonNullable<EvalReport['scorer']>
}

/**
 * Loads the scorer's options (the English–Arabic dictionary when installed) and measures the
 * scorer's accuracy on the labelled support pairs with those options, for the report.
 */
export async function loadScorerOptions(dictionaryDirectory?: string): Promise<ScorerSetup> {
  const { options, hasDictionary } = await loadScoreOptions(dictionaryDirectory)
  const calibration = await calibrateSupportScorer(await loadSupportPairs(), createSupportJudge(options))
  return {
    options,
    calibration: { accuracy: calibration.accuracy, precision: calibration.precision, recall: calibration.recall, count: calibration.count, dictionary: hasDictionary },
  }
}
