import { normalizeArabic } from './normalize-arabic.js'
import { stemWord } from './stem-word.js'
import { isStopword } from './stopwords.js'

/** A word of the original text with its exact offsets and its normalized and stemmed forms. */
export interface Token {
  start: number
  end: number
  normalized: string
  stem: string
  /** The stem without a one-letter proclitic (ف ب ل ك, after an optional و) that Light10 keeps: فداعش → داعش. */
  cliticFreeStem: string | null
  isStopword: boolean
  isNumber: boolean
}

// Arabic letters (with marks and tatweel), Latin words, or digit runs: a change of script splits a word,
// so "الخميس7" and "أيلول2001" give two tokens each.
const WORD = /[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+|[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?|[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,][0-9\u0660-\u0669\u06F0-\u06F9]+)*/g

type TokenForms = Omit<Token, 'start' | 'end'>

// The same words recur in every text: their forms are worked out once (a bounded memo).
const WORD_MEMO_SIZE = 50_000
const formsOfWord = new Map<string, TokenForms | null>()

function describeToken(written: string): TokenForms | null {
  let forms = formsOfWord.get(written)
  if (forms !== undefined) return forms
  const normalized = normalizeArabic(written)
  if (normalized.length === 0) {
    forms = null
  } else {
    const isNumber = /^[0-9]/.test(normalized)
    const stem = isNumber ? normalized.replace(/,/g, '') : stemWord(normalized)
    forms = { normalized, stem, cliticFreeStem: isNumber ? null : stripProclitic(normalized, stem), isStopword: isStopword(normalized), isNumber }
  }
  if (formsOfWord.size >= WORD_MEMO_SIZE) formsOfWord.clear()
  formsOfWord.set(written, forms)
  return forms
}

/** Splits text into word tokens that keep their offsets into `text`. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const forms = describeToken(match[0])
    if (!forms) continue
    tokens.push({ start: offset + match.index, end: offset + match.index + match[0].length, ...forms })
  }
  return tokens
}

const PROCLITIC = /^و?[فبلك](?=[\u0621-\u064A]{4})/

function stripProclitic(normalized: string, stem: string): string | null {
  if (!PROCLITIC.test(normalized)) return null
  const alternative = stemWord(normalized.replace(PROCLITIC, ''))
  return alternative !== stem ? alternative : null
}

/** The stems of the content words of a text, with proclitic-free alternatives: what lexical indexing compares. */
export function contentStems(text: string): string[] {
  const stems: string[] = []
  for (const token of tokenize(text)) {
    if (token.isStopword || (!token.isNumber && token.stem.length < 2)) continue
    stems.push(token.stem)
    if (token.cliticFreeStem) stems.push(token.cliticFreeStem)
  }
  return stems
}
