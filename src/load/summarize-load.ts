import type { LoadKind } from './create-load-requests.js'

/** How the responses to one kind of request went. */
export interface KindTally {
  completed: number
  /** Responses that were what the request must get. */
  right: number
  /** 429s with Retry-After, on requests that may be rate limited. */
  rateLimited: number
  /** Everything else: wrong status, wrong body, a 429 on a probe or without Retry-After. */
  unexpected: number
}

/** What the load client counted while the run went on. */
export interface LoadTally {
  byKind: Partial<Record<LoadKind, KindTally>>
  /** The first few unexpected responses, described. */
  unexpectedSamples: string[]
}

/** What autocannon measured, reduced to the figures the report needs. */
export interface LoadMeasurement {
  durationSeconds: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number }
}

/** The figures of one load run, as printed and written with `--json`. */
export interface LoadReport {
  url: string
  requested: number
  connections: number
  completed: number
  durationSeconds: number
  /** True when the time bound ended the run before every request was answered. */
  stoppedEarly: boolean
  requestsPerSecond: number
  latencyMs: LoadMeasurement['latencyMs']
  /** Connection errors and timeouts: requests that got no response. */
  errors: number
  timeouts: number
  statusClasses: Record<'2xx' | '3xx' | '4xx' | '5xx', number>
  statusCodes: Record<string, number>
  serverErrors: number
  rateLimited: number
  unexpected: number
  unexpectedSamples: string[]
  byKind: LoadTally['byKind']
}

/** Combines autocannon's measurement with the client's tally into the report. */
export function summarizeLoad(run: { url: string; requested: number; connections: number }, measurement: LoadMeasurement, tally: LoadTally): LoadReport {
  const kinds = Object.values(tally.byKind)
  const sum = (pick: (kind: KindTally) => number) => kinds.reduce((total, kind) => total + pick(kind), 0)
  const completed = sum((kind) => kind.completed)
  const statusClasses = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }
  for (const [code, count] of Object.entries(measurement.statusCodes)) {
    const statusClass = `${code[0]}xx` as keyof typeof statusClasses
    if (statusClass in statusClasses) statusClasses[statusClass] += count
  }
  return {
    ...run,
    completed,
    durationSeconds: measurement.durationSeconds,
    stoppedEarly: completed + measurement.errors < run.requested,
    requestsPerSecond: measurement.durationSeconds > 0 ? Math.round((completed / measurement.durationSeconds) * 10) / 10 : 0,
    latencyMs: measurement.latencyMs,
    errors: measurement.errors,
    timeouts: measurement.timeouts,
    statusClasses,
    statusCodes: measurement.statusCodes,
    serverErrors: statusClasses['5xx'],
    rateLimited: sum((kind) => kind.rateLimited),
    unexpected: sum((kind) => kind.unexpected),
    unexpectedSamples: tally.unexpectedSamples,
    byKind: tally.byKind,
  }
}
