// The reference server of the throughput ratio: the smallest Hono JSON route on @hono/node-server,
// run exactly like sanad's server (same Node, same loader), so the ratio isolates sanad's own work.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono().get('/', (c) => c.json({ ok: true }))
const server = serve({ fetch: app.fetch, hostname: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) })
process.once('SIGTERM', () => server.close(() => process.exit(0)))
