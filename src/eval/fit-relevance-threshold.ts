import type { Relevance } from '../grounding/score-relevance.js'

/** A relevance verdict with whether the evidence really answers the question. */
export interface RelevanceSample {
  relevance: Pick<Relevance, 'coverage' | 'replaced' | 'hasAskedType'>
  relevant: boolean
}

/** Balanced accuracy of relevance at one coverage threshold, per named sample set and on average. */
export interface ThresholdFit {
  threshold: number
  balancedAccuracy: Record<string, number>
  mean: number
}

/**
 * Tries coverage thresholds from 0.1 to 0.8 on labelled relevance samples (grouped in named sets)
 * and returns every threshold's balanced accuracy, best mean first: how RELEVANCE_THRESHOLD is chosen.
 */
export function fitRelevanceThreshold(sets: Readonly<Record<string, readonly RelevanceSample[]>>): ThresholdFit[] {
  const fits: ThresholdFit[] = []
  for (let step = 2; step <= 16; step++) {
    const threshold = step / 20
    const balancedAccuracy: Record<string, number> = {}
    for (const [name, samples] of Object.entries(sets)) {
      const judged = samples.map(({ relevance, relevant }) => ({ relevant, judged: relevance.hasAskedType && !relevance.replaced && relevance.coverage >= threshold }))
      const positives = judged.filter((sample) => sample.relevant)
      const negatives = judged.filter((sample) => !sample.relevant)
      const recall = positives.length === 0 ? 0 : positives.filter((sample) => sample.judged).length / positives.length
      const specificity = negatives.length === 0 ? 0 : negatives.filter((sample) => !sample.judged).length / negatives.length
      balancedAccuracy[name] = (recall + specificity) / 2
    }
    const values = Object.values(balancedAccuracy)
    fits.push({ threshold, balancedAccuracy, mean: values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length) })
  }
  return fits.sort((first, second) => second.mean - first.mean || first.threshold - second.threshold)
}
