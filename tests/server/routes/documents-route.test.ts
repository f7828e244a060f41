import { beforeAll, describe, expect, it } from 'vitest'
import type { QuestionAnswerer } from '../../../src/answer/question-answerer.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { DocumentListSchema, DocumentSchema, SuggestionListSchema } from '../../../src/server/api-schemas.js'
import { createStubAnswerer } from '../../support/create-stub-answerer.js'
import { createTestApp } from '../../support/create-test-app.js'
import { loadTestIndex } from '../../support/load-test-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await loadTestIndex()
})

describe('GET /api/documents/:docId', () => {
  it('should return the document exactly as stored', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/api/documents/article')
    expect(response.status).toBe(200)
    const document = DocumentSchema.parse(await response.json())
    const stored = index.documents.get('article')!
    expect(document).toEqual({ id: stored.id, title: stored.title, text: stored.text })
  })

  it('should answer an unknown id with a JSON 404', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/api/documents/missing-document')
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('not_found')
  })

  it('should refuse ids that are not document ids', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    for (const id of ['..%2F..%2Fpackage.json', 'a.b', 'a%00b', `${'a'.repeat(129)}`, '%3Cscript%3E']) {
      const response = await app.request(`/api/documents/${id}`)
      expect(response.status, id).toBe(400)
      expect((await response.json()).error.code).toBe('invalid_request')
    }
  })

  it('should never serve a file for a path traversal attempt', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    for (const path of ['/api/documents/%2e%2e', '/api/documents/../../package.json', '/api/documents/..%5C..%5Cpackage.json']) {
      const response = await app.request(path)
      expect([400, 404], path).toContain(response.status)
      expect((await response.json()).error.code).toMatch(/invalid_request|not_found/)
    }
  })
})

describe('GET /api/suggestions', () => {
  it("should offer the source guide's starter questions in its order, up to six", async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const { suggestions } = SuggestionListSchema.parse(await (await app.request('/api/suggestions')).json())
    const candidates = index.guides.get('article')!.questions.map((candidate) => candidate.question)
    expect(suggestions.map((suggestion) => suggestion.question)).toEqual(candidates.slice(0, 6))
    for (const suggestion of suggestions.filter((item) => item.question.includes('«'))) expect(suggestion.question).toContain(`«${suggestion.section}»`)
  })

  it('should leave out a starter question that the answerer does not answer', async () => {
    const stub = createStubAnswerer(index)
    const refusing: QuestionAnswerer = {
      answerers: stub.answerers,
      stream: stub.stream,
      ask: async (request, options) => {
        const response = await stub.ask(request, options)
        return request.question.includes('زمنيا') ? { ...response, answered: false, citations: [] } : response
      },
    }
    const { app } = createTestApp(index, refusing)
    const { suggestions } = SuggestionListSchema.parse(await (await app.request('/api/suggestions')).json())
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions.some((suggestion) => suggestion.question.includes('زمنيا'))).toBe(false)
  })
})

describe('GET /api/documents', () => {
  it('should list every document with its title and sentence count', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const list = DocumentListSchema.parse(await (await app.request('/api/documents')).json())
    expect(list.documents).toEqual(
      [...index.documents.values()].map((document) => ({
        id: document.id,
        title: document.title,
        sentences: index.corpus.sentences.filter((sentence) => sentence.docId === document.id).length,
        characters: document.text.length,
      })),
    )
    expect(list.documents[0]!.sentences).toBeGreaterThan(10)
  })
})
