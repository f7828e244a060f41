import type { Context, MiddlewareHandler } from 'hono'
import { SanadError } from '../../errors/sanad-error.js'
import type { TokenBucketLimiter } from '../token-bucket-limiter.js'

/** Answers 429 with Retry-After when a client has used up its requests. */
export function limitRate(limiter: TokenBucketLimiter, clientAddressOf: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    const decision = limiter.take(clientAddressOf(c))
    if (!decision.allowed) {
      throw new SanadError('rate_limited', `Too many requests; retry in ${decision.retryAfterSeconds} s.`, {
        details: { retryAfterSeconds: decision.retryAfterSeconds },
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      })
    }
    await next()
  }
}
