import type { LoadReport } from './summarize-load.js'

/** Why a run failed: any error, any 5xx, any unexpected response, or a run the time bound cut short. */
export function findLoadFailures(report: LoadReport): string[] {
  const failures: string[] = []
  if (report.errors > 0) failures.push(`${report.errors} request(s) got no response (${report.timeouts} timed out)`)
  if (report.serverErrors > 0) failures.push(`${report.serverErrors} response(s) were 5xx`)
  if (report.unexpected > 0) failures.push(`${report.unexpected} response(s) were not what the request must get: ${report.unexpectedSamples.join('; ')}`)
  if (report.stoppedEarly) failures.push(`only ${report.completed} of ${report.requested} requests were answered within ${report.durationSeconds} s`)
  return failures
}
