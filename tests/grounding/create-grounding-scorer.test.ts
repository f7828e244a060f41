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

  it('should explain in the question\'s language even when the answer quotes Arabic', () => {
    const explanation = scoreGrounding(`2 May 2011 — ${quote} [1]`, [citation], 'en').explanation
    expect(explanation).toMatch(/[A-Za-z]/)
    expect(explanation).not.toMatch(/[\u0600-\u06FF]/)
  })
})
