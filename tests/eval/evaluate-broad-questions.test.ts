import { describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/answer/answer-schemas.js'
import type { BroadQuestion } from '../../src/eval/broad-questions.js'
import { evaluateBroadQuestions, scoreBroadAnswer, summarizeBroadOutcomes } from '../../src/eval/evaluate-broad-questions.js'
import { BROAD_ARTICLE } from '../fixtures/broad-article.js'

const question: BroadQuestion = {
  id: 'b-news-01', docId: 'news', kind: 'speaker', language: 'ar', question: 'ماذا قال سالم الكبير؟',
  goldPoints: ['"نريد حماية كل طفل قبل نهاية العام"', 'الحملة ستشمل مليون تلميذ في عشرين محافظة'],
}
const cite = (n: number, quote: string) => {
  const start = BROAD_ARTICLE.indexOf(quote)
  return { n, docId: 'news', start, end: start + quote.length, quote }
}
const response = (citations: ReturnType<typeof cite>[], answered = true): AskResponse => ({
  answered, answer: '', shortAnswer: null, citations, passages: [], related: [], grounding: { score: 1, supported: true, explanation: '' },
  language: 'ar', questionKind: 'thing', answerer: 'extractive', fallback: null, refusalReason: null, timingsMs: {},
})

describe('scoreBroadAnswer', () => {
  it('should count a gold point covered by a sentence around it and a citation standing on a point', () => {
    const outcome = scoreBroadAnswer(question, response([
      cite(1, 'وقال وزير الصحة سالم الكبير في مؤتمر صحفي: "نريد حماية كل طفل قبل نهاية العام".'),
      cite(2, 'ورحبت نقابة الأطباء بالحملة'),
    ]), BROAD_ARTICLE)
    expect(outcome).toMatchObject({ points: 2, pointsCited: 1, citations: 2, citationsOnPoints: 1, refused: false, quotesExact: true })
    expect(outcome.missedPoints).toEqual(['الحملة ستشمل مليون تلميذ في عشرين محافظة'])
  })

  it('should count a narrow clause inside a long point, and notice a quote that is not the text', () => {
    const narrow = cite(1, 'الحملة ستشمل مليون تلميذ')
    expect(scoreBroadAnswer(question, response([narrow]), BROAD_ARTICLE)).toMatchObject({ pointsCited: 1, citationsOnPoints: 1 })
    expect(scoreBroadAnswer(question, response([{ ...narrow, quote: 'نص آخر' }]), BROAD_ARTICLE).quotesExact).toBe(false)
  })
})

describe('evaluateBroadQuestions', () => {
  it('should ask each question of its own article and pool the figures by part and kind', async () => {
    const asked: string[][] = []
    const report = await evaluateBroadQuestions([question, { ...question, id: 'b-health-01', docId: 'health' }], async (request) => {
      asked.push(request.documents ?? [])
      return request.documents?.[0] === 'news' ? response([cite(1, 'وأضاف أن الحملة ستشمل مليون تلميذ في عشرين محافظة.')]) : response([], false)
    }, new Map([['news', BROAD_ARTICLE], ['health', BROAD_ARTICLE]]))
    expect(asked).toEqual([['news'], ['health']])
    expect(report.dev.all).toEqual({ questions: 1, pointRecall: 0.5, citationPrecision: 1, refusals: 0, inexactQuotes: 0 })
    expect(report.heldOut.byKind.speaker).toMatchObject({ questions: 1, pointRecall: 0, refusals: 1 })
    expect(summarizeBroadOutcomes([])).toMatchObject({ questions: 0, pointRecall: 0, citationPrecision: 0 })
  })
})
