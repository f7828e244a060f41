import { normalizeArabic } from '../text/normalize-arabic.js'

/** A number stated in a text, from digits or from a number word, at a token index. */
export interface Quantity {
  value: number
  index: number
}

const ARABIC_NUMBER_SPELLINGS: Record<string, number> = {
  'واحد': 1, 'واحده': 1, 'اثنان': 2, 'اثنين': 2, 'اثنتان': 2, 'اثنتين': 2,
  'ثلاث': 3, 'ثلاثه': 3, 'اربع': 4, 'اربعه': 4, 'خمس': 5, 'خمسه': 5, 'ست': 6, 'سته': 6,
  'سبع': 7, 'سبعه': 7, 'ثماني': 8, 'ثمانيه': 8, 'ثمان': 8, 'تسع': 9, 'تسعه': 9, 'عشر': 10, 'عشره': 10,
  'عشرون': 20, 'عشرين': 20, 'ثلاثون': 30, 'ثلاثين': 30, 'اربعون': 40, 'اربعين': 40, 'خمسون': 50, 'خمسين': 50,
  'ستون': 60, 'ستين': 60, 'سبعون': 70, 'سبعين': 70, 'ثمانون': 80, 'ثمانين': 80, 'تسعون': 90, 'تسعين': 90,
  'مئه': 100, 'مائه': 100, 'مئتان': 200, 'مئتين': 200, 'الف': 1000, 'الفين': 2000,
  'الاول': 1, 'الاولي': 1, 'الثاني': 2, 'الثانيه': 2, 'الثالث': 3, 'الثالثه': 3, 'الرابع': 4, 'الرابعه': 4,
  'الخامس': 5, 'الخامسه': 5, 'السادس': 6, 'السادسه': 6, 'السابع': 7, 'السابعه': 7, 'الثامن': 8, 'الثامنه': 8,
  'التاسع': 9, 'التاسعه': 9, 'العاشر': 10, 'العاشره': 10,
}
// Looked up after normalization (مئة → ميه), so the table is normalized once.
const ARABIC_NUMBER_WORDS: Record<string, number> = Object.fromEntries(Object.entries(ARABIC_NUMBER_SPELLINGS).map(([word, value]) => [normalizeArabic(word), value]))

const ENGLISH_NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  thousand: 1000, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
}
const ROMAN_NUMERALS: Record<string, number> = { II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 }

/**
 * The value of one word as a number: digits (Arabic-Indic included), 7th, Arabic and English
 * cardinal and ordinal words with an optional و/ب/ل proclitic, or an upper-case Roman numeral;
 * null for any other word.
 */
export function readNumberWord(word: string): number | null {
  const normalized = normalizeArabic(word)
  const digits = /^(\d+(?:[.,]\d+)*)(?:st|nd|rd|th)?$/.exec(normalized)
  if (digits) {
    // 1.002.000 and 37,547,686 group thousands; 3.75 and 45,44 are decimals.
    const written = digits[1]!
    const grouped = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$/.test(written) || /^\d{1,3}(?:,\d{3})+$/.test(written)
    const value = Number(grouped ? written.replace(/[.,]/g, '') : written.replace(',', '.'))
    return Number.isFinite(value) ? value : null
  }
  if (ROMAN_NUMERALS[word] !== undefined) return ROMAN_NUMERALS[word]!
  if (Object.hasOwn(ENGLISH_NUMBER_WORDS, normalized)) return ENGLISH_NUMBER_WORDS[normalized]!
  if (ARABIC_NUMBER_WORDS[normalized] !== undefined) return ARABIC_NUMBER_WORDS[normalized]!
  // Hundreds are one word: ثلاثمئة، خمسمائة.
  const hundreds = /^(ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)(?:ميه|مايه)$/.exec(normalized)
  if (hundreds) return ARABIC_NUMBER_WORDS[hundreds[1]!]! * 100
  if (/^[وبل]/.test(normalized) && ARABIC_NUMBER_WORDS[normalized.slice(1)] !== undefined) {
    return ARABIC_NUMBER_WORDS[normalized.slice(1)]!
  }
  return null
}
