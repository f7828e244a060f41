import { describe, expect, it } from 'vitest'
import { pluralize, renderShortAnswer, romanizeArabicName, type RenderingClues } from '../../src/translate/render-short-answer.js'
import { stemWord } from '../../src/text/stem-word.js'
import { normalizeArabic } from '../../src/text/normalize-arabic.js'

const NAMES: Record<string, string> = { جيمس: 'James', فولي: 'Foley', محمد: 'Mohammed' }
const WORDS: Record<string, string> = { سنه: 'year', دوله: 'state' }

function clues(overrides: Partial<RenderingClues> = {}): RenderingClues {
  return {
    englishByStem: new Map(),
    countedNoun: null,
    expectsName: true,
    findName: (word) => NAMES[word] ?? null,
    translateWord: (word) => WORDS[word] ?? null,
    ...overrides,
  }
}

describe('renderShortAnswer', () => {
  it.each([
    ['2 مايو 2011', '2 May 2011'],
    ['الخميس7 أغسطس 2014', 'Thursday 7 August 2014'],
    ['يونيو الماضي', 'June (last)'],
    ['مايو سنة 2003', 'May 2003'],
    ['11 سبتمبر/أيلول2001', '11 September 2001'],
  ])('should render the date %s as %s', (arabic, english) => {
    expect(renderShortAnswer(arabic, clues())).toBe(english)
  })

  it('should count with the noun of a "how many" question', () => {
    expect(renderShortAnswer('40 دولة', clues({ countedNoun: 'countries' }))).toBe('40 countries')
  })

  it('should count with the dictionary noun, made plural', () => {
    expect(renderShortAnswer('225 سنة', clues())).toBe('225 years')
  })

  it('should refuse to render a count whose noun it cannot translate', () => {
    expect(renderShortAnswer('12 خلية', clues())).toBeNull()
  })

  it('should give names their English spelling from the dictionary', () => {
    expect(renderShortAnswer('جيمس فولي', clues())).toBe('James Foley')
  })

  it('should write a regnal number after a name in Roman numerals', () => {
    expect(renderShortAnswer('محمد السادس', clues())).toBe('Mohammed VI')
  })

  it('should prefer the English the reader used for the same Arabic', () => {
    const fromQuestion = new Map([[stemWord(normalizeArabic('البحرين')), 'Bahrain']])
    expect(renderShortAnswer('البحرين', clues({ englishByStem: fromQuestion }))).toBe('Bahrain')
  })

  it('should romanize an unknown name when a name is asked for', () => {
    expect(renderShortAnswer('سعد العلمي', clues())).toBe('Saad al-Alami')
  })

  it('should return null for words it cannot render when no name is asked for', () => {
    expect(renderShortAnswer('السوق السوداء', clues({ expectsName: false }))).toBeNull()
  })
})

describe('romanizeArabicName', () => {
  it('should write the article as al- and long vowels as vowels', () => {
    expect(romanizeArabicName('العلمي')).toBe('al-Alami')
    expect(romanizeArabicName('فولي')).toBe('Fuli')
  })
})

describe('pluralize', () => {
  it.each([
    ['year', 'years'],
    ['country', 'countries'],
    ['tax', 'taxes'],
  ])('should make %s plural as %s', (noun, plural) => {
    expect(pluralize(noun)).toBe(plural)
  })
})
