import { loadScoreOptions } from '../grounding/load-score-options.js'
import type { ScoreSupportOptions } from '../grounding/score-support.js'
import { calibrateSupportScorer, createSupportJudge, type Calibration } from './calibrate-support-scorer.js'
import type { CalibrationPart, EvalReport } from './eval-report-schemas.js'
import { HELD_OUT_SUPPORT_PAIRS_PATH, loadSupportPairs } from './question-set.js'

/** The support scorer's options for a run, and its calibration with them. */
export interface ScorerSetup {
  options: ScoreSupportOptions
  calibration: NonNullable<EvalReport['scorer']>
}

/**
 * Loads the scorer's options (the English–Arabic dictionary when installed) and measures the
 * scorer's agreement with the development and the held-out labelled support pairs, for the report.
 */
export async function loadScorerOptions(dictionaryDirectory?: string): Promise<ScorerSetup> {
  const { options, hasDictionary } = await loadScoreOptions(dictionaryDirectory)
  const judge = createSupportJudge(options)
  const development = await calibrateSupportScorer(await loadSupportPairs(), judge)
  const heldOut = await calibrateSupportScorer(await loadSupportPairs(HELD_OUT_SUPPORT_PAIRS_PATH), judge)
  return {
    options,
    calibration: {
      accuracy: heldOut.accuracy,
      precision: heldOut.precision,
      recall: heldOut.recall,
      count: heldOut.count,
      dictionary: hasDictionary,
      development: summarizeCalibration(development),
      heldOut: summarizeCalibration(heldOut),
    },
  }
}

/** The figures of a calibration that a report keeps. */
export function summarizeCalibration(calibration: Calibration): CalibrationPart {
  const { count, accuracy, precision, recall, balancedAccuracy, rocAuc, buckets } = calibration
  return { count, accuracy, precision, recall, balancedAccuracy, rocAuc, buckets }
}
