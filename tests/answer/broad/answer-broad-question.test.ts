import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AskResponse } from '../../../src/answer/answer-schemas.js'
import { createLlmAnswerer } from '../../../src/answer/create-llm-answerer.js'
import { createQuestionAnswerer } from '../../../src/answer/create-question-answerer.js'
import { loadAnswerModel } from '../../../src/answer/load-answer-model.js'
import type { QuestionAnswerer } from '../../../src/answer/question-answerer.js'
import { createGroundingScorer } from '../../../src/grounding/create-grounding-scorer.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { OpenAICompatibleClient } from '../../../src/llm/openai-compatible-client.js'
import { HybridRetriever } from '../../../src/retrieve/hybrid-retriever.js'
import { BROAD_ARTICLE } from '../../fixtures/broad-article.js'
import { buildMemoryIndex } from '../../support/build-memory-index.js'
import { startFakeModelServer, type FakeModelServer } from '../../support/fake-model-server.js'
import { isAnswerRequest, readEvidence } from '../../support/read-model-request.js'

const OTHER_ARTICLE = ['مهرجان الكتاب يفتح أبوابه', '', 'افتتح مهرجان الكتاب دورته العاشرة يوم السبت 5 أبريل 2025 بمشاركة مئتي دار نشر.', 'وقالت مديرة المهرجان ليلى حسن إن "القراءة تعود بقوة بين الشباب".', ''].join('\n')
const STATEMENTS = ['وقال وزير الصحة سالم الكبير في مؤتمر صحفي: "نريد حماية كل طفل قبل نهاية العام".', 'وأضاف أن الحملة ستشمل مليون تلميذ في عشرين محافظة.']

let index: SanadIndex
let offline: QuestionAnswerer
let server: FakeModelServer
let online: QuestionAnswerer
beforeAll(async () => {
  index = await buildMemoryIndex({ news: BROAD_ARTICLE, books: OTHER_ARTICLE })
  const documents = [...index.documents.values()].map(({ id, text }) => ({ docId: id, text }))
  const base = { model: loadAnswerModel(), index, retriever: new HybridRetriever(index, 5), defaultTopK: 5, scoreGrounding: createGroundingScorer(documents) }
  offline = createQuestionAnswerer(base)
  server = await startFakeModelServer()
  // The model quotes the first evidence sentence, and adds a claim that no evidence supports.
  server.setHandler((request) => {
    if (!isAnswerRequest(request)) return undefined
    const evidence = readEvidence(request)
    return { type: 'completion', content: `${evidence.get(1)} [1]\nوأكد الوزير أن الحملة ستكلف خمسة مليارات دولار. [2]` }
  })
  online = createQuestionAnswerer({ ...base, llm: createLlmAnswerer({ client: new OpenAICompatibleClient({ baseUrl: server.url, model: 'fake-model', timeoutMs: 5000, maxRetries: 0 }) }) })
})

afterAll(async () => {
  await server?.close()
})

const quotes = (response: AskResponse) => response.citations.map((citation) => citation.quote)

function expectExactBullets(response: AskResponse): void {
  expect(response.answered).toBe(true)
  for (const citation of response.citations) expect(index.textOf(citation)).toBe(citation.quote)
  const bullets = response.answer.split('\n').filter((line) => line.startsWith('•'))
  if (response.citations.length > 1) expect(bullets).toHaveLength(response.citations.length)
  for (const [position, bullet] of bullets.entries()) expect(bullet).toBe(`• ${response.citations[position]!.quote} [${position + 1}]`)
  expect(response.grounding).toMatchObject({ score: 1, supported: true })
}

describe('broad questions through the answerer', () => {
  it('should summarize the filtered document in as many sentences as asked, in reading order, each cited', async () => {
    const summary = await offline.ask({ question: 'لخص المقال', documents: ['news'] })
    expectExactBullets(summary)
    expect(summary.citations.length).toBeGreaterThanOrEqual(3)
    expect(summary.citations.map((citation) => citation.start)).toEqual([...summary.citations.map((citation) => citation.start)].sort((left, right) => left - right))
    expect(summary.shortAnswer).toBeNull()
    const short = await offline.ask({ question: 'لخص المقال في جملتين', documents: ['news'] })
    expect(short.citations).toHaveLength(2)
  })

  it('should name the document it picked among several: the one the conversation quoted', async () => {
    const history = [{ role: 'user' as const, content: 'ماذا قالت ليلى حسن؟' }, { role: 'assistant' as const, content: 'وقالت مديرة المهرجان ليلى حسن إن "القراءة تعود بقوة بين الشباب". [1]' }]
    const response = await offline.ask({ question: 'لخص المقال', history })
    expect(response.shortAnswer).toBe('مهرجان الكتاب يفتح أبوابه')
    expect(response.citations.every((citation) => citation.docId === 'books')).toBe(true)
  })

  it("should answer a speaker question with that speaker's statements only", async () => {
    const response = await offline.ask({ question: 'ماذا قال سالم الكبير؟' })
    expectExactBullets(response)
    expect(quotes(response)).toEqual(STATEMENTS)
  })

  it('should order a timeline by date and narrow it to a year asked about', async () => {
    const timeline = await offline.ask({ question: 'رتب الأحداث زمنيا', documents: ['news'] })
    expectExactBullets(timeline)
    expect(quotes(timeline).map((quote) => ['يناير', 'مارس', 'يونيو'].findIndex((month) => quote.includes(month)))).toEqual([0, 1, 2])
    const year = await offline.ask({ question: 'ماذا حدث في أبريل 2025؟' })
    expect(quotes(year)).toEqual(['افتتح مهرجان الكتاب دورته العاشرة يوم السبت 5 أبريل 2025 بمشاركة مئتي دار نشر.'])
  })

  it('should give the model the same evidence and hold its reply to the per-sentence citation check', async () => {
    const response = await online.ask({ question: 'ماذا قال سالم الكبير؟' })
    const request = server.requests.filter(isAnswerRequest).at(-1)!
    expect([...readEvidence(request).values()]).toEqual(STATEMENTS)
    expect(response.answerer).toBe('llm')
    expect(response.answer).toContain('نريد حماية كل طفل قبل نهاية العام')
    expect(response.answer).not.toContain('مليارات')
    expect(response.citations.map((citation) => citation.quote)).toEqual([STATEMENTS[0]])
  })
})
