import { ARABIC_MONTHS, ENGLISH_MONTHS, isYear, WEEKDAYS } from './calendar-words.js'
import type { Token } from './tokenize.js'

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

const TWO_WORD_MONTHS = new Set(['كانون', 'تشرين'])
const MONTH_SECOND_WORDS = new Set(['الاول', 'الثاني'])

function isMonth(token: Token): boolean {
  return ARABIC_MONTHS.has(token.normalized) || ENGLISH_MONTHS.has(token.normalized)
}

/** A month, a weekday or a year: a token that makes a run of numbers and glue a date. */
export function isDateCore(token: Token): boolean {
  return isMonth(token) || WEEKDAYS.has(token.normalized) || (token.isNumber && isYear(token.normalized))
}

function isDatePart(token: Token): boolean {
  if (isDateCore(token) || DATE_GLUE.has(token.normalized)) return true
  return token.isNumber && Number(token.normalized) >= 1 && Number(token.normalized) <= 31
}

/** Whether two tokens belong to one expression: only spaces, a slash or a dash separate them. */
export function areAdjacent(text: string, left: Token, right: Token, documentOffset: number): boolean {
  return /^[\s/\-–]*$/.test(text.slice(left.end - documentOffset, right.start - documentOffset))
}

/** Date expressions (2 مايو 2011, الخميس7 أغسطس 2014, يونيو الماضي, 11 سبتمبر/أيلول2001) in a token run. */
export function findDateSpans(tokens: readonly Token[], text: string, documentOffset = 0): TokenSpan[] {
  const spans: TokenSpan[] = []
  // The second word of a two-word month name (كانون الثاني، تشرين الأول) belongs to the date.
  const secondWords = new Set(tokens.flatMap((token, index) => (TWO_WORD_MONTHS.has(tokens[index - 1]?.normalized ?? '') && MONTH_SECOND_WORDS.has(token.normalized) ? [token] : [])))
  for (const run of findRuns(tokens, text, documentOffset, (token) => isDatePart(token) || secondWords.has(token))) {
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

function findRuns(tokens: readonly Token[], text: string, documentOffset: number, belongs: (token: Token) => boolean): TokenSpan[] {
  const runs: TokenSpan[] = []
  let first = -1
  tokens.forEach((token, index) => {
    const continues = first !== -1 && belongs(token) && areAdjacent(text, tokens[index - 1]!, token, documentOffset)
    if (continues) return
    if (first !== -1) runs.push({ start: tokens[first]!.start, end: tokens[index - 1]!.end, firstToken: first, lastToken: index - 1 })
    first = belongs(token) ? index : -1
  })
  if (first !== -1) runs.push({ start: tokens[first]!.start, end: tokens.at(-1)!.end, firstToken: first, lastToken: tokens.length - 1 })
  return runs
}
