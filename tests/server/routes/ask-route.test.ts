import { beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../../src/answer/answer-schemas.js'
import { SanadError } from '../../../src/errors/sanad-error.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { createStubAnswerer } from '../../support/create-stub-answerer.js'
import { createTestApp, postJson } from '../../support/create-test-app.js'
import { loadTestIndex } from '../../support/load-test-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await loadTestIndex()
})

describe('POST /api/ask', () => {
  it('should answer with the answer object and exact citations', async () => {
    const answerer = createStubAnswerer(index)
    const { app } = createTestApp(index, answerer)
    const response = await app.request('/api/ask', postJson({ question: '  من أعلن الحرب؟ ', history: [{ role: 'user', content: 'سؤال' }], topK: 3 }))
    expect(response.status).toBe(200)
    const body = AskResponseSchema.parse(await response.json())
    const text = index.documents.get('article')!.text
    for (const citation of body.citations) expect(text.slice(citation.start, citation.end)).toBe(citation.quote)
    expect(answerer.calls[0]!.request).toEqual({ question: 'من أعلن الحرب؟', history: [{ role: 'user', content: 'سؤال' }], topK: 3 })
    expect(answerer.calls[0]!.options.signal).toBeInstanceOf(AbortSignal)
  })

  it('should refuse unknown fields, wrong types and out-of-range values with 400 and details', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const bodies = [
      { question: 'x', extra: true },
      { question: 42 },
      {},
      { question: '   ' },
      { question: 'x', topK: 0 },
      { question: 'x', topK: 21 },
      { question: 'x', topK: 2.5 },
      { question: 'x', history: [{ role: 'system', content: 'x' }] },
      { question: 'x', history: [{ role: 'user', content: 'x', name: 'n' }] },
      { question: 'x', history: 'not a list' },
    ]
    for (const body of bodies) {
      const response = await app.request('/api/ask', postJson(body))
      expect(response.status, JSON.stringify(body)).toBe(400)
      const problem = await response.json()
      expect(problem.error.code).toBe('invalid_request')
      expect(problem.error.details[0]).toEqual({ path: expect.any(String), code: expect.any(String), message: expect.any(String) })
    }
  })

  it('should pass a documents filter through and refuse an unknown document id, naming it', async () => {
    const answerer = createStubAnswerer(index)
    const { app } = createTestApp(index, answerer)
    const ok = await app.request('/api/ask', postJson({ question: 'من أعلن الحرب؟', documents: ['article'] }))
    expect(ok.status).toBe(200)
    expect(answerer.calls[0]!.request.documents).toEqual(['article'])
    for (const endpoint of ['/api/ask', '/api/chat']) {
      const response = await app.request(endpoint, postJson({ question: 'من أعلن الحرب؟', documents: ['article', 'no-such-doc'] }))
      expect(response.status).toBe(400)
      const problem = await response.json()
      expect(problem.error.code).toBe('invalid_request')
      expect(JSON.stringify(problem.error)).toContain('no-such-doc')
    }
    const ui = await app.request('/api/chat/ui', postJson({ documents: ['nope'], messages: [{ role: 'user', parts: [{ type: 'text', text: 'سؤال' }] }] }))
    expect(ui.status).toBe(400)
    expect(JSON.stringify(await ui.json())).toContain('nope')
    const openai = await app.request('/v1/chat/completions', postJson({ model: 'sanad', sanad: { documents: ['nope'] }, messages: [{ role: 'user', content: 'سؤال' }] }))
    expect(openai.status).toBe(400)
    expect(JSON.stringify(await openai.json())).toContain('nope')
  })

  it('should answer whitespace-only input with a human message', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const problem = await (await app.request('/api/ask', postJson({ question: ' \n ' }))).json()
    expect(problem.error.details[0].message).toBe('Type a question: it is empty or only spaces.')
  })

  it('should refuse a question longer than the configured limit', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index), { environment: { QUESTION_MAX_CHARACTERS: '50' } })
    const response = await app.request('/api/ask', postJson({ question: 'س'.repeat(51) }))
    expect(response.status).toBe(400)
    expect((await response.json()).error.details[0].path).toBe('question')
    expect((await app.request('/api/ask', postJson({ question: 'س'.repeat(50) }))).status).toBe(200)
  })

  it('should refuse a question longer than the contract allows even with the default limit', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    expect((await app.request('/api/ask', postJson({ question: 'a'.repeat(2001) }))).status).toBe(400)
  })

  it('should map a typed answerer error to its status', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index, { failWith: new SanadError('index_unavailable', 'The index is not loaded.') }))
    const response = await app.request('/api/ask', postJson({ question: 'x' }))
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ error: { code: 'index_unavailable', message: 'The index is not loaded.' } })
  })
})
