import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { GroundingResponseSchema } from '../../src/grounding/grounding-schemas.js'
import type { AppEnv } from '../../src/server/app-env.js'
import { createLogger } from '../../src/server/create-logger.js'
import { handleError } from '../../src/server/handle-errors.js'
import { createGroundingRoute } from '../../src/server/routes/grounding-route.js'

const ARTICLE = readFileSync(new URL('../../index/sources/article.txt', import.meta.url), 'utf8')
const app = new Hono<AppEnv>().route('/', createGroundingRoute({ documents: new Map([['article', ARTICLE]]) }))
app.onError(handleError(createLogger({ level: 'silent' })))

function post(body: unknown, contentType = 'application/json') {
  return app.request('/api/grounding', { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify(body) })
}

describe('POST /api/grounding', () => {
  it('should score each sentence against the quotes it cites', async () => {
    const response = await post({
      answer: 'قُتل بن لادن في 2 مايو 2011 [1]. وقع المغرب الاتفاقية مع فرنسا [2].',
      citations: [{ quote: 'أعلن بعدها باراك اوباما عن مقتل بن لادن في 2 مايو 2011' }, { quote: 'ليست في المقال' }],
    })
    expect(response.status).toBe(200)
    const body = GroundingResponseSchema.parse(await response.json())
    expect(body.sentences.map((sentence) => sentence.supported)).toEqual([true, false])
    expect(body.unsupported).toHaveLength(1)
    expect(body.unsupported[0]!.issues).toContainEqual({ kind: 'invalid-citation', n: 2 })
    expect(body.citations).toEqual([expect.objectContaining({ n: 1, resolved: true }), { n: 2, resolved: false, reason: 'quote-not-found' }])
    const span = body.sentences[0]!.supportedBy[0]!
    expect(ARTICLE.slice(span.start, span.end)).toBe(span.quote)
  })

  it('should find support in the article for an answer without citations', async () => {
    const response = await post({ answer: 'صادقت الحكومة المغربية في يونيو على اتفاقية تعاون مع الحكومة البلجيكية.' })
    const body = GroundingResponseSchema.parse(await response.json())
    expect(body.supported).toBe(true)
    expect(body.score).toBeGreaterThanOrEqual(0.5)
    expect(body.explanation).toContain('1 من 1')
  })

  it('should say when a supported answer does not answer its question', async () => {
    const body = GroundingResponseSchema.parse(await (await post({
      question: 'متى وقع المغرب اتفاقية مع بلجيكا؟',
      answer: 'وقع المغرب اتفاقية تعاون ثنائية مع الولايات المتحدة يوم 7 أغسطس 2014 [1].',
      citations: [{ quote: 'حيث وقع المغرب اتفاقية تعاون ثنائية مع الولايات المتحدة الأميركية يوم الخميس7 أغسطس 2014 بواشنطن' }],
    })).json())
    expect(body).toMatchObject({ format: 'sanad', supported: false, faithfulness: 1, relevance: { relevant: false, missing: ['بلجيكا'] } })
    expect(body.issues[0]).toMatchObject({ kind: 'off-question' })
  })

  it('should score a RAGAS sample against its retrieved contexts', async () => {
    const body = GroundingResponseSchema.parse(await (await post({
      user_input: 'متى افتتح المتحف الوطني؟',
      response: 'افتتح المتحف الوطني في 12 مارس 2019. ويضم المتحف ثلاثة آلاف قطعة أثرية.',
      retrieved_contexts: ['افتتح المتحف الوطني في 12 مارس 2019 بحضور وزير الثقافة.', 'يضم المتحف نحو خمسمئة قطعة أثرية من العصور القديمة.'],
      reference: 'في 12 مارس 2019',
    })).json())
    expect(body.format).toBe('ragas')
    expect(body.sentences.map((sentence) => sentence.supported)).toEqual([true, false])
    expect(body.faithfulness).toBe(0.5)
    expect(body.sentences[0]!.supportedBy[0]).toMatchObject({ docId: 'context-1' })
    expect(body.relevance?.relevant).toBe(true)
  })

  it('should score an ALCE record whose markers cite its docs', async () => {
    const body = GroundingResponseSchema.parse(await (await post({
      question: 'Which river flows through the old city?',
      output: 'يمر نهر الوادي عبر المدينة القديمة [1]. وقد بني الجسر عام 1850 [2].',
      docs: [{ title: 'المدينة القديمة', text: 'يمر نهر الوادي عبر المدينة القديمة من الشمال إلى الجنوب.' }, { title: 'الجسر', text: 'بني الجسر الحجري عام 1870.' }],
    })).json())
    expect(body.format).toBe('alce')
    expect(body.sentences.map((sentence) => sentence.citedNumbers)).toEqual([[1], [2]])
    expect(body.sentences.map((sentence) => sentence.supported)).toEqual([true, false])
    expect(body.unsupported[0]!.issues).toContainEqual({ kind: 'number-mismatch', claim: '1850', evidence: '1870' })
  })

  it('should refuse unknown fields and non-JSON bodies', async () => {
    expect((await post({ answer: 'x', extra: true })).status).toBe(400)
    expect((await post({ answer: '' })).status).toBe(400)
    expect((await post({ user_input: 'x', response: 'y' })).status).toBe(400)
    expect((await post({ question: 'x', output: 'y', docs: [] })).status).toBe(400)
    expect((await post({ answer: 'x' }, 'text/plain')).status).toBe(415)
  })
})
