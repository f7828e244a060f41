import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.js'
import { writeNodeHeaders } from './write-node-headers.js'

const HEADER = 'X-Request-Id'
const MAXIMUM_LENGTH = 255
const UNSAFE = /[^\w\-=]/

/**
 * Gives every request an id, as Hono's `requestId` does: the client's `X-Request-Id` when it is at most
 * 255 of `A-Z a-z 0-9 _ - =`, else a random UUID. The id is sent back in `X-Request-Id` (on the Node
 * response when there is one, like the security headers) and kept as `requestId` for the logs.
 */
export function assignRequestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let id = c.req.header(HEADER)
    if (!id || id.length > MAXIMUM_LENGTH || UNSAFE.test(id)) id = crypto.randomUUID()
    c.set('requestId', id)
    if (!writeNodeHeaders(c, [[HEADER, id]])) c.header(HEADER, id)
    await next()
  }
}
