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
}): Promise<Throughput> {
  const requests = options.requests.map(({ method, path, body }) => ({
    method,
    path,
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
  }))
  const run = (duration: number) => autocannon({ url: options.baseUrl, connections: options.connections, duration, timeout: 10, requests })
  if (options.warmupSeconds > 0) await run(options.warmupSeconds)
  const result = await run(options.durationSeconds)
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    completed: result.totalCompletedRequests,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    durationSeconds: result.duration,
  }
}
