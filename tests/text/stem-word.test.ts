import { describe, expect, it } from 'vitest'
import { normalizeArabic } from '../../src/text/normalize-arabic.js'
import { stemArabic, stemEnglish, stemWord, stripArabicSuffixes } from '../../src/text/stem-word.js'

const stem = (word: string): string => stemWord(normalizeArabic(word))

describe('stemArabic (Light10)', () => {
  it('should remove the definite article with its conjunctions and prepositions', () => {
    expect(stem('الإرهاب')).toBe('ارهاب')
    expect(stem('والولايات')).toBe(stem('الولايات'))
    expect(stem('بالمنطقة')).toBe(stem('المنطقة'))
    expect(stem('فالاستعداد')).toBe(stem('الاستعداد'))
    expect(stem('كالمقدمة')).toBe(stem('المقدمة'))
    expect(stem('للتعامل')).toBe('تعامل')
  })

  it('should remove a leading waw only from words of four letters or more', () => {
    expect(stem('وتحسين')).toBe(stem('تحسين'))
    expect(stemArabic('ولد')).toBe('ولد')
  })

  it('should strip only one prefix', () => {
    expect(stemArabic('والمغرب')).toBe('مغرب')
    expect(stemArabic('ووالمغرب')).toBe('والمغرب')
  })

  it('should keep at least two letters after a prefix', () => {
    expect(stemArabic('الم')).toBe('الم')
  })

  it('should strip the suffixes of Light10 one after another', () => {
    expect(stem('الإرهابية')).toBe('ارهاب')
    expect(stem('المجموعات')).toBe('مجموع')
    expect(stem('المتحدة')).toBe('متحد')
    expect(stem('الأميركية')).toBe(stem('الأميركي'))
    expect(stem('خطتها')).toBe('خطت')
    expect(stem('المقاتلين')).toBe('مقاتل')
  })

  it('should keep at least two letters before a suffix', () => {
    expect(stripArabicSuffixes('بها')).toBe('بها')
    expect(stripArabicSuffixes('عنها')).toBe('عن')
    expect(stripArabicSuffixes('لها')).toBe('لها')
  })

  it('should give the same stem to the inflected forms of a word in the article', () => {
    expect(stem('التنظيمات')).toBe(stem('التنظيم'))
    expect(stem('الإرهابية')).toBe(stem('الإرهاب'))
  })
})

describe('stemEnglish', () => {
  it('should strip plural, -ed and -ing endings', () => {
    expect(stemEnglish('attacks')).toBe('attack')
    expect(stemEnglish('killed')).toBe('kill')
    expect(stemEnglish('bombing')).toBe('bomb')
    expect(stemEnglish('countries')).toBe('country')
    expect(stemEnglish('addresses')).toBe('address')
  })

  it('should leave short words and words ending in ss, us or is alone', () => {
    expect(stemEnglish('was')).toBe('was')
    expect(stemEnglish('class')).toBe('class')
    expect(stemEnglish('isis')).toBe('isis')
    expect(stemEnglish('status')).toBe('status')
  })
})

describe('stemWord', () => {
  it('should pick the stemmer of the word\'s script and let numbers through', () => {
    expect(stemWord('الارهاب')).toBe(stemArabic('الارهاب'))
    expect(stemWord('journalists')).toBe(stemEnglish('journalists'))
    expect(stemWord('2001')).toBe('2001')
    expect(stemWord('3.5')).toBe('3.5')
  })
})
