import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSupportFinder } from '../../src/grounding/create-support-finder.js'
import { scoreAnswerGrounding, type GroundingCitation } from '../../src/grounding/score-answer-grounding.js'

const ARTICLE = readFileSync(new URL('../../index/sources/article.txt', import.meta.url), 'utf8')
const findSupport = createSupportFinder([{ docId: 'article', text: ARTICLE }])

function cite(n: number, quote: string): GroundingCitation {
  const start = ARTICLE.indexOf(quote)
  if (start < 0) throw new Error(`not in the article: ${quote}`)
  return { n, docId: 'article', start, end: start + quote.length, quote }
}

describe('scoreAnswerGrounding', () => {
  it('should support every sentence of a correct cited answer', () => {
    const citations = [cite(1, 'أعلن بعدها باراك اوباما عن مقتل بن لادن في 2 مايو 2011'), cite(2, 'التحالف الذي يضم 40 دولة لمحاربة الإرهاب الداعشي')]
    const result = scoreAnswerGrounding('قُتل بن لادن في 2 مايو 2011 [1]. ويضم التحالف 40 دولة [2].', citations, { findSupport })
    expect(result.supported).toBe(true)
    expect(result.faithfulness).toBe(1)
    expect(result.unsupported).toEqual([])
    expect(result.sentences.map((sentence) => sentence.citedNumbers)).toEqual([[1], [2]])
    expect(result.sentences[0]!.supportedBy).toEqual([{ docId: 'article', start: citations[0]!.start, end: citations[0]!.end, quote: citations[0]!.quote }])
  })

  it('should judge a marked sentence by its own citation only', () => {
    const citations = [cite(1, 'أعلن بعدها باراك اوباما عن مقتل بن لادن في 2 مايو 2011'), cite(2, 'التحالف الذي يضم 40 دولة لمحاربة الإرهاب الداعشي')]
    const result = scoreAnswerGrounding('يضم التحالف 40 دولة [1].', citations, { findSupport })
    expect(result.supported).toBe(false)
    expect(result.unsupported).toHaveLength(1)
  })

  it('should flag a marker that names no citation', () => {
    const result = scoreAnswerGrounding('قُتل بن لادن [4].', [cite(1, 'مقتل بن لادن')], { findSupport })
    expect(result.sentences[0]!.issues).toContainEqual({ kind: 'invalid-citation', n: 4 })
    expect(result.sentences[0]!.supported).toBe(false)
  })

  it('should find support in the sources when the answer cites nothing', () => {
    const result = scoreAnswerGrounding('وقع المغرب اتفاقية تعاون ثنائية مع الولايات المتحدة في 7 أغسطس 2014 بواشنطن.', undefined, { findSupport })
    expect(result.supported).toBe(true)
    expect(result.sentences[0]!.supportedBy[0]!.quote).toContain('7 أغسطس 2014')
    const quote = result.sentences[0]!.supportedBy[0]!
    expect(ARTICLE.slice(quote.start, quote.end)).toBe(quote.quote)
  })

  it('should lower the score and list the sentence that the sources contradict', () => {
    const result = scoreAnswerGrounding('قُتل بن لادن في 2 مايو 2011. وصادق المغرب في يونيو على اتفاقية تعاون مع فرنسا.', undefined, { findSupport })
    expect(result.supported).toBe(false)
    expect(result.faithfulness).toBe(0.5)
    expect(result.score).toBeLessThan(0.7)
    expect(result.unsupported.map((sentence) => sentence.issues)).toEqual([expect.arrayContaining([expect.objectContaining({ claim: 'فرنسا' })])])
  })

  it('should score an answer without claims as unsupported with score 0', () => {
    const result = scoreAnswerGrounding('  [1] ', [], { findSupport })
    expect(result).toMatchObject({ score: 0, supported: false, sentences: [], unsupported: [] })
  })
})
