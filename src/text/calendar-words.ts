import { normalizeArabic } from './normalize-arabic.js'

// Months in the Egyptian/Maghrebi and Levantine (Syriac) series and in English, then weekdays.
// Multi-word names are written with a space; every form is matched after normalization.
/** Each month's names, January first: Egyptian/Maghrebi and Levantine (Syriac) series, then English. */
export const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['يناير', 'جانفي', 'كانون الثاني', 'january', 'jan'],
  ['فبراير', 'فيفري', 'شباط', 'february', 'feb'],
  ['مارس', 'آذار', 'march', 'mar'],
  ['أبريل', 'ابريل', 'أفريل', 'نيسان', 'april', 'apr'],
  ['مايو', 'ماي', 'أيار', 'may'],
  ['يونيو', 'يونيه', 'جوان', 'حزيران', 'june', 'jun'],
  ['يوليو', 'يوليه', 'يوليوز', 'جويلية', 'تموز', 'july', 'jul'],
  ['أغسطس', 'غشت', 'أوت', 'آب', 'august', 'aug'],
  ['سبتمبر', 'شتنبر', 'أيلول', 'september', 'sep', 'sept'],
  ['أكتوبر', 'تشرين الأول', 'october', 'oct'],
  ['نوفمبر', 'نونبر', 'تشرين الثاني', 'november', 'nov'],
  ['ديسمبر', 'دجنبر', 'كانون الأول', 'december', 'dec'],
]
/** Each weekday's names, Sunday first. */
export const WEEKDAY_NAMES: ReadonlyArray<readonly string[]> = [
  ['الأحد', 'sunday'],
  ['الاثنين', 'الإثنين', 'monday'],
  ['الثلاثاء', 'tuesday'],
  ['الأربعاء', 'wednesday'],
  ['الخميس', 'thursday'],
  ['الجمعة', 'friday'],
  ['السبت', 'saturday'],
]
// Names that are also everyday words (آب "father", أوت) count as months only in a whole date, never alone.
const NOT_ALONE = new Set(['اب', 'اوت'])

function arabicMonths(): Map<string, number> {
  const months = new Map<string, number>()
  MONTH_NAMES.forEach((names, index) => {
    for (const name of names) {
      if (/[a-z]/.test(name)) continue
      // A two-word Levantine name (كانون الثاني) is found by its first word, shared by two months: 0.
      const [first, ...rest] = normalizeArabic(name).split(' ')
      if (!first || NOT_ALONE.has(first)) continue
      months.set(first, rest.length > 0 ? 0 : index + 1)
    }
  })
  return months
}

/** Gregorian month names as written in Arabic, normalized, with their number (0 when the word alone is ambiguous). */
export const ARABIC_MONTHS: ReadonlyMap<string, number> = arabicMonths()

const ENGLISH_ABBREVIATIONS = /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/

/** English month names (in full) and their number. */
export const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.map((names, index) => [names.find((name) => /^[a-z]{3,}$/.test(name) && !ENGLISH_ABBREVIATIONS.test(name))!, index + 1]),
)

/** Weekday names, normalized, Arabic (with and without the article) and English. */
export const WEEKDAYS: ReadonlySet<string> = new Set(
  WEEKDAY_NAMES.flatMap((names) => names.map((name) => normalizeArabic(name))).flatMap((name) => (name.startsWith('ال') ? [name, name.slice(2)] : [name])),
)

/** True for a four-digit number that reads as a year. */
export function isYear(normalized: string): boolean {
  return /^(1[5-9]|20)\d\d$/.test(normalized)
}
