import { describe, expect, it } from 'vitest'
import { stemVariantsOf } from '../../src/answer/match-terms.js'
import { stemSimilarity, TermVocabulary } from '../../src/retrieve/term-vocabulary.js'
import { tokenize } from '../../src/text/tokenize.js'

describe('stemSimilarity', () => {
  it('should match equal stems fully', () => {
    expect(stemSimilarity('مغرب', 'مغرب')).toBe(1)
  })

  it('should match loanword spellings by their consonant skeleton', () => {
    expect(stemSimilarity('امريك', 'اميرك')).toBe(0.8)
  })

  it('should relate a verb to its mim-derived noun and an imperfect to its masdar', () => {
    expect(stemSimilarity('قتل', 'مقتل')).toBe(0.7)
    expect(stemSimilarity('يبيع', 'بيع')).toBe(0.7)
  })

  it('should keep unrelated roots apart', () => {
    expect(stemSimilarity('مواجه', 'مجهود')).toBe(0)
    expect(stemSimilarity('2011', '2012')).toBe(0)
  })
})

describe('stemVariantsOf', () => {
  it('should read "وقعها" as a verb with a suffix, not a conjunction', () => {
    const [token] = tokenize('وقعها')
    expect(stemVariantsOf({ stem: token!.stem, normalized: token!.normalized, weight: 1 })).toContain('وقع')
  })
})

describe('TermVocabulary', () => {
  it('should find every similar indexed stem without scanning', () => {
    const vocabulary = new TermVocabulary(['مقتل', 'مقتول', 'اميرك', 'بيع', 'تمويل', 'مغرب'])
    expect(vocabulary.variantsOf('قتل').map((variant) => variant.stem).sort()).toEqual(['مقتل', 'مقتول'])
    expect(vocabulary.variantsOf('امريك')).toEqual([{ stem: 'اميرك', quality: 0.8 }])
    expect(vocabulary.variantsOf('يبيع')).toEqual([{ stem: 'بيع', quality: 0.7 }])
    expect(vocabulary.variantsOf('مغرب')).toEqual([{ stem: 'مغرب', quality: 1 }])
    expect(vocabulary.variantsOf('عاصم')).toEqual([])
  })
})
