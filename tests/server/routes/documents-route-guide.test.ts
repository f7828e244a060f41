import { beforeAll, describe, expect, it } from 'vitest'
import type { QuestionAnswerer } from '../../../src/answer/question-answerer.js'
import { composeSanadOver } from '../../../src/compose-sanad.js'
import { loadConfig } from '../../../src/config/load-config.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { DocumentGuideSchema } from '../../../src/server/guide-schemas.js'
import { createTestApp } from '../../support/create-test-app.js'
import { loadTestIndex } from '../../support/load-test-index.js'

let index: SanadIndex
let answerer: QuestionAnswerer
beforeAll(async () => {
  index = await loadTestIndex()
  ;({ answerer } = await composeSanadOver(index, loadConfig({})))
})

describe('GET /api/documents/:docId/guide', () => {
  it('should return the stored guide with the exact quote of every span', async () => {
    const { app } = createTestApp(index, answerer)
    const response = await app.request('/api/documents/article/guide')
    expect(response.status).toBe(200)
    const guide = DocumentGuideSchema.parse(await response.json())
    const text = index.documents.get('article')!.text
    const spans = [
      ...guide.summary,
      ...guide.sections.flatMap((section) => section.points),
      ...guide.timeline,
      ...guide.entities.flatMap((entity) => entity.mentions),
    ]
    expect(spans.length).toBeGreaterThan(20)
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.quote)
    expect(guide.summary.length).toBeGreaterThanOrEqual(3)
    expect(guide.summary.length).toBeLessThanOrEqual(6)
    expect(guide.title).toBe(index.documents.get('article')!.title)
  })

  it('should list the timeline in chronological order, each event holding its date as written', async () => {
    const { app } = createTestApp(index, answerer)
    const guide = DocumentGuideSchema.parse(await (await app.request('/api/documents/article/guide')).json())
    const keys = guide.timeline.filter((event) => event.year !== null).map((event) => event.year! * 10_000 + (event.month ?? 0) * 100 + (event.day ?? 0))
    expect(keys.length).toBeGreaterThanOrEqual(3)
    expect(keys).toEqual([...keys].sort((left, right) => left - right))
    for (const event of guide.timeline) expect(event.quote).toContain(event.dateText)
  })

  it('should suggest only questions that the answerer answers from the document', async () => {
    const { app } = createTestApp(index, answerer)
    const guide = DocumentGuideSchema.parse(await (await app.request('/api/documents/article/guide')).json())
    expect(guide.suggestedQuestions.length).toBeGreaterThanOrEqual(2)
    for (const { question } of guide.suggestedQuestions) {
      const response = await answerer.ask({ question, documents: ['article'] })
      expect(response.answered, question).toBe(true)
      expect(response.grounding.supported, question).toBe(true)
    }
  })

  it('should answer an unknown document with a JSON 404 and a malformed id with a 400', async () => {
    const { app } = createTestApp(index, answerer)
    const missing = await app.request('/api/documents/missing-document/guide')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('not_found')
    const malformed = await app.request('/api/documents/a.b/guide')
    expect(malformed.status).toBe(400)
  })
})
