import { createSeededRandom, deriveSeed } from '../bench/create-seeded-random.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import { segmentSentences } from '../text/segment-sentences.js'
import { isStopword } from '../text/stopwords.js'
import {
  PERTURBATION_ANTONYMS,
  PERTURBATION_COUNTRIES,
  PERTURBATION_MONTHS,
  PERTURBATION_NAMES,
  PERTURBATION_NON_ASSERTIVE_OPENERS,
  PERTURBATION_ORGANISATIONS,
  PERTURBATION_PRESENT_VERBS,
  PERTURBATION_VERBS,
} from './perturbation-lexicon.js'
import type { Perturbation, SupportPair } from './question-set.js'

/** A document to draw labelled pairs from: its paragraphs (each an exact passage) and questions answered in them. */
export interface PairSourceDocument {
  id: string
  paragraphs: readonly string[]
  /** Questions whose answer (any of `answers`, as written) lies in one paragraph. */
  questions: ReadonlyArray<{ question: string; answers: readonly string[] }>
  /** People the document names, as written (annotated by hand): the names a name swap replaces. */
  people?: readonly string[]
}

/** How many pairs of each kind to draw from one document, at most. */
export type PairQuota = Partial<Record<Perturbation, number>>

/** A quota for a long news article and for a short encyclopaedia entry. */
export const ARTICLE_QUOTA: PairQuota = {
  none: 3, clause: 3, number: 3, date: 2, 'entity-swap': 4, organisation: 1, name: 2, negation: 3, 'event-contradiction': 2,
  antonym: 2, partial: 2, unrelated: 1, 'on-question': 3, 'off-question': 3,
}
export const ENTRY_QUOTA: PairQuota = {
  none: 1, clause: 1, number: 2, date: 1, 'entity-swap': 2, organisation: 1, name: 1, negation: 1, 'event-contradiction': 1,
  antonym: 1, partial: 1, unrelated: 1, 'on-question': 2, 'off-question': 2,
}

interface Sentence {
  paragraph: number
  text: string
}

interface Candidate {
  claim: string
  paragraph: number
  notes?: string
  question?: string
}

const MIN_WORDS = 6
const MAX_WORDS = 45
const ARABIC_WORD = /[\u0621-\u064A\u0610-\u061A\u064B-\u065F\u0670\u0640]+/g

/**
 * Draws labelled (claim, passage) pairs from documents, deterministically for a seed: verbatim
 * sentences and leading clauses (supported), answer sentences of a question (supported, with the
 * question), and perturbations that make a claim unsupported: a changed number, month, country or
 * nationality adjective in whatever inflection it is written, organisation, person's name, a negated
 * verb, a "did not" turned into "did", an antonym, a fact from elsewhere added, a sentence of
 * another document, or a sentence of the passage that does not answer the question.
 */
export function generateSupportPairs(documents: readonly PairSourceDocument[], quotaOf: (document: PairSourceDocument) => PairQuota, seed: number): SupportPair[] {
  const pairs: SupportPair[] = []
  documents.forEach((document, documentIndex) => {
    const random = createSeededRandom(deriveSeed(seed, documentIndex))
    const sentences = document.paragraphs.flatMap((paragraph, index) =>
      segmentSentences(paragraph)
        .map(({ start, end }) => ({ paragraph: index, text: paragraph.slice(start, end) }))
        .filter((sentence) => between(countWords(sentence.text), MIN_WORDS, MAX_WORDS)),
    )
    const others = documents.filter((other) => other.id !== document.id)
    const quota = quotaOf(document)
    const generators: [Perturbation, boolean, () => Candidate[]][] = [
      ['none', true, () => sentences.map((sentence) => ({ claim: sentence.text, paragraph: sentence.paragraph }))],
      ['clause', true, () => sentences.flatMap((sentence) => leadingClause(sentence))],
      ['on-question', true, () => questionPairs(document, sentences, true)],
      ['number', false, () => sentences.flatMap((sentence) => swapNumber(sentence, document, random))],
      ['date', false, () => sentences.flatMap((sentence) => swapMonth(sentence, document, random))],
      ['entity-swap', false, () => sentences.flatMap((sentence) => swapCountry(sentence, document, random))],
      ['organisation', false, () => sentences.flatMap((sentence) => swapOrganisation(sentence, document, random))],
      ['name', false, () => sentences.flatMap((sentence) => swapName(sentence, document, random))],
      ['negation', false, () => sentences.flatMap((sentence) => negateVerb(sentence))],
      ['event-contradiction', false, () => sentences.flatMap((sentence) => assertNegatedEvent(sentence))],
      ['antonym', false, () => sentences.flatMap((sentence) => swapAntonym(sentence))],
      ['partial', false, () => addFactFromElsewhere(sentences, document, random)],
      ['unrelated', false, () => borrowSentence(sentences, others, random)],
      ['off-question', false, () => questionPairs(document, sentences, false)],
    ]
    for (const [perturbation, supported, generate] of generators) {
      const limit = quota[perturbation] ?? 0
      if (limit === 0) continue
      const candidates = uniqueBy(generate(), (candidate) => candidate.claim)
      for (const [index, candidate] of pick(candidates, limit, random).entries()) {
        pairs.push({
          id: `g-${document.id}-${perturbation}-${index + 1}`,
          claim: candidate.claim,
          passage: document.paragraphs[candidate.paragraph]!,
          supported,
          perturbation,
          source: document.id,
          origin: 'generated',
          ...(candidate.question ? { question: candidate.question } : {}),
          ...(candidate.notes ? { notes: candidate.notes } : {}),
        })
      }
    }
  })
  return pairs
}

function between(value: number, low: number, high: number): boolean {
  return value >= low && value <= high
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

function uniqueBy<Item>(items: readonly Item[], key: (item: Item) => string): Item[] {
  const seen = new Set<string>()
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))))
}

// A seeded partial Fisher–Yates shuffle: `count` items, in the order drawn.
function pick<Item>(items: readonly Item[], count: number, random: () => number): Item[] {
  const pool = [...items]
  const chosen: Item[] = []
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!)
  return chosen
}

function plain(word: string): string {
  return normalizeArabic(word)
}

/** The words of a text with their offsets, Arabic letters only (diacritics kept in the span). */
function arabicWords(text: string): { start: number; end: number; word: string; plain: string }[] {
  return [...text.matchAll(ARABIC_WORD)].map((match) => ({ start: match.index, end: match.index + match[0].length, word: match[0], plain: plain(match[0]) }))
}

function replaceSpan(text: string, start: number, end: number, replacement: string): string {
  return `${text.slice(0, start)}${replacement}${text.slice(end)}`
}

function mentions(passage: string, word: string): boolean {
  return normalizeArabic(passage).includes(normalizeArabic(word))
}

function leadingClause(sentence: Sentence): Candidate[] {
  const firstWord = plain(sentence.text.split(/\s+/)[0]!.replace(/^[وف]/, ''))
  if (PERTURBATION_NON_ASSERTIVE_OPENERS.some((opener) => plain(opener) === firstWord)) return []
  const comma = sentence.text.indexOf('،')
  if (comma < 0) return []
  const clause = sentence.text.slice(0, comma).trim()
  if (countWords(clause) < 7 || countWords(sentence.text.slice(comma)) < 3) return []
  return [{ claim: clause, paragraph: sentence.paragraph }]
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩'

function swapNumber(sentence: Sentence, document: PairSourceDocument, random: () => number): Candidate[] {
  const candidates: Candidate[] = []
  for (const match of sentence.text.matchAll(/[0-9٠-٩]+(?:[.,][0-9٠-٩]+)?/g)) {
    // A clock time (6:04) or a part of a longer figure is left alone.
    if (/[:\d٠-٩]/.test(sentence.text[match.index - 1] ?? '') || sentence.text[match.index + match[0].length] === ':') continue
    const indic = /[٠-٩]/.test(match[0])
    const value = Number(match[0].replace(/[٠-٩]/g, (digit) => String(ARABIC_INDIC.indexOf(digit))).replace(',', '.'))
    if (!Number.isFinite(value) || value === 0) continue
    const isYear = Number.isInteger(value) && value >= 1500 && value <= 2100
    const decimals = match[0].includes('.') || match[0].includes(',') ? match[0].split(/[.,]/)[1]!.length : 0
    const steps = isYear ? [1, 2, 3, 4, -1, -2, -3] : Number.isInteger(value) ? [1, 2, 3, 5, 10, -1, -2].map((step) => (value >= 20 ? step * Math.max(1, Math.round(value / 10)) : step)) : [0.5, 1, -0.5, 2]
    const options = steps
      .map((step) => Number((value + step).toFixed(decimals)))
      .filter((next) => next > 0 && next !== value)
      .map((next) => (decimals > 0 ? next.toFixed(decimals).replace('.', match[0].includes(',') ? ',' : '.') : String(next)))
      .map((digits) => (indic ? digits.replace(/\d/g, (digit) => ARABIC_INDIC[Number(digit)]!) : digits))
      .filter((written) => !document.paragraphs[sentence.paragraph]!.includes(written))
    const replacement = pick(options, 1, random)[0]
    if (replacement) candidates.push({ claim: replaceSpan(sentence.text, match.index, match.index + match[0].length, replacement), paragraph: sentence.paragraph, notes: `${match[0]} → ${replacement}` })
  }
  return candidates
}

function swapMonth(sentence: Sentence, document: PairSourceDocument, random: () => number): Candidate[] {
  const candidates: Candidate[] = []
  for (const series of PERTURBATION_MONTHS) {
    for (const month of series) {
      const at = findWord(sentence.text, month)
      // Both series side by side (سبتمبر/أيلول) would have to change together.
      if (at === null || sentence.text[at.start - 1] === '/' || sentence.text[at.end] === '/') continue
      const options = series.filter((other) => other !== month && !mentions(document.paragraphs[sentence.paragraph]!, other))
      const replacement = pick(options, 1, random)[0]
      if (replacement) candidates.push({ claim: replaceSpan(sentence.text, at.start, at.end, replacement), paragraph: sentence.paragraph, notes: `${month} → ${replacement}` })
    }
  }
  return candidates
}

/** Where a word or phrase (after an optional و/ف/ب/ل proclitic) stands in a text, comparing normalized forms; the span excludes the proclitic. */
function findWord(text: string, phrase: string): { start: number; end: number } | null {
  const parts = phrase.split(' ').map(plain)
  const words = arabicWords(text)
  for (let index = 0; index + parts.length <= words.length; index++) {
    const first = words[index]!
    const proclitic = ['', 'و', 'ف', 'ب', 'ل'].find((prefix) => first.plain === prefix + parts[0])
    if (proclitic === undefined) continue
    if (!parts.every((part, offset) => offset === 0 || words[index + offset]!.plain === part)) continue
    return { start: first.start + proclitic.length, end: words[index + parts.length - 1]!.end }
  }
  return null
}

const PROCLITICS = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك']
// Adjective endings after normalization: feminine (ة → ه), dual, sound plurals, feminine dual.
const ADJECTIVE_SUFFIXES = ['', 'ه', 'ان', 'ين', 'ون', 'ات', 'تان', 'تين']

interface CountryForm {
  country: number
  /** Proclitics and the article before the stem, as letters (بال، وال، لل). */
  prefix: string
  /** The ending after an adjective stem, as written (ة، ين، ات…). */
  suffix: string
  isAdjective: boolean
}

// The letters that may stand before a stem: a proclitic, then the article (ل + ال is written لل).
function writtenPrefixes(proclitic: string): string[] {
  return proclitic.endsWith('ل') ? [proclitic, `${proclitic}ل`] : [proclitic, `${proclitic}ال`]
}

/** Reads a word as a country name or a nisba adjective in any inflection (الفرنسية، بالفرنسيين، والأمريكيات). */
export function readCountryForm(word: string): CountryForm | null {
  const normalized = plain(word)
  for (const [country, entry] of PERTURBATION_COUNTRIES.entries()) {
    const adjective = plain(entry.adjective)
    const name = plain(entry.name)
    for (const proclitic of PROCLITICS) {
      for (const prefix of writtenPrefixes(proclitic)) {
        for (const suffix of ADJECTIVE_SUFFIXES) {
          if (normalized === prefix + adjective + suffix) return { country, prefix, suffix: suffix === 'ه' ? 'ة' : suffix, isAdjective: true }
        }
      }
      // A name is written with its own article, if it has one; after ل the article's alif drops (للمغرب).
      const written = proclitic.endsWith('ل') && name.startsWith('ال') ? proclitic + name.slice(1) : proclitic + name
      if (normalized === written) return { country, prefix: proclitic, suffix: '', isAdjective: false }
    }
  }
  return null
}

/** Writes another country in the same form as `form`. */
export function writeCountryForm(form: CountryForm, country: number): string {
  const entry = PERTURBATION_COUNTRIES[country]!
  if (form.isAdjective) return `${form.prefix}${entry.adjective}${form.suffix}`
  if (form.prefix.endsWith('ل') && entry.name.startsWith('ال')) return `${form.prefix}${entry.name.slice(1)}`
  return `${form.prefix}${entry.name}`
}

function swapCountry(sentence: Sentence, document: PairSourceDocument, random: () => number): Candidate[] {
  const passage = document.paragraphs[sentence.paragraph]!
  const candidates: Candidate[] = []
  for (const word of arabicWords(sentence.text)) {
    const form = readCountryForm(word.word)
    if (!form) continue
    const options = PERTURBATION_COUNTRIES.map((_, index) => index).filter((index) => {
      const entry = PERTURBATION_COUNTRIES[index]!
      return index !== form.country && !mentions(passage, entry.name) && !mentions(passage, entry.adjective) && plain(entry.name) !== plain(PERTURBATION_COUNTRIES[form.country]!.name)
    })
    const country = pick(options, 1, random)[0]
    if (country === undefined) continue
    const replacement = writeCountryForm(form, country)
    candidates.push({ claim: replaceSpan(sentence.text, word.start, word.end, replacement), paragraph: sentence.paragraph, notes: `${word.word} → ${replacement}` })
  }
  return candidates
}

function swapOrganisation(sentence: Sentence, document: PairSourceDocument, random: () => number): Candidate[] {
  const passage = document.paragraphs[sentence.paragraph]!
  const candidates: Candidate[] = []
  for (const organisation of PERTURBATION_ORGANISATIONS) {
    const at = findWord(sentence.text, organisation)
    if (at === null) continue
    const options = PERTURBATION_ORGANISATIONS.filter((other) => other !== organisation && !mentions(passage, other.split(' ').at(-1)!))
    const replacement = pick(options, 1, random)[0]
    if (!replacement) continue
    // After ل, the article of the replacement merges: للأمم المتحدة.
    const merged = sentence.text[at.start - 1] === 'ل' && replacement.startsWith('ال') ? replacement.slice(1) : replacement
    candidates.push({ claim: replaceSpan(sentence.text, at.start, at.end, merged), paragraph: sentence.paragraph, notes: `${organisation} → ${replacement}` })
  }
  return candidates
}

function swapName(sentence: Sentence, document: PairSourceDocument, random: () => number): Candidate[] {
  const passage = document.paragraphs[sentence.paragraph]!
  const candidates: Candidate[] = []
  const people = [...(document.people ?? [])].sort((first, second) => second.length - first.length)
  const taken: { start: number; end: number }[] = []
  for (const person of people) {
    const at = findWord(sentence.text, person)
    if (at === null || taken.some((span) => at.start < span.end && span.start < at.end)) continue
    taken.push(at)
    const options = PERTURBATION_NAMES.filter((other) => other.split(' ').every((part) => !mentions(passage, part)))
    const replacement = pick(options, 1, random)[0]
    if (replacement) candidates.push({ claim: replaceSpan(sentence.text, at.start, at.end, replacement), paragraph: sentence.paragraph, notes: `${person} → ${replacement}` })
  }
  return candidates
}

const NEGATORS = new Set(['لم', 'لا', 'لن', 'ما', 'ليس', 'قد', 'لقد', 'ولم', 'ولا', 'فلم', 'ولن'])

/** Whether a word opens a clause: the sentence's first word, or right after a comma, or joined to و/ف. */
function opensClause(text: string, word: { start: number; plain: string }, proclitic: string): boolean {
  const before = text.slice(0, word.start).trimEnd()
  return proclitic !== '' || before === '' || /[،,؛:]$/.test(before)
}

function negateVerb(sentence: Sentence): Candidate[] {
  const candidates: Candidate[] = []
  const words = arabicWords(sentence.text)
  for (const [index, word] of words.entries()) {
    if (index > 0 && NEGATORS.has(words[index - 1]!.plain)) continue
    for (const proclitic of ['', 'و', 'ف']) {
      const past = PERTURBATION_VERBS.find((verb) => word.plain === proclitic + plain(verb.past))
      if (past && opensClause(sentence.text, word, proclitic)) {
        candidates.push({ claim: replaceSpan(sentence.text, word.start, word.end, `${proclitic}لم ${past.jussive}`), paragraph: sentence.paragraph, notes: `${word.word} → ${proclitic}لم ${past.jussive}` })
      }
      const present = PERTURBATION_PRESENT_VERBS.find((verb) => word.plain === proclitic + plain(verb))
      if (present && opensClause(sentence.text, word, proclitic)) {
        candidates.push({ claim: replaceSpan(sentence.text, word.start, word.end, `${proclitic}لا ${present}`), paragraph: sentence.paragraph, notes: `${word.word} → ${proclitic}لا ${present}` })
      }
    }
  }
  return candidates
}

function assertNegatedEvent(sentence: Sentence): Candidate[] {
  const candidates: Candidate[] = []
  const words = arabicWords(sentence.text)
  for (const [index, word] of words.entries()) {
    const negator = ['لم', 'ولم', 'فلم'].find((form) => word.plain === form)
    const next = words[index + 1]
    if (!negator || !next || sentence.text.slice(word.end, next.start).trim() !== '') continue
    const verb = PERTURBATION_VERBS.find((candidate) => plain(candidate.jussive) === next.plain)
    if (verb) {
      const replacement = `${negator.slice(0, -2)}${verb.past}`
      candidates.push({ claim: replaceSpan(sentence.text, word.start, next.end, replacement), paragraph: sentence.paragraph, notes: `${word.word} ${next.word} → ${replacement}` })
    }
  }
  // فشل في / فشلت في X: the claim says it succeeded.
  for (const word of words) {
    const proclitic = ['', 'و', 'ف'].find((prefix) => word.plain === `${prefix}فشل` || word.plain === `${prefix}فشلت`)
    if (proclitic === undefined) continue
    const replacement = `${proclitic}${word.plain.endsWith('ت') ? 'نجحت' : 'نجح'}`
    candidates.push({ claim: replaceSpan(sentence.text, word.start, word.end, replacement), paragraph: sentence.paragraph, notes: `${word.word} → ${replacement}` })
  }
  return candidates
}

function swapAntonym(sentence: Sentence): Candidate[] {
  const candidates: Candidate[] = []
  const words = arabicWords(sentence.text)
  for (const [index, word] of words.entries()) {
    if (index > 0 && NEGATORS.has(words[index - 1]!.plain)) continue
    for (const [first, second] of PERTURBATION_ANTONYMS) {
      for (const [from, to] of [[first, second], [second, first]] as const) {
        const proclitic = ['', 'و', 'ف', 'ب'].find((prefix) => word.plain === prefix + plain(from))
        if (proclitic === undefined) continue
        const replacement = `${word.word.slice(0, proclitic.length)}${to}`
        candidates.push({ claim: replaceSpan(sentence.text, word.start, word.end, replacement), paragraph: sentence.paragraph, notes: `${word.word} → ${replacement}` })
      }
    }
  }
  return candidates
}

function addFactFromElsewhere(sentences: readonly Sentence[], document: PairSourceDocument, random: () => number): Candidate[] {
  const candidates: Candidate[] = []
  for (const sentence of sentences) {
    const elsewhere = sentences.filter((other) => other.paragraph !== sentence.paragraph)
    const passage = document.paragraphs[sentence.paragraph]!
    // Encyclopaedia paragraphs repeat each other: the added sentence must really be missing from the passage.
    const other = pick(elsewhere.filter((candidate) => !normalizeArabic(passage).includes(normalizeArabic(candidate.text).slice(0, 40))), 1, random)[0]
    if (!other) continue
    const first = sentence.text.replace(/[.!؟?؛…]+$/u, '').trim()
    const second = other.text.replace(/^[وف](?=[\u0621-\u064A]{3})/, '').replace(/[.!؟?؛…]+$/u, '').trim()
    candidates.push({ claim: `${first}، و${second}.`, paragraph: sentence.paragraph, notes: 'adds a sentence from another paragraph' })
  }
  return candidates
}

function borrowSentence(sentences: readonly Sentence[], others: readonly PairSourceDocument[], random: () => number): Candidate[] {
  const other = pick(others, 1, random)[0]
  if (!other || sentences.length === 0) return []
  const borrowed = other.paragraphs.flatMap((paragraph) => segmentSentences(paragraph).map(({ start, end }) => paragraph.slice(start, end))).filter((text) => between(countWords(text), MIN_WORDS, MAX_WORDS))
  return pick(borrowed, 3, random).map((claim) => ({ claim, paragraph: pick(sentences, 1, random)[0]!.paragraph, notes: `a sentence of ${other.id}` }))
}

/** The sentence that holds a question's answer (supported, on the question), or other sentences of its paragraph that do not hold it. */
function questionPairs(document: PairSourceDocument, sentences: readonly Sentence[], onQuestion: boolean): Candidate[] {
  const candidates: Candidate[] = []
  for (const { question, answers } of document.questions) {
    const holds = (text: string) => answers.some((answer) => normalizeArabic(text).includes(normalizeArabic(answer).trim()))
    const answering = sentences.find((sentence) => holds(sentence.text))
    if (!answering) continue
    if (onQuestion) {
      candidates.push({ claim: answering.text, paragraph: answering.paragraph, question })
      continue
    }
    for (const sentence of sentences) {
      if (sentence.paragraph !== answering.paragraph || holds(sentence.text) || sentence.text === answering.text) continue
      candidates.push({ claim: sentence.text, paragraph: sentence.paragraph, question, notes: 'a sentence of the passage that does not hold the answer' })
      break
    }
  }
  return candidates
}
