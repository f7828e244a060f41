import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeArabic } from '../../src/text/normalize-arabic.js'
import { stemWord } from '../../src/text/stem-word.js'
import { contentStems, tokenize } from '../../src/text/tokenize.js'
import { ARTICLE_TEXT } from '../fixtures/foundation-article.js'

const words = (text: string): string[] => tokenize(text).map((token) => text.slice(token.start, token.end))

describe('tokenize', () => {
  it('should keep numbers and Latin words next to Arabic ones', () => {
    expect(words('أعلن باراك اوباما عن مقتل بن لادن في 2 مايو 2011 (Obama, ISIS)')).toEqual([
      'أعلن', 'باراك', 'اوباما', 'عن', 'مقتل', 'بن', 'لادن', 'في', '2', 'مايو', '2011', 'Obama', 'ISIS',
    ])
  })

  it('should split a word glued to a number where the script changes', () => {
    expect(words('يوم الخميس7 أغسطس 2014')).toEqual(['يوم', 'الخميس', '7', 'أغسطس', '2014'])
    expect(words('11 سبتمبر/أيلول2001،')).toEqual(['11', 'سبتمبر', 'أيلول', '2001'])
  })

  it('should record offsets whose slice is exactly the token, diacritics and tatweel included', () => {
    const text = 'انه تحدٍّ مطروح، والإرهـــاب “الداعشي” 225 سنة'
    const tokens = tokenize(text)
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['انه', 'تحدٍّ', 'مطروح', 'والإرهـــاب', 'الداعشي', '225', 'سنة'])
    for (const token of tokens) expect(token.normalized).toBe(normalizeArabic(text.slice(token.start, token.end)))
  })

  it('should shift offsets by the given offset', () => {
    const sentence = 'فبعد مقتل الصحفي الأميركي “جيمس فولي”'
    const start = ARTICLE_TEXT.indexOf(sentence)
    for (const token of tokenize(sentence, start)) {
      expect(ARTICLE_TEXT.slice(token.start, token.end)).toBe(sentence.slice(token.start - start, token.end - start))
    }
  })

  it('should normalize and stem every token and mark stopwords and numbers', () => {
    const [word, stopword, number, indic] = tokenize('الإرهابية في 2014 ٢٠١٤')
    expect(word).toMatchObject({ normalized: 'الارهابيه', stem: stemWord('الارهابيه'), isStopword: false, isNumber: false })
    expect(stopword).toMatchObject({ normalized: 'في', isStopword: true })
    expect(number).toMatchObject({ normalized: '2014', stem: '2014', isNumber: true, cliticFreeStem: null })
    expect(indic).toMatchObject({ normalized: '2014', stem: '2014', isNumber: true })
  })

  it('should keep decimals and thousands together and compare thousands without separators', () => {
    const [decimal, , thousands] = tokenize('3.5 و 1,000')
    expect(decimal).toMatchObject({ normalized: '3.5', stem: '3.5', isNumber: true })
    expect(thousands).toMatchObject({ normalized: '1,000', stem: '1000', isNumber: true })
  })

  it('should offer the stem without a one-letter proclitic that Light10 keeps', () => {
    const [fadaesh] = tokenize('فداعش')
    expect(fadaesh?.stem).toBe('فداعش')
    expect(fadaesh?.cliticFreeStem).toBe('داعش')
    expect(tokenize('داعش')[0]?.cliticFreeStem).toBeNull()
    expect(tokenize('بالمنطقة')[0]?.cliticFreeStem).toBeNull()
  })

  it('should skip runs of marks that normalize to nothing', () => {
    expect(tokenize('ـــ ً')).toEqual([])
  })

  it('should keep every token\'s offsets exact and in order for any text', () => {
    const alphabet = [...'ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئةىًٌٍَُِّـ٠١٢0123456789abcXYZ .,،؛؟!:/“”"\'-\n']
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 80 }), fc.nat(1000), (text, offset) => {
        let previousEnd = offset
        for (const token of tokenize(text, offset)) {
          expect(token.start).toBeGreaterThanOrEqual(previousEnd)
          expect(token.end).toBeGreaterThan(token.start)
          expect(token.end - offset).toBeLessThanOrEqual(text.length)
          const piece = text.slice(token.start - offset, token.end - offset)
          expect(piece.trim()).toBe(piece)
          expect(token.normalized).toBe(normalizeArabic(piece))
          previousEnd = token.end
        }
      }),
    )
  })
})

describe('contentStems', () => {
  it('should keep the stems of content words and drop stopwords', () => {
    const stems = contentStems('وقال اوباما في هذا الإطار إن الولايات المتحدة ستعمل')
    expect(stems).toContain(stemWord(normalizeArabic('اوباما')))
    expect(stems).toContain(stemWord(normalizeArabic('الولايات')))
    expect(stems).not.toContain('في')
    expect(stems).not.toContain('هذا')
  })

  it('should add the proclitic-free stem next to the stem', () => {
    const stems = contentStems('فداعش تعتمد الآن على تمويلات')
    expect(stems.slice(0, 2)).toEqual(['فداعش', 'داعش'])
  })

  it('should keep numbers, even one digit long', () => {
    expect(contentStems('في 7 أغسطس 2014')).toEqual(['7', stemWord(normalizeArabic('أغسطس')), '2014'])
  })
})
