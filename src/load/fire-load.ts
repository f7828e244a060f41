import autocannon, { type AutocannonRequest } from 'autocannon'
import type { LoadKind, LoadRequest } from './create-load-requests.js'
import { summarizeLoad, type KindTally, type LoadReport, type LoadTally } from './summarize-load.js'

/** One bounded load run. */
export interface LoadRunOptions {
  /** A loopback base URL, like `http://127.0.0.1:8787`. */
  url: string
  /** The rotation every connection cycles through. */
  requests: readonly LoadRequest[]
  /** Total requests to send. */
  amount: number
  connections: number
  /** The run stops after this many seconds even if requests remain. */
  durationSeconds: number
  /** Seconds a response may take before it counts as an error. */
  timeoutSeconds: number
}

const MAX_SAMPLES = 10

/**
 * Sends `amount` requests over `connections` keep-alive connections with autocannon, judging every
 * response against what its request must get; bounded by count and by time.
 */
export async function fireLoad(options: LoadRunOptions): Promise<LoadReport> {
  const tally: LoadTally = { byKind: {}, unexpectedSamples: [] }
  const count = (kind: LoadKind): KindTally => (tally.byKind[kind] ??= { completed: 0, right: 0, rateLimited: 0, unexpected: 0 })
  const noteUnexpected = (request: LoadRequest, reason: string) => {
    count(request.kind).unexpected++
    if (tally.unexpectedSamples.length < MAX_SAMPLES) tally.unexpectedSamples.push(`${request.method} ${request.path}: ${reason}`)
  }

  const requests: AutocannonRequest[] = options.requests.map((request) => ({
    method: request.method,
    path: request.path,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    onResponse: (status, body, _context, headers) => {
      count(request.kind).completed++
      if (status === 429) {
        if (request.rateLimitExempt) noteUnexpected(request, 'a 429 on a path that is never rate limited')
        else if (!headers['retry-after']) noteUnexpected(request, 'a 429 without Retry-After')
        else count(request.kind).rateLimited++
        return
      }
      const reason = request.judge(status, body)
      if (reason) noteUnexpected(request, reason)
      else count(request.kind).right++
    },
  }))

  // Each connection starts one step further into the rotation, so that every request of it is sent
  // even when a connection sends fewer requests than the rotation holds.
  let connectionsSetUp = 0
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    amount: options.amount,
    timeout: options.timeoutSeconds,
    requests,
    setupClient: (client) => {
      const shift = connectionsSetUp++ % requests.length
      client.setRequests([...requests.slice(shift), ...requests.slice(0, shift)])
    },
  })
  const bound = setTimeout(() => instance.stop(), options.durationSeconds * 1000)
  try {
    const result = await instance
    const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]))
    const { p50, p90, p99, max, mean } = result.latency
    return summarizeLoad(
      { url: options.url, requested: options.amount, connections: options.connections },
      { durationSeconds: result.duration, errors: result.errors, timeouts: result.timeouts, statusCodes, latencyMs: { p50, p90, p99, max, mean } },
      tally,
    )
  } finally {
    clearTimeout(bound)
  }
}
