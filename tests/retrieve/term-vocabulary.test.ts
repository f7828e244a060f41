import { describe, expect, it } from 'vitest'
import { stemSimilarity, TermVocabulary } from '../../src/retrieve/term-vocabulary.js'
import { normalizeArabic } from '../../src/text/normalize-arabic.js'
import { stemWord } from '../../src/text/stem-word.js'

const stem = (word: string): string => stemWord(normalizeArabic(word))

describe('stemSimilarity', () => {
  it('should rate equal stems 1', () => {
    expect(stemSimilarity(stem('داعش'), stem('داعش'))).toBe(1)
  })

  it('should rate spellings that share a consonant skeleton 0.8', () => {
    expect(stemSimilarity(stem('الأمريكي'), stem('الأميركي'))).toBe(0.8)
  })

  it('should rate a masdar, a participle or an imperfect verb of the same consonants 0.7', () => {
    expect(stemSimilarity('قتل', stem('مقتل'))).toBe(0.7)
    expect(stemSimilarity('يبيع', 'بيع')).toBe(0.7)
  })

  it('should match numbers only when equal', () => {
    expect(stemSimilarity('2001', '2011')).toBe(0)
    expect(stemSimilarity('2001', '2001')).toBe(1)
  })

  it('should rate unrelated stems 0', () => {
    expect(stemSimilarity(stem('المغرب'), stem('داعش'))).toBe(0)
  })
})

describe('TermVocabulary', () => {
  const vocabulary = new TermVocabulary([stem('الأميركية'), stem('مقتل'), stem('المقتول'), stem('داعش'), '2001'])

  it('should find an indexed stem exactly', () => {
    expect(vocabulary.variantsOf(stem('داعش'))).toEqual([{ stem: stem('داعش'), quality: 1 }])
  })

  it('should find the indexed spelling of a variant', () => {
    expect(vocabulary.variantsOf(stem('الأمريكي'))).toEqual([{ stem: stem('الأميركية'), quality: 0.8 }])
  })

  it('should find the related forms of a root-like stem', () => {
    const variants = vocabulary.variantsOf('قتل')
    expect(variants.map((variant) => variant.stem).sort()).toEqual([stem('مقتل'), stem('المقتول')].sort())
    expect(variants.every((variant) => variant.quality === 0.7)).toBe(true)
  })

  it('should find nothing for an unrelated or unknown stem', () => {
    expect(vocabulary.variantsOf(stem('البحرين'))).toEqual([])
    expect(vocabulary.variantsOf('2011')).toEqual([])
  })
})
