import { describe, expect, it } from 'vitest'
import { ARABIC_MONTHS, ENGLISH_MONTHS, isYear, WEEKDAYS } from '../../src/text/calendar-words.js'
import { normalizeArabic } from '../../src/text/normalize-arabic.js'

describe('calendar words', () => {
  it('should number the months that the article writes', () => {
    expect(ARABIC_MONTHS.get(normalizeArabic('سبتمبر'))).toBe(9)
    expect(ARABIC_MONTHS.get(normalizeArabic('أيلول'))).toBe(9)
    expect(ARABIC_MONTHS.get(normalizeArabic('مايو'))).toBe(5)
    expect(ARABIC_MONTHS.get(normalizeArabic('أغسطس'))).toBe(8)
    expect(ARABIC_MONTHS.get(normalizeArabic('يونيو'))).toBe(6)
  })

  it('should give the Levantine and the Egyptian name of a month the same number', () => {
    expect(ARABIC_MONTHS.get(normalizeArabic('آب'))).toBeUndefined()
    expect(ARABIC_MONTHS.get(normalizeArabic('تموز'))).toBe(ARABIC_MONTHS.get('يوليو'))
    expect(ARABIC_MONTHS.get(normalizeArabic('نيسان'))).toBe(ARABIC_MONTHS.get(normalizeArabic('أبريل')))
  })

  it('should store its Arabic words normalized', () => {
    for (const name of ARABIC_MONTHS.keys()) expect(normalizeArabic(name)).toBe(name)
    for (const name of WEEKDAYS) expect(normalizeArabic(name)).toBe(name)
  })

  it('should number the English months from one', () => {
    expect(ENGLISH_MONTHS.get('january')).toBe(1)
    expect(ENGLISH_MONTHS.get('september')).toBe(9)
    expect(ENGLISH_MONTHS.size).toBe(12)
  })

  it('should know the weekday of the article', () => {
    expect(WEEKDAYS.has(normalizeArabic('الخميس'))).toBe(true)
    expect(WEEKDAYS.has('thursday')).toBe(true)
  })

  it('should read four-digit numbers from 1500 to 2099 as years', () => {
    expect(isYear('2001')).toBe(true)
    expect(isYear('2014')).toBe(true)
    expect(isYear('1999')).toBe(true)
    expect(isYear('225')).toBe(false)
    expect(isYear('3000')).toBe(false)
    expect(isYear('1400')).toBe(false)
  })
})
