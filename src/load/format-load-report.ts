import type { LoadReport } from './summarize-load.js'

/** The report as the lines `npm run load` prints. */
export function formatLoadReport(report: LoadReport): string {
  const { latencyMs: latency, statusClasses: classes } = report
  const kinds = Object.entries(report.byKind)
    .map(([kind, tally]) => `  ${kind.padEnd(18)} ${String(tally.completed).padStart(7)} answered, ${tally.right} right, ${tally.rateLimited} rate limited, ${tally.unexpected} unexpected`)
    .join('\n')
  return [
    `target:        ${report.url}`,
    `requests:      ${report.completed} of ${report.requested} answered over ${report.connections} connections in ${report.durationSeconds} s${report.stoppedEarly ? ' (stopped by the time bound)' : ''}`,
    `throughput:    ${report.requestsPerSecond} req/s`,
    `latency:       p50 ${latency.p50} ms, p90 ${latency.p90} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
    `errors:        ${report.errors} (timeouts ${report.timeouts})`,
    `status:        2xx ${classes['2xx']}, 3xx ${classes['3xx']}, 4xx ${classes['4xx']}, 5xx ${classes['5xx']} (${Object.entries(report.statusCodes).map(([code, count]) => `${code}: ${count}`).join(', ')})`,
    `rate limited:  ${report.rateLimited}`,
    `unexpected:    ${report.unexpected}`,
    'by kind:',
    kinds,
    '',
  ].join('\n')
}
