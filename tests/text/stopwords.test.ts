import { describe, expect, it } from 'vitest'
import { normalizeArabic } from '../../src/text/normalize-arabic.js'
import { isStopword, STOPWORDS } from '../../src/text/stopwords.js'

const isArabicStopword = (word: string): boolean => isStopword(normalizeArabic(word))

describe('stopwords', () => {
  it('should know Arabic prepositions, pronouns and particles', () => {
    for (const word of ['في', 'من', 'على', 'إلى', 'عن', 'التي', 'الذي', 'هو', 'هذا', 'أن', 'قد']) {
      expect(isArabicStopword(word), word).toBe(true)
    }
  })

  it('should know Arabic question words', () => {
    for (const word of ['ما', 'ماذا', 'متى', 'كم', 'أين', 'لماذا', 'كيف', 'هل']) expect(isArabicStopword(word), word).toBe(true)
  })

  it('should know prepositions that carry a pronoun', () => {
    for (const word of ['عنه', 'فيها', 'عليهم', 'بينهم', 'لديهم', 'منها']) expect(isArabicStopword(word), word).toBe(true)
  })

  it('should know English stopwords and question words', () => {
    for (const word of ['the', 'of', 'and', 'what', 'who', 'when', 'did']) expect(isStopword(word), word).toBe(true)
  })

  it('should not treat the content words of the article as stopwords', () => {
    for (const word of ['داعش', 'المغرب', 'أوباما', 'الإرهاب', 'الولايات', 'المتحدة', 'جيمس', 'فولي', 'الصحفي', 'قتل', 'لادن']) {
      expect(isArabicStopword(word), word).toBe(false)
    }
    for (const word of ['obama', 'morocco', 'terrorism', 'journalist']) expect(isStopword(word), word).toBe(false)
  })

  it('should never treat a month or a weekday as a stopword: a date is evidence', () => {
    for (const word of ['مايو', 'أيار', 'سبتمبر', 'أيلول', 'أغسطس', 'الخميس']) expect(isArabicStopword(word), word).toBe(false)
  })

  it('should hold only normalized words, so that normalized tokens find them', () => {
    for (const word of STOPWORDS) expect(normalizeArabic(word)).toBe(word)
  })

  it('should expect normalized input', () => {
    expect(isStopword('على')).toBe(false)
    expect(isStopword(normalizeArabic('على'))).toBe(true)
  })
})
