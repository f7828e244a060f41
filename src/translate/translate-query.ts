import type { SanadIndex } from '../index/sanad-index.js'
import type { QueryConcept } from '../lexical/bm25-index.js'
import { TermVocabulary } from '../retrieve/term-vocabulary.js'
import { ARABIC_MONTHS, ENGLISH_MONTHS } from '../text/calendar-words.js'
import { detectLanguage } from '../text/detect-language.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import { isStopword } from '../text/stopwords.js'
import { stemWord } from '../text/stem-word.js'
import { contentStems, tokenize } from '../text/tokenize.js'
import { CorpusVocabulary } from './corpus-vocabulary.js'
import { CURATED_TERMS, type CuratedTerm } from './curated-terms.js'
import { findBaseForms } from './find-base-forms.js'
import { findDerivedForms } from './find-derived-forms.js'
import { invertDictionary } from './invert-dictionary.js'
import { readDictdDictionary, type DictdDictionary } from './read-dictd-dictionary.js'
import { renderShortAnswer, type RenderingClues } from './render-short-answer.js'
import { measureNameSimilarity, transliterateName } from './transliterate-name.js'
import type { AskedFor, QueryTranslator, TranslatedQuery } from './query-translator.js'

/** Where the dictionary is and what it translates for. */
export interface QueryTranslatorOptions {
  /** The dictd directory (DICTIONARY_DIR, /usr/share/dictd by default). */
  dictionaryDirectory: string
  index: SanadIndex
  /** The dictd name of the dictionary into Arabic; FreeDict's English–Arabic one by default. */
  dictionaryName?: string
  /** The dictionary already opened by the caller (null: not installed), so it is not read twice. */
  dictionary?: DictdDictionary | null
  /** The indexed stems as the retriever buckets them, so a large index does not get a second copy. */
  vocabulary?: TermVocabulary
}

/** One unit of the question (a word or a phrase) and what it became. */
interface TranslatedUnit {
  /** The question's words, as written. */
  english: string
  /** The name to show a reader for this unit's Arabic ("the United States" for "US"). */
  display: string
  /** The Arabic candidates, before pruning. */
  candidates: string[]
  concept: QueryConcept
  /** The words that stand for the unit in the query text: Arabic word forms of the sources, or the English words when the sources have none. */
  searchWords: string[]
  /** Whether any candidate's stem occurs in the sources. */
  found: boolean
}

interface EnglishWord {
  text: string
  lower: string
  start: number
  end: number
  isNumber: boolean
}

interface Candidate {
  arabic: string
  stems: readonly string[]
  /** How sure the source is: 1 for the word's own translation, less through a base form, a nominalization or a spelling match. */
  confidence: number
}

const WORD = /\d+(?:[/.:,]\d+)*|[A-Za-z]+(?:['’][A-Za-z]+)?(?:\.[A-Za-z]+)*\.?/g
const LONGEST_PHRASE = 4
// How alike a dictionary headword and its Arabic must be spelled for the headword to be taken as the name's English form.
const NAME_CONFIRMATION = 0.6
// A translation reached through a base form ("killed" → "kill") or a nominalization ("invited" →
// "invitation") is less certain than the word's own, and weighs less in the structured query.
const BASE_FORM_CONFIDENCE = 0.9
const DERIVED_FORM_CONFIDENCE = 0.7
// Spelling variants of a translation (أمريكي/أميركي) count as it; related forms (مظهر/ظاهرة) stray too far
// for dictionary translations, and the answerer matches those itself.
const MINIMUM_VARIANT_QUALITY = 0.8
// Auxiliary and light verbs and particles that phrase an English question without naming its subject.
const LIGHT_WORDS = new Set([
  'its', 'us', 'also', 'still', 'even', 'ever', 'yet', 'just', 'back', 'far', 'out', 'up', 'away', 'go', 'goes', 'went', 'gone',
  'get', 'gets', 'got', 'take', 'takes', 'took', 'taken', 'make', 'makes', 'made', 'happen', 'happens', 'happened', 'occur',
  'occurred', 'carry', 'carried', 'come', 'came', 'put', 'held', 'done', 'doing', 'thing', 'things', 'way', 'ways', 'one', 'ones',
])
// "Today" in a question is the reader's day, not the article's: it is kept untranslated, so that it counts as absent.
const DEICTIC_WORDS = new Set(['today', 'now', 'currently', 'tomorrow', 'yesterday', 'tonight', 'nowadays', 'presently'])
// The kind of answer a question asks for ("which city", "what year", "how many countries"); the sources do not repeat it.
const ANSWER_TYPE_WORDS = new Set([
  'name', 'names', 'number', 'year', 'years', 'date', 'month', 'day', 'time', 'city', 'cities', 'country', 'countries',
  'place', 'places', 'town', 'region', 'reason', 'kind', 'type', 'amount',
])
const INTERROGATIVE_OPENING = /^(?:(?:in|on|at|to|from|for|with|by|since|until)\s+)?(?:which|what|how\s+(?:many|much))\s+(?:(?:is|are|was|were)\s+)?(?:the\s+)?$/i
const WEEKDAYS: ReadonlyMap<string, string> = new Map([
  ['monday', 'الاثنين'], ['tuesday', 'الثلاثاء'], ['wednesday', 'الأربعاء'], ['thursday', 'الخميس'], ['friday', 'الجمعة'],
  ['saturday', 'السبت'], ['sunday', 'الأحد'],
])

// The dictionary often gives a verbal noun or a participle where the sources use the verb:
// توقيع/موقع (signature, signed) for وقع, مقتول for قتل. Tried only when the word itself is absent.
const DERIVED_PATTERNS: readonly RegExp[] = [/^ت(.)(.)ي(.)$/, /^م(.)(.)و(.)$/, /^م(.)(.)(.)$/, /^(.)ا(.)(.)$/]

function verbStemsOf(stem: string): string[] {
  return DERIVED_PATTERNS.flatMap((pattern) => {
    const match = pattern.exec(stem)
    return match ? [match.slice(1).join('')] : []
  })
}

function splitWords(question: string): EnglishWord[] {
  const words: EnglishWord[] = []
  for (const match of question.matchAll(WORD)) {
    let text = match[0]
    // A full stop ends the word unless the word is an abbreviation ("U.S.").
    if (text.endsWith('.') && !text.slice(0, -1).includes('.')) text = text.slice(0, -1)
    words.push({ text, lower: text.toLowerCase(), start: match.index, end: match.index + text.length, isNumber: /^\d/.test(text) })
  }
  return words
}

function curatedTermFor(text: string): CuratedTerm | undefined {
  const lower = text.toLowerCase()
  return CURATED_TERMS.find((term) => (term.matchCase ? term.english.includes(text) : term.english.includes(lower)))
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** Translates English questions into Arabic query concepts with one dictionary and the sources' vocabulary. */
class QueryTranslation {
  private readonly vocabulary: CorpusVocabulary
  private readonly stems: TermVocabulary
  private inverted: Map<string, string[]> | null = null

  constructor(private readonly dictionary: DictdDictionary, private readonly index: SanadIndex, stems?: TermVocabulary) {
    this.vocabulary = CorpusVocabulary.fromTexts([...index.documents.values()].map((document) => document.text))
    this.stems = stems ?? new TermVocabulary(index.lexical.terms())
  }

  /** The stems of an Arabic candidate that the sources have, in their indexed spelling. */
  private foundStems(stems: readonly string[]): string[] {
    const found = new Set<string>()
    for (const stem of stems) {
      let variants = this.stems.variantsOf(stem).filter((variant) => variant.quality >= MINIMUM_VARIANT_QUALITY)
      if (variants.length === 0) variants = verbStemsOf(stem).flatMap((verb) => this.stems.variantsOf(verb).filter((variant) => variant.quality === 1))
      for (const variant of variants) found.add(variant.stem)
    }
    return [...found]
  }

  // A translation of several words counts only as far as the sources write it as a phrase: "الدولة
  // الإسلامية" for ISIS must not match every "الدولة", and "أسامة بن لادن" matches as "بن لادن".
  private candidatesOf(arabic: readonly string[], confidence = 1): Candidate[] {
    const candidates: Candidate[] = []
    for (const text of arabic) {
      const phrase = this.attestedPart(text.trim().split(/\s+/))
      const stems = phrase ? contentStems(phrase) : []
      if (phrase && stems.length > 0) candidates.push({ arabic: phrase, stems, confidence })
    }
    return candidates
  }

  // The longest run of the words (two or more) that the sources contain as a phrase; a single word as it is.
  private attestedPart(words: readonly string[]): string | null {
    if (words.length === 1) return words[0]!
    for (let size = words.length; size >= 2; size--) {
      for (let start = 0; start + size <= words.length; start++) {
        const phrase = words.slice(start, start + size).join(' ')
        if (this.vocabulary.containsPhrase(phrase)) return phrase
      }
    }
    return null
  }

  // Dictionary translations of a word; when none is in the sources, those of its base forms, then of their nominalizations.
  private dictionaryCandidates(word: string): Candidate[] {
    const own = this.translationsOf(word)
    if (own.some((candidate) => this.foundStems(candidate.stems).length > 0)) return own
    const candidates = [...own]
    const bases = findBaseForms(word).filter((base) => this.dictionary.has(base))
    for (const base of bases) candidates.push(...this.translationsOf(base, BASE_FORM_CONFIDENCE))
    if (candidates.some((candidate) => this.foundStems(candidate.stems).length > 0)) return candidates
    for (const base of [word, ...bases]) {
      for (const derived of findDerivedForms(base)) if (this.dictionary.has(derived)) candidates.push(...this.translationsOf(derived, DERIVED_FORM_CONFIDENCE))
    }
    return candidates
  }

  private translationsOf(headword: string, confidence = 1): Candidate[] {
    return this.candidatesOf(this.dictionary.lookup(headword).filter((translation) => !/\d/.test(translation)), confidence)
  }

  private nameCandidates(name: string): Candidate[] {
    const matches = transliterateName(name, this.vocabulary, 0.8)
    const best = matches[0]?.similarity ?? 0
    return matches.filter((match) => match.similarity >= best - 0.05).map((match) => ({ arabic: match.word.normalized, stems: match.word.stems, confidence: match.similarity }))
  }

  private unit(english: string, display: string, candidates: readonly Candidate[]): TranslatedUnit {
    const scored = candidates.map((candidate, order) => {
      const found = this.foundStems(candidate.stems)
      return { candidate, found, share: found.length / candidate.stems.length, order }
    })
    const terms = [...new Set(scored.flatMap((item) => item.found))]
    const weight = Math.max(0, ...scored.filter((item) => item.found.length > 0).map((item) => item.candidate.confidence))
    const best = scored.filter((item) => item.found.length > 0).sort((left, right) => right.share - left.share || left.order - right.order)[0]
    if (!best) {
      // Nothing of it is in the sources: the query keeps the English word, which the answerer then counts as absent.
      const stems = [...new Set(candidates.flatMap((candidate) => candidate.stems))]
      return { english, display, candidates: candidates.map((candidate) => candidate.arabic), concept: { terms: stems.length > 0 ? stems : [english.toLowerCase()] }, searchWords: english.toLowerCase().split(/\s+/), found: false }
    }
    const searchWords: string[] = []
    for (const token of tokenize(best.candidate.arabic)) {
      if (token.isStopword) continue
      const stem = [token.stem, token.cliticFreeStem].flatMap((value) => (value ? this.foundStems([value]) : []))[0]
      const form = stem ? this.vocabulary.commonFormOf(stem) : null
      if (form) searchWords.push(form)
    }
    if (searchWords.length === 0) searchWords.push(...best.found.map((stem) => this.vocabulary.commonFormOf(stem) ?? stem))
    return { english, display, candidates: candidates.map((candidate) => candidate.arabic), concept: { terms, weight }, searchWords, found: true }
  }

  // A month's Arabic names (June → يونيو, يونيه, حزيران) are indexed as themselves; some ("مايو") are stopwords
  // of the text module and so not indexed at all, which leaves them to the dense retriever and the query text.
  private monthUnit(word: EnglishWord, month: number): TranslatedUnit {
    const names = [...ARABIC_MONTHS].filter(([, number]) => number === month).map(([name]) => name)
    const terms = names.map((name) => stemWord(name)).filter((stem) => stem.length >= 3 && this.index.lexical.has(stem))
    const written = names.find((name) => this.vocabulary.hasStem(stemWord(name)) || this.vocabulary.containsPhrase(name)) ?? names[0]!
    return { english: word.text, display: capitalize(word.lower), candidates: names, concept: { terms: terms.length > 0 ? terms : [written] }, searchWords: [written], found: terms.length > 0 }
  }

  private wordUnit(word: EnglishWord, isSentenceStart: boolean): TranslatedUnit | null {
    if (word.isNumber) {
      const numbers = word.text.split(/[/:]/).map((part) => part.replace(/,/g, ''))
      return { english: word.text, display: word.text, candidates: numbers, concept: { terms: numbers }, searchWords: numbers, found: numbers.some((number) => this.index.lexical.has(number)) }
    }
    const month = ENGLISH_MONTHS.get(word.lower)
    // "may" the verb is a stopword; "May" the month is written with a capital.
    if (month !== undefined && (word.lower !== 'may' || word.text === 'May')) return this.monthUnit(word, month)
    const weekday = WEEKDAYS.get(word.lower)
    if (weekday) return this.unit(word.text, capitalize(word.lower), this.candidatesOf([weekday]))
    const curated = curatedTermFor(word.text)
    if (curated) return this.unit(word.text, curated.display, this.candidatesOf(curated.arabic))
    if (DEICTIC_WORDS.has(word.lower)) return { english: word.text, display: word.text, candidates: [], concept: { terms: [word.lower] }, searchWords: [word.lower], found: false }
    // "what's" is "what", "Morocco's" is "Morocco".
    const lookupWord = word.lower.replace(/['’](?:s|re|ll|d|ve|m)?$/, '')
    if (isStopword(lookupWord) || LIGHT_WORDS.has(lookupWord) || lookupWord.length < 2) return null
    const translations = this.dictionary.lookup(lookupWord)
    // "against" → "ضد": a word whose translations are all function words is one too.
    if (translations.length > 0 && translations.every((translation) => contentStems(translation).length === 0)) return null
    const candidates = this.dictionaryCandidates(lookupWord)
    const translated = candidates.some((candidate) => this.foundStems(candidate.stems).length > 0)
    const looksLikeName = /^[A-Z]/.test(word.text) && !isSentenceStart
    if (!translated && (candidates.length === 0 || looksLikeName)) candidates.push(...this.nameCandidates(lookupWord))
    return this.unit(word.text, word.text, candidates)
  }

  // A phrase the curated list or the dictionary has as one headword ("Islamic State", "bin Laden").
  private phraseUnit(words: readonly EnglishWord[], question: string): TranslatedUnit | null {
    for (let index = 1; index < words.length; index++) {
      if (!/^[\s-]*$/.test(question.slice(words[index - 1]!.end, words[index]!.start))) return null
    }
    const original = question.slice(words[0]!.start, words.at(-1)!.end)
    for (const joined of new Set([original, words.map((word) => word.text).join(' ')])) {
      const curated = curatedTermFor(joined)
      if (curated) return this.unit(original, curated.display, this.candidatesOf(curated.arabic))
    }
    const key = words.map((word) => word.lower).join(' ')
    if (this.dictionary.has(key)) {
      return this.unit(original, original, this.candidatesOf(this.dictionary.lookup(key).filter((translation) => !/\d/.test(translation))))
    }
    return null
  }

  /** Translates a question, unit by unit: the longest phrase known at each position, else the word. */
  translate(question: string): TranslatedUnit[] {
    const words = splitWords(question)
    const units: TranslatedUnit[] = []
    const answerTypeAt = this.answerTypePosition(question, words)
    const longest = Math.max(LONGEST_PHRASE, this.dictionary.longestHeadwordWords)
    for (let position = 0; position < words.length; ) {
      let unit: TranslatedUnit | null = null
      let length = 1
      for (let size = Math.min(longest, words.length - position); size >= 2 && !unit; size--) {
        unit = this.phraseUnit(words.slice(position, position + size), question)
        if (unit) length = size
      }
      if (!unit && position !== answerTypeAt) unit = this.wordUnit(words[position]!, position === 0)
      if (unit) units.push(unit)
      position += length
    }
    return units
  }

  // The word naming the kind of answer right after the interrogative ("which city", "how many countries").
  private answerTypePosition(question: string, words: readonly EnglishWord[]): number {
    return words.findIndex((word) => ANSWER_TYPE_WORDS.has(word.lower) && INTERROGATIVE_OPENING.test(question.slice(0, word.start)))
  }

  /** English for an Arabic word of the sources: a curated name, or a dictionary headword. */
  private englishFor(normalized: string, asName: boolean): string | null {
    const curated = CURATED_TERMS.find((term) => term.arabic.some((arabic) => normalizeArabic(arabic) === normalized))
    if (curated) return curated.display
    this.inverted ??= invertDictionary(this.dictionary)
    const bare = normalized.replace(/^ال(?=..)/, '')
    const headwords = this.inverted.get(normalized) ?? this.inverted.get(bare) ?? []
    if (!asName) return headwords[0] ?? null
    const name = headwords.find((headword) => measureNameSimilarity(headword, bare) >= NAME_CONFIRMATION)
    return name ? capitalize(name) : null
  }

  /** The clues for rendering this question's short answer in English. */
  renderingClues(question: string, units: readonly TranslatedUnit[], askedFor: AskedFor | undefined): RenderingClues {
    const englishByStem = new Map<string, string>()
    for (const unit of units) {
      if (!unit.found) continue
      for (const candidate of unit.candidates) {
        const stems = tokenize(candidate).filter((token) => !token.isStopword).map((token) => token.stem)
        // A phrase stands for the unit as a whole; its words alone do not ("الدولة" is not ISIS).
        const key = stems.join(' ')
        if (stems.length > 0 && !englishByStem.has(key)) englishByStem.set(key, unit.display)
        if (stems.length === 1) for (const variant of this.foundStems(stems)) if (!englishByStem.has(variant)) englishByStem.set(variant, unit.display)
      }
    }
    return {
      englishByStem,
      countedNoun: /\bhow\s+(?:many|much)\s+([a-z]+)/i.exec(question)?.[1] ?? null,
      expectsName: askedFor === 'person' || askedFor === 'place',
      findName: (normalized) => this.englishFor(normalized, true),
      translateWord: (normalized) => this.englishFor(normalized, false),
    }
  }
}

/**
 * Builds the translator of English questions into Arabic query concepts (dictionary-based CLIR, with
 * Pirkola's structured queries: a word's translations form one concept). The dictionary is opened on
 * the first question; when it is not installed, the translator answers null for every question, and
 * the answerer refuses with a message saying how to enable English questions.
 */
export function createQueryTranslator(options: QueryTranslatorOptions): QueryTranslator {
  let translation: Promise<QueryTranslation | null> | null = null
  const open = async () => {
    const dictionary =
      options.dictionary !== undefined ? options.dictionary : await readDictdDictionary(options.dictionaryDirectory, options.dictionaryName ?? 'freedict-eng-ara')
    return dictionary ? new QueryTranslation(dictionary, options.index, options.vocabulary) : null
  }
  return async (question, language, askedFor): Promise<TranslatedQuery | null> => {
    if (language !== 'en' || detectLanguage(question) !== 'en') return null
    translation ??= open()
    const translator = await translation
    if (!translator) return null
    const units = translator.translate(question)
    const clues = translator.renderingClues(question, units, askedFor)
    return {
      searchText: units.flatMap((unit) => unit.searchWords).join(' '),
      concepts: units.map((unit) => unit.concept),
      renderShortAnswer: (arabic) => renderShortAnswer(arabic, clues),
    }
  }
}
