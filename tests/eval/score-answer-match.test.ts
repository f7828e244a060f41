import { describe, expect, it } from 'vitest'
import { scoreAnswerMatch } from '../../src/eval/score-answer-match.js'

describe('scoreAnswerMatch', () => {
  it('should match across hamza, taa marbuta and Arabic-Indic digits', () => {
    const match = scoreAnswerMatch('قُتل في ٢ مايو ٢٠١١ في أبوتاباد', null, ['ابوتاباد', '2 مايو 2011'])
    expect(match.contains).toBe(true)
    expect(match.matched).toEqual(['ابوتاباد', '2 مايو 2011'])
  })

  it('should find a word with a proclitic glued to it', () => {
    expect(scoreAnswerMatch('وقعت الاتفاقية بواشنطن', null, ['واشنطن']).contains).toBe(true)
  })

  it('should not find a number inside another number', () => {
    expect(scoreAnswerMatch('في سنة 2011', null, ['11']).contains).toBe(false)
  })

  it('should measure exact match and token F1 on the short answer', () => {
    const exact = scoreAnswerMatch('2 مايو 2011 — أعلن اوباما مقتل بن لادن', '2 مايو 2011', ['2 مايو 2011'])
    expect(exact.exactMatch).toBe(true)
    expect(exact.tokenF1).toBe(1)
    const partial = scoreAnswerMatch('مايو', 'مايو', ['2 مايو 2011'])
    expect(partial.exactMatch).toBe(false)
    expect(partial.tokenF1).toBeCloseTo(0.5)
  })

  it('should match English answers case-insensitively', () => {
    expect(scoreAnswerMatch('The journalist was James Foley.', null, ['James Foley']).contains).toBe(true)
  })
})
