/** The distribution of a set of measurements, in their unit (milliseconds throughout the bench). */
export interface SampleSummary {
  count: number
  min: number
  mean: number
  p50: number
  p90: number
  p99: number
  max: number
}

/** The nearest-rank percentile of ascending values: the smallest value with at least p% of the values at or below it. */
export function percentileOf(ascending: readonly number[], percent: number): number {
  if (ascending.length === 0) return Number.NaN
  const rank = Math.ceil((Math.min(Math.max(percent, 0), 100) / 100) * ascending.length)
  return ascending[Math.max(rank, 1) - 1]!
}

/** The median of values in any order. */
export function medianOf(values: readonly number[]): number {
  return percentileOf([...values].sort((left, right) => left - right), 50)
}

/** Sorts a copy of the samples and reads their percentiles, minimum, maximum and mean. */
export function summarizeSamples(samples: readonly number[]): SampleSummary {
  const ascending = [...samples].sort((left, right) => left - right)
  let total = 0
  for (const sample of ascending) total += sample
  return {
    count: ascending.length,
    min: ascending[0] ?? Number.NaN,
    mean: ascending.length > 0 ? total / ascending.length : Number.NaN,
    p50: percentileOf(ascending, 50),
    p90: percentileOf(ascending, 90),
    p99: percentileOf(ascending, 99),
    max: ascending.at(-1) ?? Number.NaN,
  }
}
