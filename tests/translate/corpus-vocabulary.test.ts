import { describe, expect, it } from 'vitest'
import { CorpusVocabulary } from '../../src/translate/corpus-vocabulary.js'
import { stemWord } from '../../src/text/stem-word.js'

const vocabulary = CorpusVocabulary.fromTexts([
  'منذ تفجيرات مايو سنة 2003 بالدار البيضاء، وقعت الولايات المتحدة اتفاقية مع الولايات المتحدة الأميركية بواشنطن.',
])

describe('CorpusVocabulary', () => {
  it('should find phrases across proclitics and punctuation', () => {
    expect(vocabulary.containsPhrase('الدار البيضاء')).toBe(true)
    expect(vocabulary.containsPhrase('الولايات المتحدة')).toBe(true)
    expect(vocabulary.containsPhrase('الدولة الإسلامية')).toBe(false)
  })

  it('should strip proclitics and the article from the bare form of a word', () => {
    const word = [...vocabulary.words()].find((candidate) => candidate.normalized === 'بواشنطن')
    expect(word?.bare).toBe('واشنطن')
  })

  it('should give the most frequent written form of a stem', () => {
    expect(vocabulary.commonFormOf(stemWord('الولايات'))).toBe('الولايات')
    expect(vocabulary.commonFormOf('غائب')).toBeNull()
  })

  it('should leave out numbers and stopwords', () => {
    expect(vocabulary.hasStem('2003')).toBe(false)
    expect([...vocabulary.words()].some((word) => word.normalized === 'منذ')).toBe(false)
  })
})
