// The slice of autocannon's programmatic API that the bench uses; the package ships no types.
declare module 'autocannon' {
  interface AutocannonRequest {
    method?: string
    path?: string
    body?: string
    headers?: Record<string, string>
  }
  interface AutocannonOptions {
    url: string
    connections?: number
    duration?: number
    /** Stop after this many requests instead of after `duration`. */
    amount?: number
    timeout?: number
    method?: string
    headers?: Record<string, string>
    requests?: AutocannonRequest[]
  }
  interface AutocannonHistogram {
    average: number
    p50: number
    p90: number
    p99: number
    max: number
    total: number
  }
  interface AutocannonResult {
    requests: AutocannonHistogram
    latency: AutocannonHistogram
    duration: number
    totalCompletedRequests: number
    non2xx: number
    errors: number
    timeouts: number
  }
  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>
  export default autocannon
}
