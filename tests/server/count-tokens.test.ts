import { describe, expect, it } from 'vitest'
import { countTokens } from '../../src/server/count-tokens.js'

describe('countTokens', () => {
  it('should count words and each punctuation mark, not whitespace', () => {
    expect(countTokens('2 مايو 2011 [1].')).toBe(7)
    expect(countTokens('Who was killed?')).toBe(4)
  })

  it('should keep a word with its diacritics or accents as one piece', () => {
    expect(countTokens('مُحَمَّد')).toBe(1)
    expect(countTokens('café naïve')).toBe(2)
  })

  it('should count nothing in empty or blank text', () => {
    expect(countTokens('')).toBe(0)
    expect(countTokens(' \n\t ')).toBe(0)
  })
})
