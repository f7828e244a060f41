import { SanadError } from '../errors/sanad-error.js'
import { RATE_METRICS, type MetricSet } from './eval-report-schemas.js'

const LATENCY_METRICS = ['latencyP50Ms', 'latencyP95Ms'] as const

/** A bound a metric must respect: `--min metric=value` (at least) or `--max metric=value` (at most). */
export interface Threshold {
  metric: (typeof RATE_METRICS)[number] | (typeof LATENCY_METRICS)[number]
  bound: number
  direction: 'min' | 'max'
}

/**
 * Parses `metric=value` pairs. Rates take values in [0,1]; latencies (milliseconds) only take an
 * upper bound. An unknown metric or a bad value is an invalid request.
 */
export function parseThresholds(values: readonly string[], direction: Threshold['direction']): Threshold[] {
  const allowed: readonly string[] = direction === 'max' ? [...RATE_METRICS, ...LATENCY_METRICS] : RATE_METRICS
  return values.map((value) => {
    const match = /^([A-Za-z0-9]+)=(\d*\.?\d+)$/.exec(value.trim())
    const metric = match?.[1]
    const bound = Number(match?.[2])
    if (!metric || !allowed.includes(metric)) {
      throw new SanadError('invalid_request', `--${direction} ${value}: expected metric=value with a metric among ${allowed.join(', ')}`)
    }
    const isRate = (RATE_METRICS as readonly string[]).includes(metric)
    if (!(bound >= 0) || (isRate && bound > 1)) throw new SanadError('invalid_request', `--${direction} ${value}: the value must be ${isRate ? 'in [0,1]' : 'at least 0'}`)
    return { metric: metric as Threshold['metric'], bound, direction }
  })
}

/** The thresholds a metric set breaks, as readable lines; a metric with no value breaks its threshold. */
export function checkThresholds(metrics: MetricSet, thresholds: readonly Threshold[]): string[] {
  return thresholds
    .filter(({ metric, bound, direction }) => {
      const value = metrics[metric]
      if (value === null) return true
      return direction === 'min' ? value < bound : value > bound
    })
    .map(({ metric, bound, direction }) => `${metric} ${formatValue(metrics[metric])} is ${direction === 'min' ? 'below' : 'above'} ${bound}`)
}

function formatValue(value: number | null): string {
  return value === null ? 'n/a' : String(Math.round(value * 1000) / 1000)
}
