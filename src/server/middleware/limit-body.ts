import type { MiddlewareHandler } from 'hono'
import { SanadError } from '../../errors/sanad-error.js'

/** Past this many bytes an oversized body is no longer read to its end; its connection is closed instead. */
const DEFAULT_DISCARD_BYTES = 16 * 1024 * 1024

/**
 * Refuses a body larger than `maxBytes` with 413. The refused body is still read to its end and thrown
 * away (up to `discardBytes`): a keep-alive connection whose request body was left half read is dropped
 * by the Node adapter after the answer, so the client's next request on it would fail with a reset.
 * Bodies past `discardBytes` are answered with `Connection: close` so no client reuses the connection.
 */
export function limitBody(options: { maxBytes: number; discardBytes?: number }): MiddlewareHandler {
  const { maxBytes } = options
  const discardBytes = Math.max(maxBytes, options.discardBytes ?? DEFAULT_DISCARD_BYTES)
  const tooLarge = (headers: Record<string, string> = {}) =>
    new SanadError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`, { headers })

  return async (c, next) => {
    // Decide from the method and headers first: touching `raw.body` makes the Node adapter build a full
    // Request for every request, bodiless GETs included. A declared length is enforced by the HTTP parser,
    // so a body declared small enough cannot grow.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const declared = c.req.header('content-length')
    if (declared !== undefined && !c.req.header('transfer-encoding') && Number(declared) <= maxBytes) return next()
    const body = c.req.raw.body
    if (!body) return next()

    const reader = body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.length
      if (size <= maxBytes) {
        chunks.push(value)
        continue
      }
      while (size <= discardBytes) {
        const rest = await reader.read()
        if (rest.done) throw tooLarge()
        size += rest.value.length
      }
      await reader.cancel()
      throw tooLarge({ Connection: 'close' })
    }
    const whole = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      whole.set(chunk, offset)
      offset += chunk.length
    }
    c.req.raw = new Request(c.req.raw, { body: whole })
    await next()
  }
}
