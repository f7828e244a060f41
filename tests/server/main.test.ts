import { cp, readdir } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/answer-schemas.js'
import { HealthSchema } from '../../src/server/api-schemas.js'
import { ModelListSchema } from '../../src/server/openai-schemas.js'
import { useTemporaryDirectories } from '../fixtures/foundation-temporary-directories.js'
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js'
import { REPOSITORY_INDEX_DIRECTORY } from '../support/load-test-index.js'
import { collectEvents } from '../support/read-event-stream.js'
import { startServer, type StartedServer } from '../support/start-server.js'

let server: StartedServer | undefined
let modelServer: FakeModelServer | undefined
afterEach(async () => {
  await server?.stop()
  await modelServer?.close()
  server = undefined
  modelServer = undefined
})

const question = 'متى أعلن أوباما مقتل بن لادن؟'
const makeTemporaryDirectory = useTemporaryDirectories('sanad-main-')

describe('src/main.ts as a process', () => {
  it('should start through npm start, which proves the ESM and CommonJS imports load outside vitest', async () => {
    server = await startServer({ via: 'npm-start' })
    const health = HealthSchema.parse(await (await fetch(`${server.url}/api/health`)).json())
    expect(health.documents).toBeGreaterThan(0)
    expect(health.answerers).toContain('extractive')
    // The build wrote the bundle's V8 code cache under the start script's flags, and the start used it.
    expect(server.logs()).toContain('"codeCache":"used"')
    await server.stop()
    // npm itself is signalled with its group, so the drained shutdown is read from the server's log.
    expect(server.logs()).toContain('"outcome":"drained"')
    server = undefined
  }, 60_000)

  // The README's promise: nothing beyond `npm install`. With the system dictionary folder hidden, the
  // bundled dictionary answers English questions, and the web font comes from npm, not a CDN.
  it('should answer an English question and serve the Arabic font with no system dictionary', async () => {
    server = await startServer({ environment: { DICTIONARY_DIR: '/nonexistent/dictd' } })
    const health = HealthSchema.parse(await (await fetch(`${server.url}/api/health`)).json())
    expect(health.englishDictionary).toMatchObject({ source: 'bundled', path: 'data/freedict-eng-ara' })
    expect(health.englishDictionary!.headwords).toBeGreaterThan(80_000)
    expect(server.logs()).toContain('"englishDictionary":{"source":"bundled"')
    const response = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Which American journalist was killed?' }) })
    const answer = AskResponseSchema.parse(await response.json())
    expect(answer.answered).toBe(true)
    expect(answer.language).toBe('en')
    expect(answer.answer).toMatch(/Foley/i)
    const document = (await (await fetch(`${server.url}/api/documents/${answer.citations[0]!.docId}`)).json()) as { text: string }
    for (const citation of answer.citations) {
      expect(document.text.slice(citation.start, citation.end)).toBe(citation.quote)
      expect(citation.quote).toMatch(/[\u0600-\u06FF]/)
    }
    const font = await fetch(`${server.url}/fonts/noto-naskh-arabic-arabic-400-normal.woff2`)
    expect(font.status).toBe(200)
    expect(Buffer.from(await font.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('wOF2')
  }, 60_000)

  it('should let a request in flight at SIGTERM finish, then exit 0', async () => {
    server = await startServer()
    const { hostname, port } = new URL(server.url)
    const body = JSON.stringify({ question })
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const outgoing = request({ hostname, port, path: '/api/chat', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (incoming) => {
        let text = ''
        incoming.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
        incoming.on('end', () => resolve({ status: incoming.statusCode!, text }))
      })
      outgoing.on('error', reject)
      // Half the body now, the rest after SIGTERM: the request is in flight when the signal arrives.
      outgoing.write(body.slice(0, 10))
      setTimeout(async () => {
        server!.child.kill('SIGTERM')
        await expect.poll(() => server!.logs()).toContain('shutting down')
        outgoing.end(body.slice(10))
      }, 200)
    })
    const { status, text } = await response
    expect(status).toBe(200)
    expect(text).toContain('event: answer')
    expect(await server.exited).toBe(0)
    expect(server.logs()).toContain('"outcome":"drained"')
  }, 60_000)

  it('should let a stream waiting on a slow model at SIGTERM finish, then exit 0', async () => {
    modelServer = await startFakeModelServer({ handler: () => ({ type: 'delay', milliseconds: 1_500, then: { type: 'completion', content: 'لا أعرف.' } }) })
    server = await startServer({ environment: { LLM_BASE_URL: modelServer.url, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '20000' } })
    const models = ModelListSchema.parse(await (await fetch(`${server.url}/v1/models`)).json())
    expect(models.data.map((model) => model.id)).toContain('sanad-llm')

    const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
    const reading = collectEvents(response)
    await expect.poll(() => modelServer!.requests.length).toBeGreaterThan(0)
    server.child.kill('SIGTERM')
    const events = await reading
    expect(events.at(-1)!.event).toBe('answer')
    AskResponseSchema.parse(JSON.parse(events.at(-1)!.data))
    expect(await server.exited).toBe(0)
    const logs = server.logs()
    expect(logs.indexOf('"message":"shutting down"')).toBeLessThan(logs.indexOf('"path":"/api/chat"'))
  }, 60_000)

  it('should refuse to start with one clear line when INDEX_READ_ONLY is set and the index was never built', async () => {
    const directory = await makeTemporaryDirectory()
    await cp(join(REPOSITORY_INDEX_DIRECTORY, 'sources'), join(directory, 'sources'), { recursive: true })
    const failure = await startServer({ indexDirectory: directory, environment: { INDEX_READ_ONLY: 'true' }, timeoutMs: 20_000 }).catch((error: Error) => error)
    const output = (failure as Error).message.split('--- server output ---\n')[1] ?? ''
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^sanad could not start: the index in .* cannot be used \(no index manifest\).*npm run index/)])
    expect(await readdir(directory)).toEqual(['sources'])
  }, 60_000)

  it('should fail to start with one clear line and exit 1 when the configuration is invalid', async () => {
    await expect(startServer({ environment: { PORT: 'not-a-port' }, timeoutMs: 20_000 })).rejects.toThrow(/sanad could not start: invalid configuration: PORT/)
  }, 60_000)
})

describe('the served API on a real socket', () => {
  let shared: StartedServer
  beforeAll(async () => {
    shared = await startServer()
  }, 60_000)
  afterAll(async () => {
    await shared?.stop()
  })

  it('should answer with exact citations and stream the same answer over SSE', async () => {
    const { text } = await (await fetch(`${shared.url}/api/documents/article`)).json()
    const asked = await fetch(`${shared.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
    const answer = AskResponseSchema.parse(await asked.json())
    expect(answer.answered).toBe(true)
    expect(answer.citations.length).toBeGreaterThan(0)
    for (const citation of answer.citations) expect(text.slice(citation.start, citation.end)).toBe(citation.quote)

    const streamed = await fetch(`${shared.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
    const events = await collectEvents(streamed)
    const final = AskResponseSchema.parse(JSON.parse(events.at(-1)!.data))
    expect(final.answer).toBe(answer.answer)
    expect(final.citations).toEqual(answer.citations)
  })

  it('should log one JSON line per request with its id', async () => {
    const response = await fetch(`${shared.url}/api/health`, { headers: { 'x-request-id': 'integration-1' } })
    expect(response.headers.get('x-request-id')).toBe('integration-1')
    await expect.poll(() => shared.logs()).toContain('"requestId":"integration-1"')
    const line = shared.logs().split('\n').find((entry) => entry.includes('"requestId":"integration-1"'))!
    expect(JSON.parse(line)).toMatchObject({ level: 'info', method: 'GET', path: '/api/health', status: 200 })
  })

  it('should refuse a 10 MB body with a JSON 413 without reading it', async () => {
    const body = JSON.stringify({ question: 'x'.repeat(10 * 1024 * 1024) })
    const response = await fetch(`${shared.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload_too_large')
    expect((await fetch(`${shared.url}/api/health`)).status).toBe(200)
  })

  it('should stream a useChat conversation as a UI message stream', async () => {
    const body = { messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: question }] }] }
    const response = await fetch(`${shared.url}/api/chat/ui`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1')
    const events = await collectEvents(response)
    expect(events.at(-1)!.data).toBe('[DONE]')
    const parts = events.slice(0, -1).map((event) => JSON.parse(event.data))
    expect(parts.filter((part) => part.type === 'source-document').length).toBeGreaterThan(0)
  })

  it('should serve the chat UI and the API reference under the content security policy', async () => {
    for (const path of ['/', '/docs']) {
      const response = await fetch(`${shared.url}${path}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })
})
