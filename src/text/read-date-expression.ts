import { ARABIC_MONTHS, ENGLISH_MONTHS, isYear, WEEKDAY_NAMES } from './calendar-words.js'
import { normalizeArabic } from './normalize-arabic.js'
import type { Token } from './tokenize.js'

/**
 * What a date expression says, before it is placed on a calendar: the parts it writes and how it is
 * anchored. `relative` is `past` for "يونيو الماضي", `next` for "سبتمبر المقبل", `this` for "هذا العام",
 * `same` for "من العام نفسه" (the year of the date before it), null for an absolute date.
 */
export interface DateReading {
  year: number | null
  month: number | null
  day: number | null
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number | null
  relative: 'past' | 'next' | 'this' | 'same' | null
}

const WEEKDAY_NUMBERS: ReadonlyMap<string, number> = new Map(
  WEEKDAY_NAMES.flatMap((names, number) =>
    names.map((name) => normalizeArabic(name)).flatMap((name) => (name.startsWith('ال') ? [[name, number], [name.slice(2), number]] : [[name, number]])) as [string, number][],
  ),
)
const PAST = new Set(['الماضي', 'المنصرم', 'الفائت', 'last'])
const NEXT = new Set(['المقبل', 'القادم', 'next'])
const THIS = new Set(['هذا', 'هذه', 'الجاري', 'الحالي', 'this'])
const YEAR_WORDS = new Set(['العام', 'عام', 'السنه', 'سنه', 'year'])
const SAME = new Set(['نفسه', 'ذاته', 'نفس', 'ذات', 'same'])
// Levantine month names of two words share their first word: كانون الثاني (January), كانون الأول (December).
const SECOND_WORDS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  ['كانون', new Map([['الثاني', 1], ['الاول', 12]])],
  ['تشرين', new Map([['الاول', 10], ['الثاني', 11]])],
])

/**
 * Reads the tokens of a date expression (as found by `findDateSpans`) and up to three tokens after
 * it, which may anchor it ("من العام نفسه"). Day numbers count only beside a month.
 */
export function readDateExpression(tokens: readonly Token[], following: readonly Token[] = []): DateReading {
  const reading: DateReading = { year: null, month: null, day: null, weekday: null, relative: null }
  let pendingDay: number | null = null
  tokens.forEach((token, position) => {
    const word = token.normalized
    if (token.isNumber) {
      const value = Number(word)
      if (isYear(word)) reading.year ??= value
      else if (value >= 1 && value <= 31) pendingDay = value
      return
    }
    const month = ARABIC_MONTHS.get(word) ?? ENGLISH_MONTHS.get(word)
    if (month !== undefined && reading.month === null) {
      reading.month = month === 0 ? (SECOND_WORDS.get(word)?.get(tokens[position + 1]?.normalized ?? '') ?? null) : month
      if (pendingDay !== null) reading.day = pendingDay
      pendingDay = null
      return
    }
    if (WEEKDAY_NUMBERS.has(word)) reading.weekday = WEEKDAY_NUMBERS.get(word)!
    else if (PAST.has(word)) reading.relative = 'past'
    else if (NEXT.has(word)) reading.relative = 'next'
    else if (THIS.has(word) && YEAR_WORDS.has(tokens[position + 1]?.normalized ?? '')) reading.relative = 'this'
  })
  // "في 11 مارس من العام نفسه", "في نفس العام": the year of the date mentioned before.
  const after = following.slice(0, 3).map((token) => token.normalized)
  const yearIndex = after.findIndex((word) => YEAR_WORDS.has(word))
  if (reading.year === null && yearIndex !== -1 && (SAME.has(after[yearIndex + 1] ?? '') || SAME.has(after[yearIndex - 1] ?? ''))) reading.relative = 'same'
  return reading
}
