import { Agent, request } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { AskResponseSchema } from '../../src/answer/answer-schemas.js'
import type { AskOptions, QuestionAnswerer } from '../../src/answer/question-answerer.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { createLogger } from '../../src/server/create-logger.js'
import { startHttpServer, type RunningServer } from '../../src/server/start-http-server.js'
import { createStubAnswerer, type StubAnswerer } from '../support/create-stub-answerer.js'
import { createTestApp, postJson } from '../support/create-test-app.js'
import { loadTestIndex } from '../support/load-test-index.js'
import { startServer, type StartedServer } from '../support/start-server.js'

const QUESTION = 'متى أعلن أوباما مقتل بن لادن؟'

/** A stub answerer whose `ask` waits until its request is aborted, counting the aborts it saw. */
function createWaitingAnswerer(stub: StubAnswerer): QuestionAnswerer & { abortedAsks: number; startedAsks: number } {
  const answerer = {
    answerers: stub.answerers,
    abortedAsks: 0,
    startedAsks: 0,
    stream: stub.stream.bind(stub),
    ask: (_request: unknown, options: AskOptions = {}) =>
      new Promise<never>((_resolve, reject) => {
        answerer.startedAsks++
        const giveUp = setTimeout(() => reject(new Error('never aborted')), 20_000)
        options.signal?.addEventListener('abort', () => {
          clearTimeout(giveUp)
          answerer.abortedAsks++
          reject(options.signal!.reason)
        })
      }),
  }
  return answerer
}

describe('a client that leaves mid-request, on a real socket', () => {
  let index: SanadIndex
  let running: RunningServer | undefined
  beforeAll(async () => {
    index = await loadTestIndex()
  })
  afterEach(async () => {
    await running?.shutdown('test')
    running = undefined
  })

  async function serve(answerer: QuestionAnswerer): Promise<string> {
    const { app } = createTestApp(index, answerer)
    running = await startHttpServer({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, graceMs: 5_000, logger: createLogger({ level: 'silent' }) })
    return running.url
  }

  const streams = [
    { name: '/api/chat', path: '/api/chat', body: { question: QUESTION } },
    { name: '/api/chat/ui', path: '/api/chat/ui', body: { messages: [{ role: 'user', parts: [{ type: 'text', text: QUESTION }] }] } },
    { name: '/v1/chat/completions with stream: true', path: '/v1/chat/completions', body: { model: 'sanad', stream: true, messages: [{ role: 'user', content: QUESTION }] } },
  ]

  for (const stream of streams) {
    it(`should abort the answerer's signal and stop its stream when the client aborts ${stream.name}`, async () => {
      const answerer = createStubAnswerer(index, { eventDelayMs: 40 })
      const url = await serve(answerer)
      const client = new AbortController()
      const response = await fetch(`${url}${stream.path}`, { ...postJson(stream.body), signal: client.signal })
      expect(response.status).toBe(200)
      const first = await response.body!.getReader().read()
      expect(first.done).toBe(false)
      client.abort()
      await vi.waitFor(() => expect(answerer.abandonedStreams).toBe(1))
      expect(answerer.calls[0]!.options.signal!.aborted).toBe(true)
      expect(answerer.finishedStreams).toBe(0)
    })
  }

  for (const path of ['/api/ask', '/v1/chat/completions']) {
    it(`should abort the answerer's signal when the client of a whole answer on ${path} hangs up`, async () => {
      const answerer = createWaitingAnswerer(createStubAnswerer(index))
      const url = await serve(answerer)
      const client = new AbortController()
      const body = path === '/api/ask' ? { question: QUESTION } : { model: 'sanad', messages: [{ role: 'user', content: QUESTION }] }
      const pending = fetch(`${url}${path}`, { ...postJson(body), signal: client.signal }).catch((error: Error) => error.name)
      await vi.waitFor(() => expect(answerer.startedAsks).toBe(1))
      client.abort()
      expect(await pending).toBe('AbortError')
      await vi.waitFor(() => expect(answerer.abortedAsks).toBe(1))
    })
  }
})

describe('SIGTERM under load, on the real server process', () => {
  let server: StartedServer | undefined
  afterAll(async () => {
    await server?.stop()
  })

  it('should finish every request in flight, refuse new connections and exit 0', async () => {
    server = await startServer({ timeoutMs: 90_000 })
    const { hostname, port } = new URL(server.url)
    const agent = new Agent({ keepAlive: true, maxSockets: 64 })
    const requests = [
      { path: '/api/ask', body: JSON.stringify({ question: QUESTION }) },
      { path: '/api/chat', body: JSON.stringify({ question: 'من هو الصحفي الأميركي الذي قتل؟' }) },
      { path: '/v1/chat/completions', body: JSON.stringify({ model: 'sanad', stream: true, messages: [{ role: 'user', content: 'كم عدد دول التحالف؟' }] }) },
      { path: '/v1/chat/completions', body: JSON.stringify({ model: 'sanad', messages: [{ role: 'user', content: QUESTION }] }) },
    ]
    // Forty requests whose bodies are half sent: they are surely in flight when the signal arrives.
    const inFlight = Array.from({ length: 40 }, (_, position) => {
      const { path, body } = requests[position % requests.length]!
      let finish = () => {}
      const done = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const outgoing = request({ hostname, port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (incoming) => {
          let text = ''
          incoming.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
          incoming.on('end', () => resolve({ status: incoming.statusCode!, text }))
          incoming.on('error', reject)
        })
        outgoing.on('error', reject)
        outgoing.write(body.slice(0, 8))
        finish = () => outgoing.end(body.slice(8))
      })
      return { path, done, finish: () => finish() }
    })
    // And a steady stream of whole requests running alongside until the signal.
    let loading = true
    const background = (async () => {
      let completed = 0
      while (loading) {
        const response = await fetch(`${server!.url}/api/ask`, postJson({ question: QUESTION }))
        expect(response.status).toBe(200)
        AskResponseSchema.parse(await response.json())
        completed++
      }
      return completed
    })()
    await expect.poll(() => server!.logs().match(/"message":"request"/g)?.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(3)
    loading = false
    expect(await background).toBeGreaterThan(0)

    server.child.kill('SIGTERM')
    await expect.poll(() => server!.logs(), { timeout: 30_000 }).toContain('"message":"shutting down"')
    // New connections are refused once the server is draining.
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow()
    for (const pending of inFlight) pending.finish()

    const results = await Promise.all(inFlight.map((pending) => pending.done))
    for (const [position, result] of results.entries()) {
      expect(result.status, inFlight[position]!.path).toBe(200)
      if (inFlight[position]!.path === '/api/chat') expect(result.text).toContain('event: answer')
      else if (result.text.startsWith('data:')) expect(result.text.trimEnd().endsWith('data: [DONE]')).toBe(true)
      else expect(JSON.parse(result.text)).toBeTruthy()
    }
    expect(await server.exited).toBe(0)
    expect(server.logs()).toContain('"outcome":"drained"')
    agent.destroy()
  }, 120_000)
})
