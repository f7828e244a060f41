import { describe, expect, it } from 'vitest'
import { contentStems } from '../../src/text/tokenize.js'
import { CorpusVocabulary } from '../../src/translate/corpus-vocabulary.js'
import { measureBigramSimilarity, measureNameSimilarity, spellInArabic, transliterateName } from '../../src/translate/transliterate-name.js'

// A small vocabulary in the style of news prose: names with the article, proclitics and quotation marks.
const vocabulary = CorpusVocabulary.fromTexts([
  'أعلن باراك اوباما عن مقتل الصحفي الأميركي “جيمس فولي” في منطقة “أبوتاباد” بباكستان.',
  'جاء الخطاب كمقدمة لمؤتمر جدة، وقال السفير سعد العلمي إن تفجير أركانة وقع بواشنطن.',
])

function bestMatch(name: string): string | undefined {
  return transliterateName(name, vocabulary)[0]?.word.normalized
}

describe('spellInArabic', () => {
  it('should write a name with and without its vowels', () => {
    const spellings = spellInArabic('Obama')
    expect(spellings).toContain('اوباما')
    expect(spellings).toContain('اوبما')
  })

  it('should write a doubled consonant once', () => {
    expect(spellInArabic('Abbottabad')).toContain('ابوتاباد')
  })

  it('should end a name in -ah with ta marbuta, normalized', () => {
    expect(spellInArabic('Jeddah')).toContain('جده')
  })
})

describe('transliterateName', () => {
  it.each([
    ['Obama', 'اوباما'],
    ['Foley', 'فولي'],
    ['Abbottabad', 'ابوتاباد'],
    ['Jeddah', 'جده'],
    ['Jidda', 'جده'],
    ['Argana', 'اركانه'],
    ['Saad', 'سعد'],
    ['Alami', 'العلمي'],
    ['Washington', 'بواشنطن'],
  ])('should find %s as %s in the vocabulary', (name, arabic) => {
    expect(bestMatch(name)).toBe(arabic)
  })

  it('should find nothing for a name the sources do not mention', () => {
    expect(transliterateName('Trump', vocabulary)).toEqual([])
    expect(transliterateName('Casablanca', vocabulary)).toEqual([])
  })

  it('should give the stems the lexical index holds for the word', () => {
    expect(transliterateName('Foley', vocabulary)[0]?.word.stems).toEqual(contentStems('فولي'))
  })
})

describe('measureNameSimilarity', () => {
  it('should rate a name and its Arabic spelling far above a translation', () => {
    expect(measureNameSimilarity('james', 'جيمس')).toBeGreaterThanOrEqual(0.6)
    expect(measureNameSimilarity('scientific', 'علمي')).toBeLessThan(0.3)
  })

  it('should rate identical words 1 and disjoint words 0', () => {
    expect(measureBigramSimilarity('جده', 'جده')).toBe(1)
    expect(measureBigramSimilarity('جده', 'فولي')).toBe(0)
  })
})
