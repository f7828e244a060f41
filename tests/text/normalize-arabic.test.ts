import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeArabic } from '../../src/text/normalize-arabic.js'

describe('normalizeArabic', () => {
  it('should turn every hamza form of alef into a bare alef', () => {
    expect(normalizeArabic('أوباما')).toBe('اوباما')
    expect(normalizeArabic('إعلان')).toBe('اعلان')
    expect(normalizeArabic('آليات')).toBe('اليات')
    expect(normalizeArabic('ٱلحرب')).toBe('الحرب')
  })

  it('should turn hamza on waw and on yeh into the bare letters', () => {
    expect(normalizeArabic('المؤتمر')).toBe('الموتمر')
    expect(normalizeArabic('رئيس')).toBe('رييس')
  })

  it('should spell teh marbuta as heh and alef maqsura as yeh', () => {
    expect(normalizeArabic('المتحدة')).toBe('المتحده')
    expect(normalizeArabic('إلى')).toBe('الي')
    expect(normalizeArabic('على')).toBe('علي')
    expect(normalizeArabic('المتحدة')).toBe(normalizeArabic('المتحده'))
  })

  it('should drop diacritics, shadda and tanween', () => {
    expect(normalizeArabic('تحدٍّ')).toBe('تحد')
    expect(normalizeArabic('تفاعلاً استباقياً')).toBe('تفاعلا استباقيا')
    expect(normalizeArabic('آمينَ')).toBe('امين')
  })

  it('should drop tatweel', () => {
    expect(normalizeArabic('الإرهـــــاب')).toBe(normalizeArabic('الإرهاب'))
    expect(normalizeArabic('داعـش')).toBe('داعش')
  })

  it('should write Arabic-Indic and Persian digits as ASCII digits', () => {
    expect(normalizeArabic('٢٠١٤')).toBe('2014')
    expect(normalizeArabic('۲۰۰۱')).toBe('2001')
    expect(normalizeArabic('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789')
  })

  it('should straighten curly and angle quotes', () => {
    expect(normalizeArabic('“جيمس فولي”')).toBe('"جيمس فولي"')
    expect(normalizeArabic('«الذئب المنفرد»')).toBe('"الذيب المنفرد"')
    expect(normalizeArabic('‘a’')).toBe("'a'")
  })

  it('should lower-case Latin letters and leave punctuation and spaces alone', () => {
    expect(normalizeArabic('ISIS, U.S. Army')).toBe('isis, u.s. army')
    expect(normalizeArabic('منذ سبتمبر 2001، والولايات')).toBe('منذ سبتمبر 2001، والولايات')
  })

  it('should map Arabic presentation forms to the ordinary letters', () => {
    expect(normalizeArabic('\uFEFB')).toBe('لا')
    expect(normalizeArabic('\uFEDF\uFEE0\uFE8E')).toBe('للا')
  })

  it('should give the same result when applied twice', () => {
    const alphabet = [...'أإآؤئءاةهىيوبتجحدرسشعفقكلمنًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩0123456789 .،؟!“”«»abcXYZ']
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }), (text) => {
        expect(normalizeArabic(normalizeArabic(text))).toBe(normalizeArabic(text))
      }),
    )
  })
})
