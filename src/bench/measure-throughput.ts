import autocannon from 'autocannon'
import type { BenchRequest } from './send-http-request.js'

/** Requests per second and latency under a fixed number of open connections. */
export interface Throughput {
  requestsPerSecond: number
  latencyP50Ms: number
  latencyP99Ms: number
  completed: number
  non2xx: number
  errors: number
  durationSeconds: number
}

/**
 * Loads a target with autocannon: `connections` keep-alive connections, each cycling through the
 * requests for `durationSeconds`, after an untimed warm-up of `warmupSeconds` that lets the JIT settle.
 */
export async function measureThroughput(options: {
  baseUrl: string
  requests: readonly BenchRequest[]
  connections: number
  durationSeconds: number
  warmupSeconds: number
  /** Send exactly this many requests instead of loading for `durationSeconds` (and no warm-up). */
  amount?: number
}): Promise<Throughput> {
  const requests = options.requests.map(({ method, path, body }) => ({
    method,
    path,
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
  }))
  const run = (duration: number) => autocannon({ url: options.baseUrl, connections: options.connections, duration, timeout: 10, requests })
  let result
  if (options.amount !== undefined) {
    result = await autocannon({ url: options.baseUrl, connections: options.connections, amount: options.amount, timeout: 10, requests })
  } else {
    if (options.warmupSeconds > 0) await run(options.warmupSeconds)
    result = await run(options.durationSeconds)
  }
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    completed: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    durationSeconds: result.duration,
  }
}
