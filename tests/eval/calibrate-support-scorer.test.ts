import { describe, expect, it } from 'vitest'
import { calibrateSupportScorer } from '../../src/eval/calibrate-support-scorer.js'
import { loadScorerOptions } from '../../src/eval/load-scorer-options.js'
import { loadSupportPairs, type SupportPair } from '../../src/eval/question-set.js'

describe('calibrateSupportScorer', () => {
  it('should agree with at least 85% of the labelled support pairs', async () => {
    const pairs = await loadSupportPairs()
    const calibration = await calibrateSupportScorer(pairs)
    console.info(
      `support scorer: accuracy ${calibration.accuracy.toFixed(3)} (${calibration.correct}/${calibration.count}), ` +
        `precision ${calibration.precision.toFixed(3)}, recall ${calibration.recall.toFixed(3)}; ` +
        Object.entries(calibration.byPerturbation).map(([name, group]) => `${name} ${group.correct}/${group.count}`).join(', '),
    )
    expect(calibration.count).toBeGreaterThanOrEqual(100)
    expect(calibration.accuracy).toBeGreaterThanOrEqual(0.85)
  })

  it('should compute precision, recall and per-perturbation accuracy from the judge', async () => {
    const pairs: SupportPair[] = [
      { id: 'a', claim: 'yes', passage: 'p', supported: true, perturbation: 'none' },
      { id: 'b', claim: 'yes', passage: 'p', supported: false, perturbation: 'number' },
      { id: 'c', claim: 'no', passage: 'p', supported: true, perturbation: 'paraphrase' },
      { id: 'd', claim: 'no', passage: 'p', supported: false, perturbation: 'number' },
    ]
    const judge = (claim: string) => ({ score: claim === 'yes' ? 1 : 0, supported: claim === 'yes', supportedBy: [], issues: [] })
    const calibration = await calibrateSupportScorer(pairs, judge)
    expect(calibration).toMatchObject({ count: 4, correct: 2, accuracy: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 })
    expect(calibration.byPerturbation.number).toEqual({ count: 2, correct: 1, accuracy: 0.5 })
    expect(calibration.errors.map((error) => error.id)).toEqual(['b', 'c'])
  })
})

describe('calibrateSupportScorer with the bundled English–Arabic dictionary', () => {
  it('should agree with at least 85% of the pairs when English claims are checked word by word', async () => {
    const { calibration } = await loadScorerOptions()
    console.info(`support scorer with the dictionary: accuracy ${calibration.accuracy.toFixed(3)}`)
    expect(calibration.dictionary).toBe(true)
    expect(calibration.accuracy).toBeGreaterThanOrEqual(0.85)
  })
})
