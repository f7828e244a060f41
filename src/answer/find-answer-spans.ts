import { areAdjacent as adjacent, findDateSpans, isDateCore, type TokenSpan } from '../text/find-date-spans.js'
import { isPersonRole } from '../text/person-roles.js'
import type { Token } from '../text/tokenize.js'

// Date spans are found in the text stage (the source guide's timeline needs them at index time).
export { findDateSpans, type TokenSpan }


// Number words that open a count: عشر سنوات، ثلاثة أشهر، عشرات الخلايا.
const NUMBER_WORDS = new Set([
  'واحد', 'اثنان', 'اثنين', 'ثلاث', 'ثلاثه', 'اربع', 'اربعه', 'خمس', 'خمسه', 'ست', 'سته', 'سبع', 'سبعه', 'ثماني', 'ثمانيه',
  'تسع', 'تسعه', 'عشر', 'عشره', 'عشرون', 'عشرين', 'ثلاثون', 'ثلاثين', 'اربعون', 'اربعين', 'خمسون', 'خمسين', 'مئه', 'مائه',
  'مئات', 'الف', 'الاف', 'عشرات', 'مليون', 'ملايين', 'مليار', 'ثلاثمئه', 'ستون', 'ستين', 'سبعون', 'سبعين', 'ثمانون', 'ثمانين',
  'تسعون', 'تسعين', 'احد', 'اثنا', 'اثني', 'ثمان', 'مئتان', 'مئتين', 'الفان', 'الفين', 'نصف', 'ربع', 'ثلث',
])

// Words that cannot be the noun a number counts (the stopword list also holds سنة and عام, which can).
const PARTICLES = new Set(['في', 'من', 'علي', 'الي', 'عن', 'او', 'ثم', 'حتي', 'منذ', 'مع', 'الا', 'ان', 'لا', 'ما', 'لم', 'لن', 'قد', 'هو', 'هي', 'و', 'and', 'or', 'in', 'of', 'to'])

/**
 * Counts and amounts: a number that is not a year or a day of a date, written in digits or in words
 * ("ثلاثة عشر", "خمسة وعشرين"), with the noun it counts or its unit (40 دولة, 3.5 مليار دولار, 225 سنة).
 */
export function findCountSpans(tokens: readonly Token[], text: string, documentOffset = 0): TokenSpan[] {
  const inDates = new Set<number>()
  for (const span of findDateSpans(tokens, text, documentOffset)) {
    for (let index = span.firstToken; index <= span.lastToken; index++) inDates.add(index)
  }
  const spans: TokenSpan[] = []
  let index = 0
  while (index < tokens.length) {
    const token = tokens[index]!
    if (!isNumeral(token) || inDates.has(index)) {
      index++
      continue
    }
    // One number may take several words: "ثلاثة عشر", "خمسة وعشرين", "3.5 مليار".
    let last = index
    while (last + 1 < tokens.length && !inDates.has(last + 1) && isNumeral(tokens[last + 1]!, true) && adjacent(text, tokens[last]!, tokens[last + 1]!, documentOffset)) last++
    const next = tokens[last + 1]
    const counted = next && !next.isNumber && !PARTICLES.has(next.normalized) && adjacent(text, tokens[last]!, next, documentOffset) ? next : undefined
    const digits = tokens.slice(index, last + 1).some((part) => part.isNumber)
    if (digits || counted || last > index) {
      let end = counted ? last + 1 : last
      // A unit of two words: "مليار دولار", "ألف طن".
      const unit = tokens[end + 1]
      if (counted && MAGNITUDES.has(counted.normalized) && unit && !unit.isStopword && !unit.isNumber && adjacent(text, counted, unit, documentOffset)) end++
      spans.push({ start: token.start, end: extendOverPercent(text, tokens[end]!.end, documentOffset), firstToken: index, lastToken: end })
    }
    index = last + 1
  }
  return spans
}

const MAGNITUDES = new Set(['الف', 'الاف', 'مليون', 'ملايين', 'مليار', 'مليارات', 'تريليون', 'million', 'billion', 'thousand'])

// A number word, or (inside a number) a word joined by و: "وعشرين".
function isNumeral(token: Token, continuing = false): boolean {
  if (token.isNumber || NUMBER_WORDS.has(token.normalized)) return true
  return continuing && (MAGNITUDES.has(token.normalized) || (token.normalized.startsWith('و') && NUMBER_WORDS.has(token.normalized.slice(1))))
}

// "7.2%" keeps its sign; the tokenizer drops it as punctuation.
function extendOverPercent(text: string, end: number, documentOffset: number): number {
  const next = text[end - documentOffset]
  return next === '%' || next === '٪' ? end + 1 : end
}

// A nisba adjective after a role noun: "السويدي", "الفرنسية" (normalized الفرنسيه), "الهندي".
function isNisbaAdjective(token: Token): boolean {
  return token.normalized.startsWith('ال') && /(ي|يه|يين|يون|يات)$/.test(token.normalized) && !token.isStopword
}

/**
 * Person names introduced by a role or title, possibly with nisba adjectives between them: "السفير
 * سعد العلمي", "المخرج السويدي روبن أوستلوند", "الرئيس الصيني شي جينبينغ"; up to three name words,
 * the first without the article, none of them a stopword, a number or another role.
 */
export function findNameSpans(tokens: readonly Token[], text: string, documentOffset = 0): TokenSpan[] {
  const spans: TokenSpan[] = []
  const joined = (left: Token, right: Token) => /^[\s“”"«»]*$/.test(text.slice(left.end - documentOffset, right.start - documentOffset))
  tokens.forEach((token, index) => {
    if (!isPersonRole(token.normalized)) return
    let first = index + 1
    while (first < tokens.length && first <= index + 2 && isNisbaAdjective(tokens[first]!) && joined(tokens[first - 1]!, tokens[first]!)) first++
    let last = first - 1
    for (let next = first; next <= first + 2 && next < tokens.length; next++) {
      const candidate = tokens[next]!
      if (!joined(tokens[next - 1]!, candidate) || candidate.isStopword || candidate.isNumber || isPersonRole(candidate.normalized)) break
      // A name starts without the article; a later part may have it (سعد العلمي).
      if (next === first && candidate.normalized.startsWith('ال')) break
      last = next
    }
    if (last >= first) spans.push({ start: tokens[first]!.start, end: tokens[last]!.end, firstToken: first, lastToken: last })
  })
  return spans
}

/** Short spans in “quotation marks” or «guillemets» (names, places, coined terms), up to four words. */
export function findQuotedSpans(text: string, documentOffset = 0): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  for (const match of text.matchAll(/[“«"]([^”»"\n]{2,60})[”»"]/g)) {
    if (match[1]!.trim().split(/\s+/).length > 4) continue
    const start = documentOffset + match.index + 1
    spans.push({ start, end: start + match[1]!.length })
  }
  return spans
}

// Nouns that name a kind of place; the words after them are its name ("مدينة جدة", "عاصمة جنوب أفريقيا").
const PLACE_NOUNS = new Set([
  'مدينه', 'المدينه', 'عاصمه', 'العاصمه', 'منطقه', 'ولايه', 'محافظه', 'اقليم', 'بلده', 'قريه', 'جزيره', 'مقاطعه', 'دوله', 'جمهوريه', 'مملكه', 'قاره',
  'city', 'capital', 'province', 'state', 'region', 'town', 'village',
])
// Locative prepositions, standing alone or glued to the name (بواشنطن).
const LOCATIVES = new Set(['في', 'الي', 'من', 'بين', 'قرب', 'داخل', 'in', 'at', 'to', 'from', 'near'])

/**
 * Place names without quotation marks: the words after a place noun ("مدينة جوهانسبرغ"), or a word
 * with no article after a locative preposition ("في باكستان", "بواشنطن"). Common nouns pass this test
 * too ("في إطار"); the answerer's ranker and the question's words decide among the candidates.
 */
export function findPlaceSpans(tokens: readonly Token[], text: string, documentOffset = 0): TokenSpan[] {
  const spans: TokenSpan[] = []
  const isNameWord = (token: Token | undefined) => token !== undefined && !token.isStopword && !token.isNumber && !isDateCore(token) && token.normalized.length >= 3
  tokens.forEach((token, index) => {
    const next = tokens[index + 1]
    if (PLACE_NOUNS.has(token.normalized) && isNameWord(next) && adjacent(text, token, next!, documentOffset)) {
      const after = tokens[index + 2]
      // A second word joins the name when it agrees in the article: "جنوب أفريقيا", "الدار البيضاء".
      const agrees = after !== undefined && after.normalized.startsWith('ال') === next!.normalized.startsWith('ال')
      const last = after && agrees && isNameWord(after) && after.normalized.length >= 4 && adjacent(text, next!, after, documentOffset) && !PLACE_NOUNS.has(after.normalized) ? index + 2 : index + 1
      spans.push({ start: next!.start, end: tokens[last]!.end, firstToken: index + 1, lastToken: last })
      return
    }
    if (LOCATIVES.has(token.normalized) && isNameWord(next) && !next!.normalized.startsWith('ال') && !PLACE_NOUNS.has(next!.normalized) && adjacent(text, token, next!, documentOffset)) {
      spans.push({ start: next!.start, end: next!.end, firstToken: index + 1, lastToken: index + 1 })
      return
    }
    // "بواشنطن", "وبباريس": a glued ب or في-less locative before a name without the article.
    const glued = /^(?:و|ف)?ب([\u0621-\u064A]{3,})$/.exec(token.normalized)
    if (glued && !token.isStopword && !glued[1]!.startsWith('ال') && !isDateCore(token)) {
      const prefix = token.normalized.length - glued[1]!.length
      spans.push({ start: token.start + prefix, end: token.end, firstToken: index, lastToken: index })
    }
  })
  return spans
}

// Words and verbs that give a reason: particles (لأن، كي), nouns (بسبب، نتيجة، جراء، إثر، بفعل) and
// attribution verbs (عزا، أرجع … إلى، يعود إلى). The stem-free forms are listed because they are few.
const CAUSAL_MARKERS = new Set([
  'لان', 'لانه', 'لانها', 'لانهم', 'بسبب', 'سبب', 'باعتبار', 'كون', 'نظرا', 'لكي', 'كي', 'اجل', 'لذلك', 'لهذا', 'بفضل', 'نتيجه', 'نتيجة',
  'جراء', 'اثر', 'بفعل', 'بداعي', 'عزا', 'عزت', 'يعزو', 'تعزو', 'عزوا', 'ارجع', 'ارجعت', 'يرجع', 'ترجع', 'ارجعوا', 'يعود', 'تعود', 'مرده',
  'because', 'since', 'due', 'owing', 'result', 'attributed',
])

/** Words that give a reason (لأن، بسبب، نتيجة، عزا، أرجع), as one-token spans. */
export function findCauseSpans(tokens: readonly Token[]): TokenSpan[] {
  const spans: TokenSpan[] = []
  tokens.forEach((token, index) => {
    if (CAUSAL_MARKERS.has(token.normalized) || CAUSAL_MARKERS.has(token.normalized.replace(/^[وف]/, ''))) spans.push({ start: token.start, end: token.end, firstToken: index, lastToken: index })
  })
  return spans
}
