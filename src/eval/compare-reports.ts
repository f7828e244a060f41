import type { MetricSet } from './eval-report-schemas.js'
import { formatMetric } from './render-metrics-table.js'

const COMPARED: readonly (keyof MetricSet)[] = [
  'hitAtK', 'mrr', 'contextPrecision', 'containsAnswer', 'exactMatch', 'tokenF1', 'citationRecall', 'citationPrecision',
  'faithfulness', 'refusalRecall', 'falseRefusalRate', 'citationValidity', 'groundingScore', 'latencyP50Ms', 'latencyP95Ms',
]
// For these, lower is better.
const LOWER_IS_BETTER = new Set<keyof MetricSet>(['falseRefusalRate', 'latencyP50Ms', 'latencyP95Ms'])

/** One metric of two runs side by side. */
export interface MetricDelta {
  metric: keyof MetricSet
  current: number | null
  baseline: number | null
  delta: number | null
  /** 'better', 'worse' or 'same', taking the metric's direction into account; null without both values. */
  verdict: 'better' | 'worse' | 'same' | null
}

/** Compares the overall metrics of a run with a baseline run. */
export function compareReports(current: MetricSet, baseline: MetricSet): MetricDelta[] {
  return COMPARED.map((metric) => {
    const now = current[metric]
    const before = baseline[metric]
    if (now === null || before === null) return { metric, current: now, baseline: before, delta: null, verdict: null }
    const delta = now - before
    const direction = LOWER_IS_BETTER.has(metric) ? -delta : delta
    const verdict = Math.abs(delta) < 1e-9 ? 'same' : direction > 0 ? 'better' : 'worse'
    return { metric, current: now, baseline: before, delta, verdict }
  })
}

/** The comparison as text lines: metric, baseline → current, signed delta and verdict. */
export function renderComparison(deltas: readonly MetricDelta[]): string {
  const width = Math.max(...deltas.map((delta) => delta.metric.length))
  return `${deltas
    .map(({ metric, current, baseline, delta, verdict }) => {
      const change = delta === null ? '' : `${delta >= 0 ? '+' : ''}${formatMetric(metric, delta)}`
      return `${metric.padEnd(width)}  ${formatMetric(metric, baseline).padStart(6)} → ${formatMetric(metric, current).padStart(6)}  ${change.padStart(7)}  ${verdict ?? ''}`.trimEnd()
    })
    .join('\n')}\n`
}
