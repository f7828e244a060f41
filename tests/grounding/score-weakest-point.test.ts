import { describe, expect, it } from 'vitest'
import { createGroundingScorer } from '../../src/grounding/create-grounding-scorer.js'
import type { AnswerGrounding } from '../../src/grounding/score-answer-grounding.js'
import { scoreWeakestPoint } from '../../src/grounding/score-weakest-point.js'
import { BROAD_ARTICLE } from '../fixtures/broad-article.js'

const citationOf = (n: number, quote: string) => {
  const start = BROAD_ARTICLE.indexOf(quote)
  return { n, docId: 'news', start, end: start + quote.length, quote }
}
const first = citationOf(1, 'أطلقت وزارة الصحة يوم الاثنين 3 مارس 2025 حملة وطنية للتطعيم ضد الحصبة في المدارس الابتدائية.')
const second = citationOf(2, 'وأضاف أن الحملة ستشمل مليون تلميذ في عشرين محافظة.')

describe('scoreWeakestPoint', () => {
  it('should report the weakest point of a multi-point answer, not the average', () => {
    const scoreGrounding = createGroundingScorer([{ docId: 'news', text: BROAD_ARTICLE }])
    const sound = scoreGrounding(`• ${first.quote} [1]\n• ${second.quote} [2]`, [first, second])
    expect(sound).toMatchObject({ score: 1, supported: true })
    const oneWrong = scoreGrounding(`• ${first.quote} [1]\n• الحملة ستشمل عشرة ملايين تلميذ في خمسين محافظة. [2]`, [first, second])
    expect(oneWrong.supported).toBe(false)
    expect(oneWrong.score).toBeLessThan(0.5)
  })

  it('should support a sentence that is word for word the span it cites', () => {
    const grounding: AnswerGrounding = {
      score: 0.6,
      supported: false,
      faithfulness: 0.5,
      sentences: [
        { text: `• ${second.quote} [2]`, support: 0.2, supported: false, supportedBy: [], citedNumbers: [2], issues: [{ kind: 'negation-mismatch' as const, claim: null, evidence: null }] },
        { text: 'جملة أخرى [1]', support: 0.9, supported: true, supportedBy: [], citedNumbers: [1], issues: [] },
      ],
      unsupported: [],
    }
    const scored = scoreWeakestPoint(grounding, [first, second])
    expect(scored.sentences[0]).toMatchObject({ support: 1, supported: true, issues: [] })
    expect(scored).toMatchObject({ score: 0.9, supported: true, faithfulness: 1 })
  })
})
