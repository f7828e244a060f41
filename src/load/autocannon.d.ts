/** The part of autocannon's programmatic API that `npm run load` uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  /** One request of the rotation each connection cycles through. */
  export interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    /** Called with every complete response to this request. */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void
  }

  /** Options of one run. */
  export interface AutocannonOptions {
    url: string
    connections?: number
    /** Total requests; takes precedence over `duration`. */
    amount?: number
    duration?: number
    /** Seconds to wait for a response before it counts as a timeout (an error). */
    timeout?: number
    requests?: AutocannonRequest[]
    headers?: Record<string, string>
    /** Called once per connection before its first request. */
    setupClient?: (client: AutocannonClient) => void
  }

  /** One connection of a run. */
  export interface AutocannonClient {
    /** Replaces the rotation this connection cycles through. */
    setRequests(requests: AutocannonRequest[]): void
  }

  /** Percentiles and moments of one statistic. */
  export interface AutocannonHistogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p99: number
    p99_9: number
    total?: number
    sent?: number
  }

  /** The results of a run. */
  export interface AutocannonResult {
    latency: AutocannonHistogram
    requests: AutocannonHistogram
    throughput: AutocannonHistogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    '1xx': number
    '2xx': number
    '3xx': number
    '4xx': number
    '5xx': number
  }

  /** A running load test: an event emitter that settles with the results. */
  export interface AutocannonInstance extends EventEmitter, PromiseLike<AutocannonResult> {
    stop(): void
  }

  /** Starts a run against `options.url`. */
  export default function autocannon(options: AutocannonOptions, callback?: (error: Error | null, result: AutocannonResult) => void): AutocannonInstance
}
