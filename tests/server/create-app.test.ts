import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { createStubAnswerer } from '../support/create-stub-answerer.js'
import { createTestApp, postJson, WEB_DIRECTORY } from '../support/create-test-app.js'
import { loadTestIndex } from '../support/load-test-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await loadTestIndex()
})

const question = { question: 'متى أعلن أوباما مقتل بن لادن؟' }

function expectProblem(body: any, code: string) {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) })
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/)
}

describe('createApp edges', () => {
  it('should echo a request id, generating one when none is sent', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const generated = await app.request('/api/health')
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const echoed = await app.request('/api/health', { headers: { 'X-Request-Id': 'trace-123' } })
    expect(echoed.headers.get('x-request-id')).toBe('trace-123')
  })

  it('should send security headers and the UI content security policy', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    )
  })

  it('should answer unknown API paths with a JSON 404', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    for (const path of ['/api/nothing', '/v1/nothing', '/api/ask/extra', '/no-such-file.js']) {
      const response = await app.request(path)
      expect(response.status).toBe(404)
      expectProblem(await response.json(), 'not_found')
    }
    const posted = await app.request('/api/nothing', postJson({}))
    expect(posted.status).toBe(404)
  })

  it('should answer a wrong method with a JSON 405 and an Allow header', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const cases: [string, string, string][] = [
      ['GET', '/api/ask', 'POST'],
      ['DELETE', '/api/chat', 'POST'],
      ['POST', '/api/health', 'GET'],
      ['PUT', '/v1/chat/completions', 'POST'],
      ['POST', '/api/documents/article', 'GET'],
    ]
    for (const [method, path, allowed] of cases) {
      const response = await app.request(path, { method })
      expect(response.status, `${method} ${path}`).toBe(405)
      expect(response.headers.get('allow')).toContain(allowed)
      expectProblem(await response.json(), 'method_not_allowed')
    }
  })

  it('should refuse a body above the limit with a JSON 413', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index), { environment: { BODY_LIMIT_BYTES: '2048' } })
    const response = await app.request('/api/ask', postJson({ question: 'س'.repeat(1500) }))
    expect(response.status).toBe(413)
    expectProblem(await response.json(), 'payload_too_large')
  })

  it('should refuse a body sent without a declared length when it grows past the limit', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index), { environment: { BODY_LIMIT_BYTES: '2048' } })
    const bytes = new TextEncoder().encode(JSON.stringify({ question: 'x'.repeat(5000) }))
    const body = new ReadableStream({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 512) controller.enqueue(bytes.slice(offset, offset + 512))
        controller.close()
      },
    })
    const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit)
    expect(response.status).toBe(413)
  })

  it('should refuse bodies that are not JSON with 415', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {} as Record<string, string>]) {
      const response = await app.request('/api/ask', { method: 'POST', headers, body: JSON.stringify(question) })
      expect(response.status).toBe(415)
      expectProblem(await response.json(), 'unsupported_media_type')
    }
  })

  it('should accept a JSON content type with parameters', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(question) })
    expect(response.status).toBe(200)
  })

  it('should answer malformed JSON with a 400 problem', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    for (const body of ['{', '{"question": }', 'null x', '\u0000', '']) {
      const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expectProblem(await response.json(), 'invalid_request')
    }
  })

  it('should refuse JSON values that are not objects', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    for (const body of ['null', '[]', '"text"', '42', '[{"question":"x"}]']) {
      const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      expect(response.status).toBe(400)
    }
  })

  it('should refuse a __proto__ key as an unknown field', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"question":"x","__proto__":{"polluted":true}}',
    })
    expect(response.status).toBe(400)
    expect(({} as any).polluted).toBeUndefined()
  })

  it('should require the API key on the API but not on health, ready, docs or the UI', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index), { environment: { API_KEY: 'secret-key-123' } })
    const missing = await app.request('/api/ask', postJson(question))
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toContain('Bearer')
    expectProblem(await missing.json(), 'unauthorized')
    const wrong = await app.request('/v1/models', { headers: { authorization: 'Bearer secret-key-124' } })
    expect(wrong.status).toBe(401)
    expectProblem(await wrong.json(), 'unauthorized')
    const malformed = await app.request('/v1/models', { headers: { authorization: 'Basic abc' } })
    expect(malformed.status).toBe(400)
    expectProblem(await malformed.json(), 'invalid_request')
    const right = await app.request('/api/ask', postJson(question, { authorization: 'Bearer secret-key-123' }))
    expect(right.status).toBe(200)
    for (const path of ['/api/health', '/api/ready', '/openapi.json', '/docs', '/']) {
      expect((await app.request(path)).status, path).toBe(200)
    }
  })

  it('should refuse at start-up an API key that no bearer header could carry', () => {
    expect(() => createTestApp(index, createStubAnswerer(index), { environment: { API_KEY: 'has spaces in it' } })).toThrow(/API_KEY/)
    expect(() => createTestApp(index, createStubAnswerer(index), { environment: { API_KEY: 'short' } })).toThrow(/API_KEY/)
  })

  it('should rate limit each client separately with 429 and Retry-After', async () => {
    let now = 0
    let client = 'client-a'
    const { app } = createTestApp(index, createStubAnswerer(index), {
      environment: { RATE_LIMIT_PER_MINUTE: '3' },
      dependencies: { now: () => now, clientAddressOf: () => client },
    })
    const statuses = []
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await app.request('/api/suggestions')).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const limited = await app.request('/v1/models')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expectProblem(await limited.json(), 'rate_limited')
    expect((await app.request('/api/health')).status).toBe(200)
    client = 'client-b'
    expect((await app.request('/api/suggestions')).status).toBe(200)
    client = 'client-a'
    now += 20_000
    expect((await app.request('/api/suggestions')).status).toBe(200)
  })

  it('should allow only the configured CORS origins', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index), { environment: { CORS_ORIGINS: 'https://allowed.example, http://localhost:3000' } })
    const allowed = await app.request('/api/health', { headers: { origin: 'https://allowed.example' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example')
    const denied = await app.request('/api/health', { headers: { origin: 'https://evil.example' } })
    expect(denied.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await app.request('/api/ask', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
  })

  it('should send no CORS headers when no origin is configured', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/api/health', { headers: { origin: 'https://allowed.example' } })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('should log one structured line per request without the question by default', async () => {
    const { app, logs } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/api/ask', postJson(question))
    const line = logs.find((entry) => entry.message === 'request')
    expect(line).toMatchObject({ level: 'info', method: 'POST', path: '/api/ask', status: 200, requestId: response.headers.get('x-request-id') })
    expect(typeof line!.ms).toBe('number')
    expect(JSON.stringify(logs)).not.toContain(question.question)
  })

  it('should log the question when LOG_QUESTIONS is on', async () => {
    const { app, logs } = createTestApp(index, createStubAnswerer(index), { environment: { LOG_QUESTIONS: 'true' } })
    await app.request('/api/ask', postJson(question))
    expect(logs.find((entry) => entry.message === 'request')?.question).toBe(question.question)
  })

  it('should log the question at debug level', async () => {
    const { app, logs } = createTestApp(index, createStubAnswerer(index), { environment: { LOG_LEVEL: 'debug' } })
    await app.request('/api/ask', postJson(question))
    expect(logs.find((entry) => entry.message === 'request')?.question).toBe(question.question)
  })

  it('should answer an unexpected failure with a generic 500 and log it without a stack', async () => {
    const failure = new Error('database password is hunter2')
    const { app, logs } = createTestApp(index, createStubAnswerer(index, { failWith: failure }))
    const response = await app.request('/api/ask', postJson(question))
    expect(response.status).toBe(500)
    const body = await response.json()
    expect(body).toEqual({ error: { code: 'internal_error', message: 'An internal error occurred.' } })
    const logged = logs.find((entry) => entry.level === 'error')
    expect(logged).toMatchObject({ message: 'request failed', requestId: response.headers.get('x-request-id') })
    expect(JSON.stringify(logs)).not.toContain('at ')
  })
})

describe('the static chat UI', () => {
  it('should serve index.html at / and files with their content types', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const page = await app.request('/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toBe(await readFile(join(WEB_DIRECTORY, 'index.html'), 'utf8'))
    const script = await app.request('/app.js')
    expect(script.headers.get('content-type')).toMatch(/javascript/)
    const styles = await app.request('/styles.css')
    expect(styles.headers.get('content-type')).toContain('text/css')
  })

  it('should not serve anything outside the web folder', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const attempts = ['/../package.json', '/..%2Fpackage.json', '/%2e%2e/package.json', '/..%5Cpackage.json', '//etc/passwd', '/.%2e/src/main.ts', '/index.html%00.js']
    for (const path of attempts) {
      const response = await app.request(path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type'), path).toContain('application/json')
    }
  })

  it('should answer other methods on UI paths with 404', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    expect((await app.request('/index.html', { method: 'POST' })).status).toBe(404)
  })

  it('should serve no UI when no web folder is given', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index), { dependencies: { webDirectory: null } })
    expect((await app.request('/')).status).toBe(404)
  })
})
