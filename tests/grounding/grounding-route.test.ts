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

  it('should refuse unknown fields and non-JSON bodies', async () => {
    expect((await post({ answer: 'x', extra: true })).status).toBe(400)
    expect((await post({ answer: '' })).status).toBe(400)
    expect((await post({ answer: 'x' }, 'text/plain')).status).toBe(415)
  })
})
