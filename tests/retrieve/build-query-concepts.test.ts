import { describe, expect, it } from 'vitest'
import { Bm25Index } from '../../src/lexical/bm25-index.js'
import { buildQueryConcepts } from '../../src/retrieve/build-query-concepts.js'
import { TermVocabulary } from '../../src/retrieve/term-vocabulary.js'
import { normalizeArabic } from '../../src/text/normalize-arabic.js'
import { stemWord } from '../../src/text/stem-word.js'
import { contentStems } from '../../src/text/tokenize.js'

const stem = (word: string): string => stemWord(normalizeArabic(word))
const lexical = Bm25Index.build([
  contentStems('فبعد مقتل الصحفي الأميركي “جيمس فولي” أعلنت الولايات المتحدة أنها فشلت في إنقاذ رهائن'),
  contentStems('عشر سنوات أعلن بعدها باراك اوباما عن مقتل بن لادن في 2 مايو 2011'),
])
const vocabulary = new TermVocabulary(lexical.terms())

describe('buildQueryConcepts', () => {
  it('should make one concept per content word, skipping stopwords and repeated stems', () => {
    const concepts = buildQueryConcepts('من هو الصحفي الذي قتل؟ الصحفي', vocabulary)
    expect(concepts).toHaveLength(2)
    expect(concepts[0]).toEqual({ terms: [stem('الصحفي')] })
    expect(concepts[1]!.terms).toContain(stem('مقتل'))
  })

  it('should widen an unknown spelling to the indexed one', () => {
    expect(buildQueryConcepts('الأمريكي', vocabulary)).toEqual([{ terms: [stem('الأميركي')] }])
  })

  it('should keep a word that matches nothing as it is', () => {
    expect(buildQueryConcepts('البحرين', vocabulary)).toEqual([{ terms: [stem('البحرين')] }])
  })

  it('should keep numbers and Latin words', () => {
    expect(buildQueryConcepts('Obama 2011', vocabulary)).toEqual([{ terms: ['obama'] }, { terms: ['2011'] }])
  })

  it('should find a query spelled with hamza the way the index spells it', () => {
    const [concept] = buildQueryConcepts('أوباما', vocabulary)
    expect(lexical.search([concept!], 2).map((hit) => hit.label)).toEqual([1])
  })

  it('should give no concept to a question made of stopwords', () => {
    expect(buildQueryConcepts('من هو؟', vocabulary)).toEqual([])
  })
})
