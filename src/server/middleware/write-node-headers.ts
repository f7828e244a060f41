import { ServerResponse } from 'node:http'
import type { Context } from 'hono'

/**
 * Sets headers on the Node response under the Hono context, when there is one (the app served by
 * @hono/node-server), and answers whether it could. Node merges them with the headers the handler's
 * response brings (the handler's win), so the adapter keeps its fast path for plain JSON answers:
 * setting them through `c.header` or `c.res.headers` instead builds a web `Headers` for every response.
 */
export function writeNodeHeaders(c: Context, headers: readonly (readonly [string, string])[]): boolean {
  const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing
  if (!(outgoing instanceof ServerResponse) || outgoing.headersSent) return false
  for (const [name, value] of headers) outgoing.setHeader(name, value)
  return true
}
