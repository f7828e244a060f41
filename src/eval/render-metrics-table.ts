import type { EvalReport, MetricSet } from './eval-report-schemas.js'

/** The columns of the terminal table: a short heading for each metric shown. */
const COLUMNS: readonly [keyof MetricSet, string][] = [
  ['count', 'n'],
  ['hitAtK', 'hit@k'],
  ['mrr', 'MRR'],
  ['contextPrecision', 'ctxP'],
  ['answeredCorrectly', 'correct'],
  ['containsAnswer', 'contains'],
  ['exactMatch', 'EM'],
  ['tokenF1', 'F1'],
  ['citationRecall', 'citR'],
  ['citationPrecision', 'citP'],
  ['faithfulness', 'faith'],
  ['groundingScore', 'ground'],
  ['refusalRecall', 'refR'],
  ['falseRefusalRate', 'falseRef'],
  ['citationValidity', 'valid'],
  ['latencyP50Ms', 'p50ms'],
  ['latencyP95Ms', 'p95ms'],
]

/** A plain-text table of the overall metrics and the metrics by kind, for the terminal. */
export function renderMetricsTable(report: Pick<EvalReport, 'metrics' | 'byKind'>): string {
  const rows = [['', ...COLUMNS.map(([, heading]) => heading)], ['all', ...COLUMNS.map(([key]) => formatMetric(key, report.metrics[key]))]]
  for (const [kind, metrics] of Object.entries(report.byKind).sort(([first], [second]) => first.localeCompare(second))) {
    rows.push([kind, ...COLUMNS.map(([key]) => formatMetric(key, metrics[key]))])
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '))
  return `${lines.join('\n')}\n`
}

/** A metric as the table and the HTML report show it: rates with two decimals, counts and milliseconds whole. */
export function formatMetric(key: keyof MetricSet, value: number | null): string {
  if (value === null) return '–'
  if (key === 'count' || key === 'errors' || key === 'latencyP50Ms' || key === 'latencyP95Ms') return String(Math.round(value))
  return value.toFixed(2)
}
