import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasLetterOrDigit } from '../../src/text/has-letter-or-digit.js'

const PROPERTY = /[\p{L}\p{N}]/u

describe('hasLetterOrDigit', () => {
  it('should agree with the Unicode property test on any text and range', () => {
    const pieces = fc.constantFrom('،', '؟', ' ', '.', '—', '“', 'ب', 'A', 'z', '7', '٣', 'é', 'ж', '中', '😀', '𝟘', 'ـ', '\u064B', '\n', '-')
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }), fc.nat(), fc.nat(), (parts, first, second) => {
        const text = parts.join('')
        const from = Math.min(first, second) % (text.length + 1)
        const to = from + ((Math.max(first, second) - Math.min(first, second)) % (text.length - from + 1))
        expect(hasLetterOrDigit(text, from, to)).toBe(PROPERTY.test(text.slice(from, to)))
      }),
      { numRuns: 2000 },
    )
  })

  it('should find an Arabic-Indic digit and skip punctuation and diacritics alone', () => {
    expect(hasLetterOrDigit('«٣»')).toBe(true)
    expect(hasLetterOrDigit('،؟ —\u064B')).toBe(false)
  })
})
