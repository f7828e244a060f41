import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { createStubAnswerer } from '../support/create-stub-answerer.js'
import { createTestApp, postJson, WEB_DIRECTORY } from '../support/create-test-app.js'
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js'
import { loadTestIndex } from '../support/load-test-index.js'
import { PROJECT_DIRECTORY, startServer, type StartedServer } from '../support/start-server.js'

const API_KEY = 'sk-sanad-test-9f1c2b7e4d5a6c3b'
const LLM_API_KEY = 'sk-llm-test-7a8b9c0d1e2f3a4b'
const EMBEDDING_API_KEY = 'sk-embed-test-5e6f7a8b9c0d1e2f'
const WRONG_KEY = 'sk-wrong-guess-0000000000000000'
const QUESTION = 'من هو الصحفي الأميركي الذي قتل؟'
const STACK_TRACE = /\n\s+at .+\(|\.[cm]?[jt]s:\d+:\d+|node:internal/

const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

const GUARDED_REQUESTS: { name: string; path: string; init: (headers: Record<string, string>) => RequestInit }[] = [
  { name: 'ask', path: '/api/ask', init: (headers) => postJson({ question: QUESTION }, headers) },
  { name: 'chat', path: '/api/chat', init: (headers) => postJson({ question: QUESTION }, headers) },
  { name: 'chat ui', path: '/api/chat/ui', init: (headers) => postJson({ messages: [{ role: 'user', parts: [{ type: 'text', text: QUESTION }] }] }, headers) },
  { name: 'completions', path: '/v1/chat/completions', init: (headers) => postJson({ model: 'sanad', messages: [{ role: 'user', content: QUESTION }] }, headers) },
  { name: 'models', path: '/v1/models', init: (headers) => ({ headers }) },
  { name: 'document', path: '/api/documents/article', init: (headers) => ({ headers }) },
  { name: 'suggestions', path: '/api/suggestions', init: (headers) => ({ headers }) },
]

describe('the API key', () => {
  let index: SanadIndex
  beforeAll(async () => {
    index = await loadTestIndex()
  })

  for (const request of GUARDED_REQUESTS) {
    it(`should refuse ${request.name} with a JSON problem without the key or with a wrong one, and serve it with the key`, async () => {
      const { app } = createTestApp(index, createStubAnswerer(index), { environment: { API_KEY } })
      // A missing or wrong bearer token is a 401; a header that is not a bearer token at all is a
      // malformed request (400, as RFC 6750 has it). Either way nothing is served.
      const attempts: { headers: Record<string, string>; statuses: number[] }[] = [
        { headers: {}, statuses: [401] },
        { headers: bearer(WRONG_KEY), statuses: [401] },
        { headers: bearer(API_KEY.slice(0, -1)), statuses: [401] },
        { headers: bearer(`${API_KEY}x`), statuses: [401] },
        { headers: bearer(API_KEY.toUpperCase()), statuses: [401] },
        { headers: { 'x-api-key': API_KEY }, statuses: [401] },
        { headers: { authorization: `Basic ${btoa(`user:${API_KEY}`)}` }, statuses: [400, 401] },
        { headers: { authorization: API_KEY }, statuses: [400, 401] },
      ]
      for (const { headers, statuses } of attempts) {
        const response = await app.request(request.path, request.init(headers))
        expect(statuses, JSON.stringify(headers)).toContain(response.status)
        expect(response.headers.get('content-type')).toContain('application/json')
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
        const body = await response.text()
        expect(JSON.parse(body).error.code).toBe(response.status === 401 ? 'unauthorized' : 'invalid_request')
        expect(body).not.toContain(API_KEY)
      }
      const allowed = await app.request(request.path, request.init(bearer(API_KEY)))
      expect(allowed.status).toBe(200)
      await allowed.text()
    })
  }

  it('should leave the probes, the UI and the API reference open', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index), { environment: { API_KEY } })
    for (const path of ['/api/health', '/api/ready', '/', '/app.js', '/docs', '/openapi.json']) {
      const response = await app.request(path)
      expect(response.status, path).toBe(200)
      expect(await response.text()).not.toContain(API_KEY)
    }
  })
})

describe('security headers', () => {
  let index: SanadIndex
  beforeAll(async () => {
    index = await loadTestIndex()
  })

  it('should send nosniff, frame denial, a referrer policy and the CSP on UI, docs, API, stream and error responses', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index), { environment: { API_KEY } })
    const responses = {
      ui: await app.request('/'),
      script: await app.request('/app.js'),
      docs: await app.request('/docs'),
      health: await app.request('/api/health'),
      stream: await app.request('/api/chat', postJson({ question: QUESTION }, bearer(API_KEY))),
      unauthorized: await app.request('/api/ask', postJson({ question: QUESTION })),
      notFound: await app.request('/api/nothing'),
      tooLarge: await app.request('/api/ask', postJson({ question: 'x'.repeat(100_000) }, bearer(API_KEY))),
    }
    for (const [name, response] of Object.entries(responses)) {
      expect(response.headers.get('x-content-type-options'), name).toBe('nosniff')
      expect(response.headers.get('x-frame-options'), name).toBe('DENY')
      expect(response.headers.get('referrer-policy'), name).toBeTruthy()
      const policy = response.headers.get('content-security-policy') ?? ''
      expect(policy, name).toContain("default-src 'self'")
      expect(policy, name).toContain("frame-ancestors 'none'")
      expect(policy, name).toMatch(/script-src 'self'(;|$)/)
      expect(policy, name).not.toContain('unsafe-inline')
      expect(policy, name).not.toContain('unsafe-eval')
      await response.text()
    }
  })

  it('should ship a UI the policy allows: no inline script, style or event handler', async () => {
    const pages = (await readdir(WEB_DIRECTORY)).filter((name) => name.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(0)
    for (const page of pages) {
      const html = await readFile(join(WEB_DIRECTORY, page), 'utf8')
      for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script, page).toMatch(/\bsrc=/)
      expect(html, page).not.toMatch(/<style\b/)
      expect(html, page).not.toMatch(/\sstyle=/)
      expect(html, page).not.toMatch(/\son[a-z]+=/)
    }
  })

  it('should grant CORS only to the configured origins', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index), { environment: { CORS_ORIGINS: 'https://allowed.example' } })
    const allowed = await app.request('/api/health', { headers: { origin: 'https://allowed.example' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example')
    const refused = await app.request('/api/health', { headers: { origin: 'https://evil.example' } })
    expect(refused.headers.get('access-control-allow-origin')).not.toBe('https://evil.example')
    const { app: closed } = createTestApp(index, createStubAnswerer(index))
    expect((await closed.request('/api/health', { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('secrets and stack traces on the real server', () => {
  let modelServer: FakeModelServer
  let server: StartedServer
  beforeAll(async () => {
    modelServer = await startFakeModelServer()
    server = await startServer({
      environment: {
        API_KEY,
        LLM_BASE_URL: modelServer.url,
        LLM_MODEL: 'fake-model',
        LLM_API_KEY,
        EMBEDDING_API_KEY,
        // Debug logs the most, so it is the level where a leak would show first.
        LOG_LEVEL: 'debug',
        LOG_QUESTIONS: 'true',
      },
      timeoutMs: 90_000,
    })
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await modelServer?.close()
  })

  it('should never put the API key, the model keys, a client credential or a stack trace in a response or a log line', async () => {
    const exchanges: { name: string; path: string; init: RequestInit }[] = [
      ...GUARDED_REQUESTS.flatMap((request) => [
        { name: `${request.name} without a key`, path: request.path, init: request.init({}) },
        { name: `${request.name} with a wrong key`, path: request.path, init: request.init(bearer(WRONG_KEY)) },
        { name: `${request.name} with the key`, path: request.path, init: request.init(bearer(API_KEY)) },
      ]),
      { name: 'streamed completion', path: '/v1/chat/completions', init: postJson({ model: 'sanad', stream: true, messages: [{ role: 'user', content: QUESTION }] }, bearer(API_KEY)) },
      { name: 'unknown model', path: '/v1/chat/completions', init: postJson({ model: 'sanad-llm', messages: [{ role: 'user', content: QUESTION }] }, bearer(API_KEY)) },
      { name: 'broken JSON', path: '/api/ask', init: { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(API_KEY) }, body: '{"question": [' } },
      { name: 'too large', path: '/api/ask', init: postJson({ question: 'x'.repeat(200_000) }, bearer(API_KEY)) },
      { name: 'unknown route', path: '/api/secret', init: { headers: bearer(WRONG_KEY) } },
      { name: 'health', path: '/api/health', init: {} },
      { name: 'models', path: '/v1/models', init: { headers: bearer(API_KEY) } },
    ]
    const leaks: string[] = []
    for (const exchange of exchanges) {
      const response = await fetch(`${server.url}${exchange.path}`, exchange.init)
      const body = await response.text()
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
      expect(response.status, exchange.name).toBeLessThan(500)
      for (const secret of [API_KEY, LLM_API_KEY, EMBEDDING_API_KEY, WRONG_KEY]) {
        if (body.includes(secret) || headers.includes(secret)) leaks.push(`${exchange.name} reveals ${secret.slice(0, 8)}…`)
      }
      if (STACK_TRACE.test(body)) leaks.push(`${exchange.name} has a stack trace: ${body.slice(0, 160)}`)
    }
    expect(leaks).toEqual([])

    await expect.poll(() => server.logs()).toContain('/api/secret')
    const logs = server.logs()
    for (const secret of [API_KEY, LLM_API_KEY, EMBEDDING_API_KEY, WRONG_KEY]) expect(logs).not.toContain(secret)
    expect(logs).not.toMatch(STACK_TRACE)
    // Every line is one JSON object, so nothing was printed around the logger.
    for (const line of logs.split('\n').filter(Boolean)) expect(() => JSON.parse(line), line.slice(0, 120)).not.toThrow()
  }, 60_000)
})

describe('npm audit of the production dependencies', () => {
  it('should report no high or critical vulnerability', async (context) => {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile('npm', ['audit', '--omit=dev', '--json'], { cwd: PROJECT_DIRECTORY, timeout: 90_000, maxBuffer: 32 * 1024 * 1024 }, (_error, out, err) =>
        resolve({ stdout: out, stderr: err }),
      )
    })
    let audit: { metadata?: { vulnerabilities?: Record<string, number> }; vulnerabilities?: Record<string, { severity: string }>; error?: unknown; message?: string }
    try {
      audit = JSON.parse(stdout)
    } catch {
      throw new Error(`npm audit printed no JSON:\n${stdout.slice(0, 500)}\n${stderr.slice(0, 500)}`)
    }
    const counts = audit.metadata?.vulnerabilities
    if (!counts) {
      // Offline or behind a registry without the advisory endpoint: say so loudly; this is no verdict.
      const reason = audit.message ?? (stderr.split('\n').find((line) => line.includes('error')) || 'no advisory data')
      const note = `SKIPPED npm audit: the advisory database could not be queried (${reason}); run \`npm audit --omit=dev\` online.`
      process.stderr.write(`${note}\n`)
      context.skip(note)
    }
    const severe = Object.entries(audit.vulnerabilities ?? {}).filter(([, advisory]) => advisory.severity === 'high' || advisory.severity === 'critical')
    expect(severe.map(([name, advisory]) => `${name} (${advisory.severity})`)).toEqual([])
    expect((counts!.high ?? 0) + (counts!.critical ?? 0)).toBe(0)
  }, 120_000)
})
