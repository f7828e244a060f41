import { summarizeSamples, type SampleSummary } from './summarize-samples.js'

/** One answer to score: what the answerer produced, and the question it answers. */
export interface GroundingSample {
  answer: string
  citations: readonly { n: number; docId: string; start: number; end: number; quote: string }[]
  language: 'ar' | 'en'
  question: string
  kind: string
}

/** The cost of scoring one answer's grounding, in milliseconds of CPU time, over rounds of every sample. */
export interface GroundingCost {
  answers: number
  rounds: number
  perAnswer: SampleSummary
}

/**
 * Times a grounding scorer on answers: after one warm-up round, every answer is scored `rounds`
 * times and the CPU time of each call is taken; the summary is per answer (support and relevance together).
 */
export function measureGroundingCost(
  samples: readonly GroundingSample[],
  score: (sample: GroundingSample) => unknown,
  options: { rounds: number; budgetMs?: number },
): GroundingCost {
  for (const sample of samples) score(sample)
  const timings: number[] = []
  const started = performance.now()
  let rounds = 0
  while (rounds < options.rounds && (options.budgetMs === undefined || performance.now() - started < options.budgetMs)) {
    for (const sample of samples) {
      // CPU time, not wall time: the machine may be shared, and waiting for a core is not the scorer's cost.
      const before = process.cpuUsage()
      score(sample)
      const spent = process.cpuUsage(before)
      timings.push((spent.user + spent.system) / 1000)
    }
    rounds++
  }
  return { answers: samples.length, rounds, perAnswer: summarizeSamples(timings) }
}
