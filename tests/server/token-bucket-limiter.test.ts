import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TokenBucketLimiter } from '../../src/server/token-bucket-limiter.js'

describe('TokenBucketLimiter', () => {
  it('should allow a burst of the per-minute budget, then refuse with the wait until the next token', () => {
    let now = 0
    const limiter = new TokenBucketLimiter({ perMinute: 6, now: () => now })
    const decisions = Array.from({ length: 7 }, () => limiter.take('a'))
    expect(decisions.slice(0, 6).every((decision) => decision.allowed)).toBe(true)
    expect(decisions[6]).toEqual({ allowed: false, retryAfterSeconds: 10 })
    now += 10_000
    expect(limiter.take('a').allowed).toBe(true)
    expect(limiter.take('a').allowed).toBe(false)
  })

  it('should keep clients apart', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, now: () => 0 })
    expect(limiter.take('a').allowed).toBe(true)
    expect(limiter.take('a').allowed).toBe(false)
    expect(limiter.take('b').allowed).toBe(true)
  })

  it('should never track more clients than its bound', () => {
    let now = 0
    const limiter = new TokenBucketLimiter({ perMinute: 2, maxClients: 50, now: () => now })
    for (let client = 0; client < 500; client++) {
      now += 1
      limiter.take(`client-${client}`)
      expect(limiter.size).toBeLessThanOrEqual(50)
    }
  })

  it('should never allow more than the budget plus what a window refills', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 300 }), (perMinute, gaps) => {
        let now = 0
        const limiter = new TokenBucketLimiter({ perMinute, now: () => now })
        let allowed = 0
        for (const gap of gaps) {
          now += gap
          if (limiter.take('x').allowed) allowed++
        }
        expect(allowed).toBeLessThanOrEqual(perMinute + Math.floor((now * perMinute) / 60_000) + 1)
      }),
    )
  })
})
