import { beforeAll, describe, expect, it, vi } from 'vitest'
import { AskResponseSchema, CitationSchema, PassageSchema } from '../../../src/answer/answer-schemas.js'
import { SanadError } from '../../../src/errors/sanad-error.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { createStubAnswerer } from '../../support/create-stub-answerer.js'
import { createTestApp, postJson } from '../../support/create-test-app.js'
import { loadTestIndex } from '../../support/load-test-index.js'
import { collectEvents } from '../../support/read-event-stream.js'

let index: SanadIndex
beforeAll(async () => {
  index = await loadTestIndex()
})

const question = { question: 'ما دور المغرب في التحالف؟' }

describe('POST /api/chat', () => {
  it('should stream passages, text deltas, citations on first use, then the answer object', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/api/chat', postJson(question))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    expect(response.headers.get('x-request-id')).toBeTruthy()
    const events = await collectEvents(response)
    expect(events[0]!.event).toBe('passages')
    PassageSchema.array().parse(JSON.parse(events[0]!.data).passages)
    expect(events.at(-1)!.event).toBe('answer')
    const answer = AskResponseSchema.parse(JSON.parse(events.at(-1)!.data))
    const text = events.filter((event) => event.event === 'text-delta').map((event) => JSON.parse(event.data).delta).join('')
    expect(text).toBe(answer.answer)
    const citations = events.filter((event) => event.event === 'citation').map((event) => CitationSchema.parse(JSON.parse(event.data).citation))
    expect(citations).toEqual(answer.citations)
    for (const citation of citations) {
      const markerAt = events.findIndex((event) => event.event === 'text-delta' && JSON.parse(event.data).delta.includes(`[${citation.n}]`))
      const citationAt = events.findIndex((event) => event.event === 'citation' && JSON.parse(event.data).citation.n === citation.n)
      expect(citationAt).toBeGreaterThan(markerAt)
    }
  })

  it('should validate the body like /api/ask before streaming', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/api/chat', postJson({ question: 'x', stream: true }))
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toContain('application/json')
  })

  it('should end with an error event when the answerer fails mid-stream', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index, { failWith: new SanadError('model_timeout', 'The model server did not answer in time.') }))
    const events = await collectEvents(await app.request('/api/chat', postJson(question)))
    expect(events.map((event) => event.event)).toEqual(['passages', 'error'])
    expect(JSON.parse(events[1]!.data)).toEqual({ error: { code: 'model_timeout', message: 'The model server did not answer in time.' } })
  })

  it('should hide the details of an unexpected failure in the error event', async () => {
    const { app, logs } = createTestApp(index, createStubAnswerer(index, { failWith: new TypeError('secret internals') }))
    const events = await collectEvents(await app.request('/api/chat', postJson(question)))
    expect(JSON.parse(events.at(-1)!.data)).toEqual({ error: { code: 'internal_error', message: 'An internal error occurred.' } })
    expect(logs.some((entry) => entry.level === 'error' && entry.message === 'stream failed')).toBe(true)
  })

  it('should stop the answerer when the client disconnects', async () => {
    const answerer = createStubAnswerer(index, { eventDelayMs: 20 })
    const { app, logs } = createTestApp(index, answerer)
    const response = await app.request('/api/chat', postJson(question))
    const reader = response.body!.getReader()
    await reader.read()
    await reader.cancel()
    await vi.waitFor(() => expect(answerer.abandonedStreams).toBe(1))
    expect(answerer.finishedStreams).toBe(0)
    expect(answerer.calls[0]!.options.signal!.aborted).toBe(true)
    await vi.waitFor(() => expect(logs.find((entry) => entry.message === 'request')).toMatchObject({ stream: true, completed: false }))
  })

  it('should stop the answerer when the request is aborted', async () => {
    const answerer = createStubAnswerer(index, { eventDelayMs: 20 })
    const { app } = createTestApp(index, answerer)
    const controller = new AbortController()
    const response = await app.request(new Request('http://localhost/api/chat', { ...postJson(question), signal: controller.signal }))
    const reader = response.body!.getReader()
    await reader.read()
    controller.abort()
    await vi.waitFor(() => expect(answerer.abandonedStreams).toBe(1))
    expect(answerer.finishedStreams).toBe(0)
  })

  it('should log a finished stream once, when it ends', async () => {
    const { app, logs } = createTestApp(index, createStubAnswerer(index))
    await collectEvents(await app.request('/api/chat', postJson(question)))
    const lines = logs.filter((entry) => entry.message === 'request')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ path: '/api/chat', status: 200, stream: true, completed: true })
  })
})

describe('POST /api/chat/ui', () => {
  const useChatBody = {
    id: 'chat-1',
    trigger: 'submit-message',
    messages: [
      { id: 'm1', role: 'user', parts: [{ type: 'text', text: 'من أعلن الحرب على داعش؟' }] },
      {
        id: 'm2',
        role: 'assistant',
        parts: [
          { type: 'step-start' },
          { type: 'text', text: 'أوباما [1].', state: 'done' },
          { type: 'source-document', sourceId: 'citation-1', mediaType: 'text/plain', title: '[1] …', providerMetadata: { sanad: { n: 1 } } },
          { type: 'data-citations', data: [] },
        ],
      },
      { id: 'm3', role: 'user', parts: [{ type: 'text', text: 'ومتى ' }, { type: 'text', text: 'حدث ذلك؟' }] },
    ],
  }

  it('should speak the UI message stream v1 and carry every citation', async () => {
    const answerer = createStubAnswerer(index)
    const { app } = createTestApp(index, answerer)
    const response = await app.request('/api/chat/ui', postJson(useChatBody))
    expect(response.status).toBe(200)
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1')
    const events = await collectEvents(response)
    expect(events.every((event) => event.event === 'message')).toBe(true)
    expect(events.at(-1)!.data).toBe('[DONE]')
    const parts = events.slice(0, -1).map((event) => JSON.parse(event.data))
    const types = parts.map((part) => part.type)
    expect(types[0]).toBe('start')
    expect(types.at(-1)).toBe('finish')
    expect(types.indexOf('text-start')).toBeLessThan(types.indexOf('text-delta'))
    expect(types.lastIndexOf('text-delta')).toBeLessThan(types.indexOf('text-end'))
    const answer = AskResponseSchema.parse(parts.find((part) => part.type === 'data-answer').data)
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta).join('')).toBe(answer.answer)
    const sources = parts.filter((part) => part.type === 'source-document')
    expect(sources.map((part) => part.providerMetadata.sanad)).toEqual(answer.citations)
    for (const source of sources) expect(source).toEqual({ type: 'source-document', sourceId: expect.any(String), mediaType: 'text/plain', title: expect.any(String), providerMetadata: expect.any(Object) })
    expect(parts.find((part) => part.type === 'data-citations').data).toEqual(answer.citations)
    expect(answerer.calls[0]!.request).toEqual({
      question: 'ومتى حدث ذلك؟',
      history: [
        { role: 'user', content: 'من أعلن الحرب على داعش؟' },
        { role: 'assistant', content: 'أوباما [1].' },
      ],
    })
  })

  it('should send the whole answer as one delta when the answerer streams no text', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index, { silent: true }))
    const events = await collectEvents(await app.request('/api/chat/ui', postJson(useChatBody)))
    const parts = events.slice(0, -1).map((event) => JSON.parse(event.data))
    const deltas = parts.filter((part) => part.type === 'text-delta')
    expect(deltas).toHaveLength(1)
    expect(deltas[0].delta).toBe(parts.find((part) => part.type === 'data-answer').data.answer)
    expect(parts.filter((part) => part.type === 'source-document')).toHaveLength(2)
  })

  it('should report a failure as an error part followed by [DONE]', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index, { failWith: new SanadError('model_unavailable', 'The model server is down.') }))
    const events = await collectEvents(await app.request('/api/chat/ui', postJson(useChatBody)))
    expect(JSON.parse(events.at(-2)!.data)).toEqual({ type: 'error', errorText: 'The model server is down.' })
    expect(events.at(-1)!.data).toBe('[DONE]')
  })

  it('should refuse a conversation without a user message, unknown fields and malformed parts', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const bodies = [
      { messages: [{ role: 'assistant', parts: [{ type: 'text', text: 'hi' }] }] },
      { messages: [] },
      { ...useChatBody, extra: 1 },
      { messages: [{ role: 'user', parts: [{ type: 'text' }] }] },
      { messages: [{ role: 'user', parts: [{ type: 'text', text: 'x', extra: 1 }] }] },
      { messages: [{ role: 'tool', parts: [] }] },
      { messages: [{ role: 'user', parts: [{ type: 'text', text: 'x'.repeat(2001) }] }] },
    ]
    for (const body of bodies) {
      const response = await app.request('/api/chat/ui', postJson(body))
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect((await response.json()).error.code).toBe('invalid_request')
    }
  })
})
