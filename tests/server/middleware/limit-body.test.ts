import { Agent, request } from 'node:http'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../../../src/server/app-env.js'
import { createLogger } from '../../../src/server/create-logger.js'
import { handleError } from '../../../src/server/handle-errors.js'
import { limitBody } from '../../../src/server/middleware/limit-body.js'
import { startHttpServer, type RunningServer } from '../../../src/server/start-http-server.js'

function createEchoApp(options: { maxBytes: number; discardBytes?: number }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use(limitBody(options))
  app.post('/echo', async (c) => c.json({ length: (await c.req.text()).length }))
  app.get('/ping', (c) => c.json({ ok: true }))
  app.onError(handleError(createLogger({ level: 'silent' })))
  return app
}

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      const size = Math.min(1024, bytes - sent)
      sent += size
      controller.enqueue(new Uint8Array(size).fill(120))
      if (sent >= bytes) controller.close()
    },
  })
}

describe('limitBody', () => {
  it('should pass bodies within the limit, declared or streamed, and refuse larger ones with a 413 problem', async () => {
    const app = createEchoApp({ maxBytes: 4096 })
    expect(await (await app.request('/echo', { method: 'POST', body: 'x'.repeat(4096) })).json()).toEqual({ length: 4096 })
    const streamed = await app.request('/echo', { method: 'POST', body: streamOf(3000), duplex: 'half' } as RequestInit)
    expect(await streamed.json()).toEqual({ length: 3000 })
    for (const body of ['x'.repeat(4097), streamOf(50_000)]) {
      const response = await app.request('/echo', { method: 'POST', body, duplex: 'half' } as RequestInit)
      expect(response.status).toBe(413)
      expect((await response.json()).error.code).toBe('payload_too_large')
      expect(response.headers.get('connection')).toBeNull()
    }
  })

  it('should ask the client to close the connection when the refused body is past the discard bound', async () => {
    const app = createEchoApp({ maxBytes: 1024, discardBytes: 8192 })
    const response = await app.request('/echo', { method: 'POST', body: streamOf(100_000), duplex: 'half' } as RequestInit)
    expect(response.status).toBe(413)
    expect(response.headers.get('connection')).toBe('close')
  })

  describe('on a keep-alive connection', () => {
    let running: RunningServer
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    beforeAll(async () => {
      running = await startHttpServer({ fetch: createEchoApp({ maxBytes: 65_536 }).fetch, hostname: '127.0.0.1', port: 0, graceMs: 1_000, logger: createLogger({ level: 'silent' }) })
    })
    afterAll(async () => {
      agent.destroy()
      await running.shutdown('test')
    })

    function send(method: string, path: string, body?: string | string[]): Promise<{ status: number; socketReused: boolean }> {
      const { hostname, port } = new URL(running.url)
      return new Promise((resolve, reject) => {
        const headers = Array.isArray(body) ? { 'transfer-encoding': 'chunked' } : {}
        const outgoing = request({ hostname, port, method, path, agent, headers }, (incoming) => {
          incoming.resume()
          incoming.on('end', () => resolve({ status: incoming.statusCode!, socketReused: outgoing.reusedSocket }))
        })
        outgoing.on('error', reject)
        for (const piece of Array.isArray(body) ? body : body === undefined ? [] : [body]) outgoing.write(piece)
        outgoing.end()
      })
    }

    // Refusing without reading left the rest of the body on the socket, and the adapter then dropped
    // the connection it had just called keep-alive: the next request on it failed with a reset.
    it('should keep the connection usable for the next request after refusing a large body, declared or chunked', async () => {
      for (const size of [100_000, 1_000_000, 5_000_000]) {
        expect((await send('POST', '/echo', 'x'.repeat(size))).status).toBe(413)
        expect(await send('GET', '/ping')).toEqual({ status: 200, socketReused: true })
        expect((await send('POST', '/echo', Array.from({ length: size / 10_000 }, () => 'x'.repeat(10_000)))).status).toBe(413)
        expect(await send('GET', '/ping')).toEqual({ status: 200, socketReused: true })
      }
    })
  })
})
