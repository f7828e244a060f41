import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createGroundingScorer } from '../../src/grounding/create-grounding-scorer.js'

const article = readFileSync(new URL('../../index/sources/article.txt', import.meta.url), 'utf8')
const quote = 'أعلن بعدها باراك اوباما عن مقتل بن لادن في 2 مايو 2011'
const start = article.indexOf(quote)
const citation = { n: 1, docId: 'article', start, end: start + quote.length, quote }

describe('createGroundingScorer', () => {
  const scoreGrounding = createGroundingScorer([{ docId: 'article', text: article }])

  it('should support an answer that restates its cited span', () => {
    const grounding = scoreGrounding(`${quote} [1]`, [citation])
    expect(grounding.supported).toBe(true)
    expect(grounding.score).toBeGreaterThanOrEqual(0.5)
  })

  it('should not support an answer whose year differs from its cited span', () => {
    expect(scoreGrounding('أعلن أوباما مقتل بن لادن في 2 مايو 2012 [1]', [citation]).supported).toBe(false)
  })

  it('should not show an answer that is supported but off the question as grounded, and say what it leaves out', () => {
    const usQuote = 'حيث وقع المغرب اتفاقية تعاون ثنائية مع الولايات المتحدة الأميركية يوم الخميس7 أغسطس 2014 بواشنطن'
    const usStart = article.indexOf(usQuote)
    const usCitation = { n: 1, docId: 'article', start: usStart, end: usStart + usQuote.length, quote: usQuote }
    const answer = `7 أغسطس 2014 — ${usQuote} [1]`
    const off = scoreGrounding(answer, [usCitation], 'ar', { question: 'متى وقع المغرب اتفاقية مع بلجيكا؟', kind: 'date' })
    expect(off.supported).toBe(false)
    expect(off.score).toBeLessThan(0.5)
    expect(off.relevance).toMatchObject({ relevant: false, missing: ['بلجيكا'] })
    expect(off.issues?.[0]).toMatchObject({ kind: 'off-question', missing: ['بلجيكا'] })
    expect(off.explanation).toContain('«بلجيكا»')
    const on = scoreGrounding(answer, [usCitation], 'ar', { question: 'متى وقع المغرب الاتفاقية الثنائية مع الولايات المتحدة؟', kind: 'date' })
    expect(on).toMatchObject({ supported: true, relevance: { relevant: true } })
  })

  it('should read a narrow citation in its sentence when judging relevance', () => {
    const narrow = 'يوم الخميس7 أغسطس 2014 بواشنطن'
    const narrowStart = article.indexOf(narrow)
    const grounding = scoreGrounding(`7 أغسطس 2014 [1]`, [{ n: 1, docId: 'article', start: narrowStart, end: narrowStart + narrow.length, quote: narrow }], 'ar', {
      question: 'متى وقع المغرب الاتفاقية مع الجانب الأمريكي؟',
    })
    expect(grounding.relevance?.relevant).toBe(true)
  })

  it('should explain in the question\'s language even when the answer quotes Arabic', () => {
    const explanation = scoreGrounding(`2 May 2011 — ${quote} [1]`, [citation], 'en').explanation
    expect(explanation).toMatch(/[A-Za-z]/)
    expect(explanation).not.toMatch(/[\u0600-\u06FF]/)
  })
})
