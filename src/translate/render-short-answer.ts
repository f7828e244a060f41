import { ARABIC_MONTHS, ENGLISH_MONTHS, isYear } from '../text/calendar-words.js'
import { tokenize, type Token } from '../text/tokenize.js'

/** What is known, besides the Arabic, for rendering a short answer to an English reader. */
export interface RenderingClues {
  /** The question's own English words (or names), by the Arabic stems they were translated to. */
  englishByStem: ReadonlyMap<string, string>
  /** The noun a "how many" question counts, as the reader wrote it ("countries"). */
  countedNoun: string | null
  /** Whether the answer is a name (a person or place question): unknown words are then romanized. */
  expectsName: boolean
  /** An English name for an Arabic word (normalized), only when its spelling matches (جيمس → James). */
  findName: (normalizedArabic: string) => string | null
  /** An English word for an Arabic word (normalized) from the dictionaries, or null. */
  translateWord: (normalizedArabic: string) => string | null
}

const ENGLISH_MONTH_NAMES = [...ENGLISH_MONTHS.keys()].map(capitalize)
const WEEKDAY_NAMES: ReadonlyMap<string, string> = new Map([
  ['السبت', 'Saturday'], ['الاحد', 'Sunday'], ['الاثنين', 'Monday'], ['الثلاثاء', 'Tuesday'], ['الاربعاء', 'Wednesday'],
  ['الخميس', 'Thursday'], ['الجمعه', 'Friday'],
])
// Words inside a date that an English date leaves out, or marks ("يونيو الماضي" → "June (last)").
const DATE_GLUE = new Set(['سنه', 'عام', 'العام', 'يوم', 'من', 'هذا', 'شهر'])
const RELATIVE_DATE: ReadonlyMap<string, string> = new Map([['الماضي', '(last)'], ['المقبل', '(next)'], ['القادم', '(next)']])
// Regnal numbers after a name: "محمد السادس" → "Mohammed VI".
const REGNAL_NUMBERS: ReadonlyMap<string, string> = new Map([
  ['الاول', 'I'], ['الثاني', 'II'], ['الثالث', 'III'], ['الرابع', 'IV'], ['الخامس', 'V'], ['السادس', 'VI'], ['السابع', 'VII'],
  ['الثامن', 'VIII'], ['التاسع', 'IX'], ['العاشر', 'X'],
])

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

function weekdayOf(token: Token): string | undefined {
  return WEEKDAY_NAMES.get(token.normalized) ?? WEEKDAY_NAMES.get(`ال${token.normalized}`)
}

function isDateWord(token: Token): boolean {
  return token.isNumber || ARABIC_MONTHS.has(token.normalized) || weekdayOf(token) !== undefined || DATE_GLUE.has(token.normalized) || RELATIVE_DATE.has(token.normalized)
}

function renderDate(tokens: readonly Token[]): string | null {
  const parts: string[] = []
  for (const token of tokens) {
    const month = ARABIC_MONTHS.get(token.normalized)
    if (month !== undefined) {
      const name = ENGLISH_MONTH_NAMES[month - 1]
      // "سبتمبر/أيلول": two names of one month.
      if (name && parts.at(-1) !== name) parts.push(name)
      continue
    }
    const rendered = token.isNumber ? token.normalized : (weekdayOf(token) ?? RELATIVE_DATE.get(token.normalized))
    if (rendered) parts.push(rendered)
  }
  return parts.some((part) => /\d|[A-Z][a-z]/.test(part)) ? parts.join(' ') : null
}

/** A simple English plural, for a noun found in a dictionary ("year" → "years", "country" → "countries"). */
export function pluralize(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`
  return `${noun}s`
}

function renderCount(tokens: readonly Token[], clues: RenderingClues): string | null {
  const [number, ...rest] = tokens
  if (!number) return null
  if (rest.length === 0) return number.normalized
  if (clues.countedNoun) return `${number.normalized} ${clues.countedNoun}`
  const nouns = rest.map((token) => clues.englishByStem.get(token.stem) ?? null)
  if (nouns.every((noun) => noun !== null)) return [number.normalized, ...nouns].join(' ')
  const translated = rest.map((token) => clues.translateWord(token.normalized))
  if (translated.some((word) => word === null)) return null
  const [noun, ...others] = translated as string[]
  return [number.normalized, Number(number.normalized) === 1 ? noun : pluralize(noun!), ...others].join(' ')
}

const ROMAN_LETTERS: Record<string, string> = {
  'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'sh',
  'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h',
  'ة': 'a', 'ى': 'a', 'أ': 'a', 'إ': 'i', 'آ': 'aa', 'ء': '', 'ؤ': '', 'ئ': '',
}

/**
 * A readable romanization of an Arabic name (سعد العلمي → "Saad al-Alami"): the article becomes
 * "al-", و and ي are vowels between consonants, and a word written without long vowels gets "a"
 * between its consonants, as Arabic leaves short vowels unwritten.
 */
export function romanizeArabicName(word: string): string {
  const letters = word.replace(/[\u064B-\u065F\u0670\u0640]/g, '')
  const article = /^ال(?=..)/.test(letters)
  const body = article ? letters.slice(2) : letters
  const hasLongVowel = /[اويآ]/.test(body.slice(0, -1))
  let roman = ''
  let previousConsonant = false
  ;[...body].forEach((letter, position) => {
    const last = position === body.length - 1
    let sound: string
    let consonant: boolean
    if (letter === 'ا') [sound, consonant] = ['a', false]
    else if (letter === 'ع') [sound, consonant] = [previousConsonant || position === 0 ? 'a' : '', false]
    else if (letter === 'و') [sound, consonant] = previousConsonant ? ['u', false] : ['w', true]
    else if (letter === 'ي') [sound, consonant] = previousConsonant || last ? ['i', false] : ['y', true]
    else [sound, consonant] = [ROMAN_LETTERS[letter] ?? '', true]
    if (letter === 'ع' && previousConsonant) sound = 'aa'
    if (consonant && previousConsonant && !hasLongVowel) roman += 'a'
    roman += sound
    previousConsonant = consonant
  })
  const name = capitalize(roman)
  return article ? `al-${name}` : name
}

function renderName(tokens: readonly Token[], clues: RenderingClues): string | null {
  const words: string[] = []
  for (const [position, token] of tokens.entries()) {
    if (token.isNumber) {
      words.push(token.normalized)
      continue
    }
    const regnal = position > 0 ? REGNAL_NUMBERS.get(token.normalized) : undefined
    const known = clues.englishByStem.get(token.stem) ?? regnal ?? clues.findName(token.normalized)
    if (known) {
      words.push(known)
      continue
    }
    if (!clues.expectsName) return null
    words.push(romanizeArabicName(token.normalized))
  }
  return words.length > 0 ? words.join(' ') : null
}

/**
 * Renders an Arabic short answer for an English reader: dates with months and weekdays in English
 * ("الخميس7 أغسطس 2014" → "Thursday 7 August 2014", "يونيو الماضي" → "June (last)"), counts with their
 * noun ("40 دولة" → "40 countries"), names from the question, the dictionaries or romanized
 * ("جيمس فولي" → "James Foley"). Returns null when it cannot render the answer faithfully.
 */
export function renderShortAnswer(arabic: string, clues: RenderingClues): string | null {
  const tokens = tokenize(arabic)
  if (tokens.length === 0) return null
  const whole = clues.englishByStem.get(tokens.map((token) => token.stem).join(' '))
  if (whole) return whole
  const hasDateCore = tokens.some((token) => ARABIC_MONTHS.has(token.normalized) || weekdayOf(token) !== undefined || (token.isNumber && isYear(token.normalized)))
  if (hasDateCore && tokens.every(isDateWord)) {
    const date = renderDate(tokens)
    if (date) return date
  }
  if (tokens[0]!.isNumber && tokens.slice(1).every((token) => !token.isNumber)) return renderCount(tokens, clues)
  return renderName(tokens, clues)
}
