/** The verdict on one request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

interface Bucket {
  tokens: number
  updatedAt: number
}

/**
 * Per-client token buckets: each client may burst up to `perMinute` requests and regains them at
 * `perMinute` per minute. Idle, full buckets are forgotten so that many clients cannot exhaust memory.
 */
export class TokenBucketLimiter {
  readonly #capacity: number
  readonly #tokensPerMillisecond: number
  readonly #maxClients: number
  readonly #now: () => number
  readonly #buckets = new Map<string, Bucket>()

  constructor(options: { perMinute: number; maxClients?: number; now?: () => number }) {
    this.#capacity = options.perMinute
    this.#tokensPerMillisecond = options.perMinute / 60_000
    this.#maxClients = options.maxClients ?? 10_000
    this.#now = options.now ?? (() => performance.now())
  }

  /** Takes one token for a client, or says how long until one is available. */
  take(client: string): RateDecision {
    const now = this.#now()
    const bucket = this.#buckets.get(client) ?? this.#createBucket(client, now)
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.updatedAt) * this.#tokensPerMillisecond)
    bucket.updatedAt = now
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { allowed: true }
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#tokensPerMillisecond / 1000)) }
  }

  /** How many clients are tracked now. */
  get size(): number {
    return this.#buckets.size
  }

  #createBucket(client: string, now: number): Bucket {
    if (this.#buckets.size >= this.#maxClients) this.#forget(now)
    const bucket = { tokens: this.#capacity, updatedAt: now }
    this.#buckets.set(client, bucket)
    return bucket
  }

  // A full bucket carries no state worth keeping; if none is full, the least recently created goes.
  #forget(now: number): void {
    for (const [client, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.#tokensPerMillisecond >= this.#capacity) this.#buckets.delete(client)
    }
    if (this.#buckets.size >= this.#maxClients) {
      const oldest = this.#buckets.keys().next()
      if (!oldest.done) this.#buckets.delete(oldest.value)
    }
  }
}
