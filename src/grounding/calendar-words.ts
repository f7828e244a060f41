import { MONTH_NAMES, WEEKDAY_NAMES } from '../text/calendar-words.js'
import { normalizeArabic } from '../text/normalize-arabic.js'

// These forms are also ordinary words (مارس "practised", آب "father", may, mar, ماي); they count
// as months only next to a number.
const AMBIGUOUS = new Set(['مارس', 'اب', 'ماي', 'اوت', 'may', 'mar', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'])

/** A month or weekday name found in a token sequence. */
export interface CalendarWord {
  /** `month:5` or `weekday:4` (Sunday is 0). */
  id: string
  first: number
  last: number
}

interface CalendarForm {
  id: string
  words: string[]
  ambiguous: boolean
}

const FORMS: CalendarForm[] = [
  ...MONTH_NAMES.flatMap((names, index) => names.map((name) => toForm(`month:${index + 1}`, name))),
  ...WEEKDAY_NAMES.flatMap((names, index) => names.map((name) => toForm(`weekday:${index}`, name))),
].sort((first, second) => second.words.length - first.words.length)

const FORMS_BY_FIRST_WORD = new Map<string, CalendarForm[]>()
for (const form of FORMS) FORMS_BY_FIRST_WORD.set(form.words[0]!, [...(FORMS_BY_FIRST_WORD.get(form.words[0]!) ?? []), form])

function toForm(id: string, name: string): CalendarForm {
  const words = normalizeArabic(name).split(' ')
  return { id, words, ambiguous: words.length === 1 && AMBIGUOUS.has(words[0]!) }
}

/** Month and weekday names in normalized words (with an optional و/ب/ل/ف proclitic), longest first. */
export function findCalendarWords(words: readonly string[], isNumber: (index: number) => boolean): CalendarWord[] {
  const found: CalendarWord[] = []
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!
    const forms = [...(FORMS_BY_FIRST_WORD.get(word) ?? []), ...(/^[وبلف]/.test(word) ? (FORMS_BY_FIRST_WORD.get(word.slice(1)) ?? []) : [])]
    for (const form of forms) {
      if (!matchesAt(words, index, form.words)) continue
      const last = index + form.words.length - 1
      if (form.ambiguous && !isNumber(index - 1) && !isNumber(last + 1)) continue
      found.push({ id: form.id, first: index, last })
      index = last
      break
    }
  }
  return found
}

function matchesAt(words: readonly string[], index: number, form: readonly string[]): boolean {
  return form.every((part, offset) => {
    const word = words[index + offset]
    if (word === undefined) return false
    if (word === part) return true
    return offset === 0 && /^[وبلف]/.test(word) && word.slice(1) === part
  })
}
