import { describe, expect, it } from 'vitest'
import type { Citation } from '../../src/answer/answer-schemas.js'
import { scoreCitations } from '../../src/eval/score-citations.js'

function cite(n: number, quote: string): Citation {
  return { n, docId: 'doc', start: n * 100, end: n * 100 + quote.length, quote }
}

const DEATH = 'أعلن اوباما مقتل بن لادن في 2 مايو 2011 في باكستان'
const TREATY = 'وقع المغرب على الاتفاقية الدولية لمكافحة عمليات تمويل الإرهاب'

describe('scoreCitations', () => {
  it('should give full recall and precision to a sentence its citation supports', () => {
    const scores = scoreCitations('قتل بن لادن في 2 مايو 2011 [1].', [cite(1, DEATH)])
    expect(scores).toMatchObject({ recall: 1, precision: 1 })
  })

  it('should count a citation that adds nothing to a supported sentence as irrelevant', () => {
    const scores = scoreCitations('قتل بن لادن في 2 مايو 2011 [1][2].', [cite(1, DEATH), cite(2, TREATY)])
    expect(scores.recall).toBe(1)
    expect(scores.precision).toBe(0.5)
  })

  it('should give no recall to an uncited sentence or to one citing a missing number', () => {
    expect(scoreCitations('قتل بن لادن في 2 مايو 2011.', [cite(1, DEATH)]).recall).toBe(0)
    expect(scoreCitations('قتل بن لادن في 2 مايو 2011 [3].', [cite(1, DEATH)]).recall).toBe(0)
  })

  it('should count the citations of an unsupported sentence as imprecise', () => {
    const scores = scoreCitations('قتل بن لادن في 2 مايو 2011 [1]. وقع المغرب اتفاقية مع فرنسا [2].', [cite(1, DEATH), cite(2, TREATY)])
    expect(scores.recall).toBe(0.5)
    expect(scores.precision).toBe(0.5)
    expect(scores.sentences.map((sentence) => sentence.recall)).toEqual([1, 0])
  })
})
