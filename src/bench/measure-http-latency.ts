import { createKeepAliveAgent, sendHttpRequest, type BenchRequest } from './send-http-request.js'
import { summarizeSamples, type SampleSummary } from './summarize-samples.js'

/** End-to-end latency at concurrency 1, and the server's own per-stage timings when its responses carry them. */
export interface HttpLatency {
  latency: SampleSummary
  /** Per stage (e.g. `timingsMs` of /api/ask: analyze, retrieve, answer, grounding, total), over the responses that had it. */
  serverMs: Record<string, SampleSummary>
  failures: number
}

/**
 * Sends the requests one after another over one keep-alive connection, cycling through them, and times
 * each from send to last byte. Stops after `samples` timed requests or `budgetMs`, whichever comes first.
 */
export async function measureHttpLatency(options: {
  baseUrl: string
  requests: readonly BenchRequest[]
  samples: number
  warmup: number
  budgetMs: number
  readServerTimings?: (body: string) => Record<string, number> | null
}): Promise<HttpLatency> {
  if (options.requests.length === 0) throw new Error('measureHttpLatency needs at least one request')
  const agent = createKeepAliveAgent()
  const latencies: number[] = []
  const serverTimings = new Map<string, number[]>()
  let failures = 0
  const deadline = performance.now() + options.budgetMs
  try {
    for (let sent = 0; sent < options.warmup + options.samples && performance.now() < deadline; sent++) {
      const benchRequest = options.requests[sent % options.requests.length]!
      const started = performance.now()
      const response = await sendHttpRequest(options.baseUrl, benchRequest, { agent })
      const elapsed = performance.now() - started
      if (response.status !== 200) failures++
      if (sent < options.warmup) continue
      latencies.push(elapsed)
      for (const [stage, ms] of Object.entries(options.readServerTimings?.(response.body) ?? {})) {
        const samples = serverTimings.get(stage)
        if (samples) samples.push(ms)
        else serverTimings.set(stage, [ms])
      }
    }
  } finally {
    agent.destroy()
  }
  return {
    latency: summarizeSamples(latencies),
    serverMs: Object.fromEntries([...serverTimings].map(([stage, samples]) => [stage, summarizeSamples(samples)])),
    failures,
  }
}

/** The numeric `timingsMs` fields of a JSON response body such as /api/ask's; null when there are none. */
export function readTimingsField(body: string): Record<string, number> | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  const timings = (parsed as { timingsMs?: unknown } | null)?.timingsMs
  if (typeof timings !== 'object' || timings === null) return null
  return Object.fromEntries(Object.entries(timings).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])))
}
