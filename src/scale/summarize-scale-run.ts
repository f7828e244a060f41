import { summarizeSamples } from '../bench/summarize-samples.js'
import type { ScaleRecord, ScaleRequestKind } from './run-mixed-load.js'

/** What a mixed run showed. */
export interface ScaleRunSummary {
  requests: number
  failed: number
  /** Up to five failures, as `kind request-id: reason`. */
  failureSamples: string[]
  /** Requests per second over the run. */
  requestsPerSecond: number
  latency: Record<ScaleRequestKind, { count: number; p50Ms: number; p99Ms: number }>
  /** Retrieval time inside the replicas, as JSON answers report it (p50 and p99). */
  retrieval: { p50Ms: number; p99Ms: number }
  /** Share of the run's requests each replica answered, by replica number, from nginx's access log. */
  replicaShares: Record<string, number>
  /** Requests nginx sent to a second replica after the first failed them. */
  retried: number
  streams: {
    count: number
    /** Median time to the first event, and from the first to the last event. */
    firstEventP50Ms: number
    spreadP50Ms: number
    /** Share of streams whose events arrived over at least `minimumSpreadMs` (a buffering proxy would deliver them at once). */
    spreadOutShare: number
    /** Median number of separate arrivals per stream. */
    arrivalsP50: number
  }
}

/** One line of the access log the nginx template writes. */
interface AccessLine {
  requestId: string
  upstream: string
}

/**
 * Sums up a mixed run: failures, latency by kind, which replica answered each request (the last
 * address of nginx's `upstream` field, so a retried request counts for the replica that answered), and
 * whether stream events arrived spread out over at least `minimumSpreadMs`.
 */
export function summarizeScaleRun(
  records: readonly ScaleRecord[],
  accessLog: string,
  options: { requestIdPrefix: string; replicaNumbers: ReadonlyMap<string, number>; durationMs: number; minimumSpreadMs: number },
): ScaleRunSummary {
  const failures = records.filter((record) => record.failure !== null)
  const latency = {} as ScaleRunSummary['latency']
  for (const kind of ['ask', 'chat-stream', 'completion-stream'] as const) {
    const times = records.filter((record) => record.kind === kind && record.failure === null).map((record) => record.totalMs)
    const summary = summarizeSamples(times)
    latency[kind] = { count: times.length, p50Ms: summary.p50, p99Ms: summary.p99 }
  }

  const retrieval = summarizeSamples(records.flatMap((record) => (record.retrieveMs === null ? [] : [record.retrieveMs])))

  const served = new Map<string, number>()
  let retried = 0
  let logged = 0
  for (const line of accessLog.split('\n')) {
    const entry = parseAccessLine(line)
    if (!entry || !entry.requestId.startsWith(`${options.requestIdPrefix}-`)) continue
    const tried = entry.upstream.split(/[,:]\s+/).map((address) => address.trim()).filter(Boolean)
    if (tried.length > 1) retried++
    const replica = options.replicaNumbers.get(tried.at(-1) ?? '')
    const key = replica === undefined ? 'none' : String(replica)
    served.set(key, (served.get(key) ?? 0) + 1)
    logged++
  }
  const replicaShares = Object.fromEntries([...served].sort(([left], [right]) => left.localeCompare(right)).map(([replica, count]) => [replica, count / Math.max(1, logged)]))

  const streams = records.filter((record) => record.kind !== 'ask' && record.failure === null && record.eventTimesMs.length > 0)
  const spreads = streams.map((record) => record.eventTimesMs.at(-1)! - record.eventTimesMs[0]!)
  return {
    requests: records.length,
    failed: failures.length,
    failureSamples: failures.slice(0, 5).map((record) => `${record.kind} ${record.requestId}: ${record.failure}`),
    requestsPerSecond: records.length / (options.durationMs / 1000),
    latency,
    retrieval: { p50Ms: retrieval.p50, p99Ms: retrieval.p99 },
    replicaShares,
    retried,
    streams: {
      count: streams.length,
      firstEventP50Ms: summarizeSamples(streams.map((record) => record.eventTimesMs[0]!)).p50,
      spreadP50Ms: summarizeSamples(spreads).p50,
      spreadOutShare: streams.length > 0 ? spreads.filter((spread) => spread >= options.minimumSpreadMs).length / streams.length : 0,
      arrivalsP50: summarizeSamples(streams.map((record) => new Set(record.eventTimesMs).size)).p50,
    },
  }
}

function parseAccessLine(line: string): AccessLine | null {
  if (!line.trim()) return null
  try {
    const value = JSON.parse(line) as Partial<AccessLine>
    return typeof value.requestId === 'string' && typeof value.upstream === 'string' ? { requestId: value.requestId, upstream: value.upstream } : null
  } catch {
    return null
  }
}
