import { ARABIC_MONTHS, ENGLISH_MONTHS, isYear, WEEKDAYS } from '../text/calendar-words.js'
import type { Token } from '../text/tokenize.js'

/** A run of tokens, by offsets into the document. */
export interface TokenSpan {
  start: number
  end: number
  firstToken: number
  lastToken: number
}

const DATE_GLUE = new Set(['سنه', 'عام', 'العام', 'يوم', 'من', 'هذا', 'هذه', 'الماضي', 'المقبل', 'of', 'year', 'on', 'this'])
// Glue that may end a date ("يونيو الماضي"); the others only join its parts ("سبتمبر من هذا العام 2014").
const DATE_ENDINGS = new Set(['الماضي', 'المقبل'])
const PERSON_TITLES = new Set([
  'السفير', 'الملك', 'الرئيس', 'الصحفي', 'الصحافي', 'الوزير', 'وزير', 'الامير', 'الشيخ', 'الجنرال', 'زعيم', 'الزعيم', 'الناطق',
  'المتحدث', 'العاهل', 'رئيس', 'السيد', 'الدكتور', 'القائد', 'المندوب',
])

function isMonth(token: Token): boolean {
  return ARABIC_MONTHS.has(token.normalized) || ENGLISH_MONTHS.has(token.normalized)
}

function isDateCore(token: Token): boolean {
  return isMonth(token) || WEEKDAYS.has(token.normalized) || (token.isNumber && isYear(token.normalized))
}

function isDatePart(token: Token): boolean {
  if (isDateCore(token) || DATE_GLUE.has(token.normalized)) return true
  return token.isNumber && Number(token.normalized) >= 1 && Number(token.normalized) <= 31
}

// Two tokens belong to one expression when only spaces or a slash separate them.
function adjacent(text: string, left: Token, right: Token, documentOffset: number): boolean {
  return /^[\s/\-–]*$/.test(text.slice(left.end - documentOffset, right.start - documentOffset))
}

/** Date expressions (2 مايو 2011, الخميس7 أغسطس 2014, يونيو الماضي, 11 سبتمبر/أيلول2001) in a token run. */
export function findDateSpans(tokens: readonly Token[], text: string, documentOffset = 0): TokenSpan[] {
  const spans: TokenSpan[] = []
  for (const run of findRuns(tokens, text, documentOffset, isDatePart)) {
    let first = run.firstToken
    // "يوم الخميس" and "عام 2014" start with a glue word that is not part of the answer.
    let last = run.lastToken
    while (first < last && DATE_GLUE.has(tokens[first]!.normalized)) first++
    while (last > first && DATE_GLUE.has(tokens[last]!.normalized) && !DATE_ENDINGS.has(tokens[last]!.normalized)) last--
    if (!tokens.slice(first, last + 1).some(isDateCore)) continue
    spans.push({ start: tokens[first]!.start, end: tokens[last]!.end, firstToken: first, lastToken: last })
  }
  return spans
}

// Number words that open a count: عشر سنوات، ثلاثة أشهر، عشرات الخلايا.
const NUMBER_WORDS = new Set([
  'واحد', 'اثنان', 'اثنين', 'ثلاث', 'ثلاثه', 'اربع', 'اربعه', 'خمس', 'خمسه', 'ست', 'سته', 'سبع', 'سبعه', 'ثماني', 'ثمانيه',
  'تسع', 'تسعه', 'عشر', 'عشره', 'عشرون', 'عشرين', 'ثلاثون', 'ثلاثين', 'اربعون', 'اربعين', 'خمسون', 'خمسين', 'مئه', 'مائه',
  'مئات', 'الف', 'الاف', 'عشرات', 'مليون', 'ملايين', 'مليار',
])

// Words that cannot be the noun a number counts (the stopword list also holds سنة and عام, which can).
const PARTICLES = new Set(['في', 'من', 'علي', 'الي', 'عن', 'او', 'ثم', 'حتي', 'منذ', 'مع', 'الا', 'ان', 'لا', 'ما', 'لم', 'لن', 'قد', 'هو', 'هي', 'و', 'and', 'or', 'in', 'of', 'to'])

/** Counts: a number that is not a year or a day of a date, with the noun it counts (40 دولة, 225 سنة). */
export function findCountSpans(tokens: readonly Token[], text: string, documentOffset = 0): TokenSpan[] {
  const inDates = new Set<number>()
  for (const span of findDateSpans(tokens, text, documentOffset)) {
    for (let index = span.firstToken; index <= span.lastToken; index++) inDates.add(index)
  }
  const spans: TokenSpan[] = []
  tokens.forEach((token, index) => {
    if (!(token.isNumber || NUMBER_WORDS.has(token.normalized)) || inDates.has(index)) return
    const next = tokens[index + 1]
    const counted = next && !next.isNumber && !PARTICLES.has(next.normalized) && adjacent(text, token, next, documentOffset) ? next : undefined
    if (!token.isNumber && !counted) return
    const last = counted ? index + 1 : index
    spans.push({ start: token.start, end: tokens[last]!.end, firstToken: index, lastToken: last })
  })
  return spans
}

/** Person names introduced by a title (السفير سعد العلمي, الملك محمد السادس) or quoted after one. */
export function findNameSpans(tokens: readonly Token[], text: string, documentOffset = 0): TokenSpan[] {
  const spans: TokenSpan[] = []
  tokens.forEach((token, index) => {
    if (!PERSON_TITLES.has(token.normalized)) return
    let last = index
    for (let next = index + 1; next <= index + 3 && next < tokens.length; next++) {
      const candidate = tokens[next]!
      const gap = text.slice(tokens[next - 1]!.end - documentOffset, candidate.start - documentOffset)
      if (!/^[\s“”"]*$/.test(gap) || candidate.isStopword || candidate.isNumber || PERSON_TITLES.has(candidate.normalized)) break
      // A name starts without the article; a later part may have it (سعد العلمي).
      if (next === index + 1 && candidate.normalized.startsWith('ال')) break
      last = next
    }
    if (last > index) spans.push({ start: tokens[index + 1]!.start, end: tokens[last]!.end, firstToken: index + 1, lastToken: last })
  })
  return spans
}

/** Short spans in “quotation marks” (names, places, coined terms), up to four words. */
export function findQuotedSpans(text: string, documentOffset = 0): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  for (const match of text.matchAll(/“([^”\n]{2,60})”/g)) {
    if (match[1]!.trim().split(/\s+/).length > 4) continue
    const start = documentOffset + match.index + 1
    spans.push({ start, end: start + match[1]!.length })
  }
  return spans
}

function findRuns(tokens: readonly Token[], text: string, documentOffset: number, belongs: (token: Token) => boolean): TokenSpan[] {
  const runs: TokenSpan[] = []
  let first = -1
  tokens.forEach((token, index) => {
    const continues = first !== -1 && belongs(token) && adjacent(text, tokens[index - 1]!, token, documentOffset)
    if (continues) return
    if (first !== -1) runs.push({ start: tokens[first]!.start, end: tokens[index - 1]!.end, firstToken: first, lastToken: index - 1 })
    first = belongs(token) ? index : -1
  })
  if (first !== -1) runs.push({ start: tokens[first]!.start, end: tokens.at(-1)!.end, firstToken: first, lastToken: tokens.length - 1 })
  return runs
}

const CAUSAL_MARKERS = new Set(['لان', 'لانه', 'لانها', 'بسبب', 'باعتبار', 'كون', 'نظرا', 'لكي', 'كي', 'اجل', 'لذلك', 'لهذا', 'بفضل', 'because', 'since', 'due'])

/** Words that give a reason (لأن، بسبب، باعتبار، كون، من أجل), as one-token spans. */
export function findCauseSpans(tokens: readonly Token[]): TokenSpan[] {
  const spans: TokenSpan[] = []
  tokens.forEach((token, index) => {
    if (CAUSAL_MARKERS.has(token.normalized)) spans.push({ start: token.start, end: token.end, firstToken: index, lastToken: index })
  })
  return spans
}
