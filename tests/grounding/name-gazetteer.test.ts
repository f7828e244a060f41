import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../src/grounding/analyze-text.js'
import { deriveNisba, NAME_GAZETTEER } from '../../src/grounding/name-gazetteer.js'

describe('deriveNisba', () => {
  it('should derive the relation adjective of a place name by rule', () => {
    expect(deriveNisba('فرنسا')).toEqual(['فرنسي'])
    expect(deriveNisba('السعودية')).toEqual(['سعودي'])
    expect(deriveNisba('سوريا')).toEqual(['سوري'])
    expect(deriveNisba('الإمارات')).toEqual(['إماراتي'])
    expect(deriveNisba('مصر')).toEqual(['مصري'])
    expect(deriveNisba('الأرجنتين')).toEqual(['أرجنتيني'])
  })

  it('should list irregular adjectives and give none for a name of several words', () => {
    expect(deriveNisba('النمسا')).toEqual(['نمساوي'])
    expect(deriveNisba('المغرب')).toEqual(['مغربي', 'مغاربة'])
    expect(deriveNisba('الولايات المتحدة')).toEqual([])
  })

  it('should give every country exactly the adjectives its names derive, none listed by hand', () => {
    for (const entry of NAME_GAZETTEER.filter((candidate) => candidate.kind === 'country')) {
      expect(entry.adjectives, entry.id).toEqual([...new Set(entry.arabic.flatMap(deriveNisba))])
    }
  })
})

describe('nationality adjectives in analyzed text', () => {
  it('should find an adjective in every inflection, with clitics', () => {
    const forms = ['الفرنسية', 'الفرنسيين', 'بالفرنسي', 'والفرنسية', 'للفرنسيات', 'الفرنسيتان', 'فرنسيون', 'وبالفرنسية']
    for (const form of forms) {
      const mentions = analyzeText(`قال الوفد ${form} شيئا`).entities
      expect(mentions, form).toEqual([expect.objectContaining({ id: 'france', isAdjective: true })])
    }
    expect(analyzeText('وصل الوفد والأمريكية').entities).toEqual([expect.objectContaining({ id: 'usa', isAdjective: true })])
  })

  it('should not take an everyday word for a place', () => {
    expect(analyzeText('قدم الدعم المالي للمشروع').entities).toEqual([])
  })
})
