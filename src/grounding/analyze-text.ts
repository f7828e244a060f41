import { consonantSkeleton } from '../text/consonant-skeleton.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import { stemWord } from '../text/stem-word.js'
import { tokenize, type Token } from '../text/tokenize.js'
import { approximateRoot } from './approximate-root.js'
import { findCalendarWords, type CalendarWord } from './calendar-words.js'
import type { WordForms } from './measure-word-similarity.js'
import { ENGLISH_TITLES, GIVEN_NAMES, NAME_GAZETTEER, PERSON_TITLES, type GazetteerEntry } from './name-gazetteer.js'
import { describeForLexicon, findOppositeKeys, isNegativeWord, isNegator } from './polarity-words.js'
import { readNumberWord, type Quantity } from './read-quantities.js'

/** One word of an analyzed text, with the forms that support scoring compares. */
export interface AnalyzedWord extends WordForms {
  index: number
  start: number
  end: number
  /** The word as written (case kept), possessive 's removed. */
  text: string
  isStopword: boolean
  isNumber: boolean
  script: 'arabic' | 'latin' | 'digit'
  /** Stems and root guesses the polarity lexicons know this word by. */
  lexiconKeys: string[]
  /** Lexicon keys of words opposed to this one (نجح for فشل). */
  oppositeKeys: string[]
  isNegative: boolean
}

/** A gazetteer entry found in a text, over words first..last. */
export interface EntityMention {
  id: string
  kind: GazetteerEntry['kind']
  sameAs: readonly string[]
  /** A nationality or other adjective (الأميركي, Moroccan) rather than the name itself. */
  isAdjective: boolean
  first: number
  last: number
}

/** A word taken to be part of a person's name; weak when the only evidence is a sentence-initial capital. */
export interface NameWord {
  index: number
  strong: boolean
}

/** A text cut into words, with its numbers, dates, named entities, names and negations located. */
export interface AnalyzedText {
  text: string
  words: AnalyzedWord[]
  quantities: Quantity[]
  calendar: CalendarWord[]
  entities: EntityMention[]
  names: NameWord[]
  /** Indices of negating particles. */
  negators: number[]
  /** Indices of words covered by a number, date, entity or name, which are scored as such. */
  anchored: Set<number>
  script: 'arabic' | 'latin'
}

interface EntityForm {
  id: string
  kind: GazetteerEntry['kind']
  sameAs: readonly string[]
  arabic: boolean
  isAdjective: boolean
  words: string[]
}

// The endings of a relation adjective after normalization (ة → ه): masculine, feminine, dual,
// sound plurals and feminine dual (فرنسي، فرنسية، فرنسيان، فرنسيين، فرنسيون، فرنسيات، فرنسيتان).
const ADJECTIVE_ENDINGS = ['', 'ه', 'ان', 'ين', 'ون', 'ات', 'تان', 'تين']

const ENTITY_FORMS: EntityForm[] = NAME_GAZETTEER.flatMap((entry) => {
  const base = { id: entry.id, kind: entry.kind, sameAs: entry.sameAs ?? [] }
  const arabic = (form: string, isAdjective: boolean): EntityForm => ({ ...base, arabic: true, isAdjective, words: normalizeArabic(form).split(' ').map(removeArticle) })
  return [
    ...entry.arabic.map((form) => arabic(form, false)),
    ...entry.adjectives.map((form) => arabic(form, true)),
    ...entry.english.map((form, position): EntityForm => {
      const words = form.replace(/\./g, ' ').trim().split(/\s+/)
      return { ...base, arabic: false, isAdjective: position > 0 && words.length === 1 && /(an|ese|ish|i|ch)$/.test(form), words }
    }),
  ]
}).sort((first, second) => second.words.length - first.words.length)

const ENTITY_FORMS_BY_FIRST_WORD = new Map<string, EntityForm[]>()
for (const form of ENTITY_FORMS) {
  const key = form.words[0]!
  ENTITY_FORMS_BY_FIRST_WORD.set(key, [...(ENTITY_FORMS_BY_FIRST_WORD.get(key) ?? []), form])
}

const GIVEN_NAME_SET = new Set(GIVEN_NAMES.map((name) => removeArticle(normalizeArabic(name))))
const TITLE_SET = new Set(PERSON_TITLES.map((title) => removeArticle(normalizeArabic(title))))
const ENGLISH_TITLE_SET = new Set(ENGLISH_TITLES)
const NAME_CONNECTORS = new Set(['بن', 'ابن', 'ابو', 'عبد', 'bin', 'ibn', 'al', 'el', 'abu', 'abd'])
const PATRONYMICS = new Set(['بن', 'ابن', 'ابو', 'ام'])

// Passages recur: every answer about the same sentence of a source cites it again.
const PASSAGE_CACHE_SIZE = 2048
const analyzedPassages = new Map<string, AnalyzedText>()

/**
 * `analyzeText` for evidence, which recurs across answers (the sentences of the sources): results
 * are kept for the most recent passages. Callers must not change what it returns.
 */
export function analyzePassage(text: string): AnalyzedText {
  const cached = analyzedPassages.get(text)
  if (cached) {
    // Most recently used last, so the oldest is evicted first.
    analyzedPassages.delete(text)
    analyzedPassages.set(text, cached)
    return cached
  }
  const analyzed = analyzeText(text)
  analyzedPassages.set(text, analyzed)
  if (analyzedPassages.size > PASSAGE_CACHE_SIZE) analyzedPassages.delete(analyzedPassages.keys().next().value!)
  return analyzed
}

type WordDescription = Omit<AnalyzedWord, 'index' | 'start' | 'end'>

// A word's forms and lexicon keys do not depend on the text around it: worked out once per written form (a bounded memo).
const WORD_MEMO_SIZE = 50_000
const describedWords = new Map<string, WordDescription>()

function describeWord(token: Token, written: string): WordDescription {
  let described = describedWords.get(written)
  if (described) return described
  const script = token.isNumber ? 'digit' : /[A-Za-z]/.test(written) ? 'latin' : 'arabic'
  const normalized = script === 'latin' ? token.normalized.replace(/['’]s$/, '') : token.normalized
  const stem = script === 'latin' ? stemWord(normalized) : token.stem
  const lexiconKeys = describeForLexicon(normalized)
  const bareStem = script === 'arabic' ? token.cliticFreeStem : null
  described = {
    text: written,
    normalized,
    stem,
    skeleton: consonantSkeleton(stem),
    root: approximateRoot(stem),
    bare: bareStem ? { normalized: normalized.replace(/^و?[فبلك]/, ''), stem: bareStem, skeleton: consonantSkeleton(bareStem), root: approximateRoot(bareStem) } : null,
    isStopword: token.isStopword,
    isNumber: token.isNumber,
    script,
    lexiconKeys,
    oppositeKeys: findOppositeKeys(lexiconKeys),
    isNegative: isNegativeWord(lexiconKeys),
  }
  if (describedWords.size >= WORD_MEMO_SIZE) describedWords.clear()
  describedWords.set(written, described)
  return described
}

/** Cuts a text into words and finds what support scoring checks exactly: numbers, dates, names and negations. */
export function analyzeText(text: string): AnalyzedText {
  const words = tokenize(text).map((token, index): AnalyzedWord => {
    const written = text.slice(token.start, token.end)
    const word = describeWord(token, written.endsWith('s') || written.endsWith("'") ? written.replace(/['’]s$/, '') : written)
    // Listed field by field: one object shape for every word keeps property access fast.
    return {
      index, start: token.start, end: token.end, text: word.text, normalized: word.normalized, stem: word.stem, skeleton: word.skeleton, root: word.root,
      bare: word.bare, isStopword: word.isStopword, isNumber: word.isNumber, script: word.script, lexiconKeys: word.lexiconKeys,
      oppositeKeys: word.oppositeKeys, isNegative: word.isNegative,
    }
  })
  const normalizedWords = words.map((word) => word.normalized)
  const calendar = findCalendarWords(normalizedWords, (index) => words[index]?.isNumber === true)
  const anchored = new Set<number>()
  for (const mention of calendar) for (let index = mention.first; index <= mention.last; index++) anchored.add(index)
  const entities = findEntities(words, anchored)
  for (const mention of entities) for (let index = mention.first; index <= mention.last; index++) anchored.add(index)
  const quantities = findQuantities(words, anchored)
  for (const quantity of quantities) {
    anchored.add(quantity.index)
    if (MULTIPLIERS.has(words[quantity.index + 1]?.normalized ?? '')) anchored.add(quantity.index + 1)
  }
  const adjectives = new Set(entities.filter((mention) => mention.isAdjective).flatMap((mention) => [mention.first, mention.last]))
  const names = findNames(text, words, anchored, adjectives)
  for (const name of names) anchored.add(name.index)
  // A negator cut off from the next word by punctuation negates nothing: "لا — …" answers a yes/no question.
  const negators = words
    .filter((word) => {
      const next = words[word.index + 1]
      if (next && /[^\s]/.test(text.slice(word.end, next.start))) return false
      return isNegator(word.normalized, next?.normalized)
    })
    .map((word) => word.index)
  return { text, words, quantities, calendar, entities, names, negators, anchored, script: detectScript(text) }
}

// The script most of a text's letters are written in.
function detectScript(text: string): 'arabic' | 'latin' {
  let latin = 0
  let arabic = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++
    else if (code >= 0x0600 && code <= 0x06ff) arabic++
  }
  return latin > arabic ? 'latin' : 'arabic'
}

function findEntities(words: readonly AnalyzedWord[], taken: ReadonlySet<number>): EntityMention[] {
  const bareForms = words.map((word) => (word.script === 'arabic' ? memoized(bareVariantsOf, word.normalized, () => barePrefixVariants(word.normalized, true)) : [word.text]))
  const innerForms = words.map((word) => (word.script === 'arabic' ? memoized(innerVariantsOf, word.normalized, () => barePrefixVariants(word.normalized, false)) : [word.text]))
  const mentions: EntityMention[] = []
  for (let index = 0; index < words.length; index++) {
    if (taken.has(index)) continue
    const word = words[index]!
    const candidates = memoized(entityCandidatesOf, word.text, () =>
      [...new Set(bareForms[index]!.flatMap((bare) => [...withoutEndings(bare)].flatMap((key) => ENTITY_FORMS_BY_FIRST_WORD.get(key) ?? [])))])
    if (candidates.length === 0) continue
    const form = [...candidates]
      .sort((first, second) => second.words.length - first.words.length)
      .find((candidate) => entityFormMatchesAt(words, index, candidate, bareForms, innerForms))
    if (!form) continue
    const last = index + form.words.length - 1
    mentions.push({ id: form.id, kind: form.kind, sameAs: form.sameAs, isAdjective: form.isAdjective, first: index, last })
    index = last
  }
  return mentions
}

function entityFormMatchesAt(
  words: readonly AnalyzedWord[],
  index: number,
  form: EntityForm,
  bareForms: readonly string[][],
  innerForms: readonly string[][],
): boolean {
  return form.words.every((part, offset) => {
    const word = words[index + offset]
    if (!word) return false
    if (!form.arabic) return word.script === 'latin' && word.text === part
    if (word.script !== 'arabic') return false
    const variants = offset === 0 ? bareForms[index]! : innerForms[index + offset]!
    const last = offset === form.words.length - 1
    return variants.some((bare) => (last && form.isAdjective ? ADJECTIVE_ENDINGS.some((ending) => bare === part + ending) : bare === part))
  })
}

/** A bare word and the same word without one of the endings an adjective may take. */
// Per-word look-ups recur across texts: each is memoized by the word (bounded maps).
const MEMO_SIZE = 50_000
const bareVariantsOf = new Map<string, string[]>()
const innerVariantsOf = new Map<string, string[]>()
const entityCandidatesOf = new Map<string, EntityForm[]>()
const numbersOf = new Map<string, number | null>()
const titlesOf = new Map<string, boolean>()

function memoized<Value>(memo: Map<string, Value>, key: string, compute: () => Value): Value {
  if (memo.has(key)) return memo.get(key)!
  const value = compute()
  if (memo.size >= MEMO_SIZE) memo.clear()
  memo.set(key, value)
  return value
}

function withoutEndings(bare: string): Set<string> {
  const keys = new Set([bare])
  for (const ending of ADJECTIVE_ENDINGS) if (ending && bare.endsWith(ending)) keys.add(bare.slice(0, -ending.length))
  return keys
}

/** The word without a و/ف/ب/ل/ك proclitic (first word only) and without the article ال. */
function barePrefixVariants(word: string, allowProclitic: boolean): string[] {
  const variants = [word]
  if (allowProclitic && /^[وفبلك]/.test(word) && word.length > 3) variants.push(word.slice(1))
  if (allowProclitic && /^(وب|ول|فب|فل|وك)/.test(word) && word.length > 4) variants.push(word.slice(2))
  return variants.flatMap((variant) => {
    if (variant.startsWith('ال') && variant.length > 3) return [variant, variant.slice(2)]
    if (variant.startsWith('لل') && variant.length > 3) return [variant, variant.slice(2)]
    return [variant]
  })
}

function removeArticle(word: string): string {
  return word.startsWith('ال') && word.length > 3 ? word.slice(2) : word
}

const ENGLISH_ORDINAL = /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/

// Words that multiply the number before them: ثلاثة آلاف، 104 ملايين، 6.15 مليار.
const MULTIPLIERS = new Map<string, number>([
  ['الف', 1e3], ['الاف', 1e3], ['ألف', 1e3], ['مليون', 1e6], ['ملايين', 1e6], ['مليار', 1e9], ['مليارات', 1e9], ['بليون', 1e9],
  ['thousand', 1e3], ['thousands', 1e3], ['million', 1e6], ['millions', 1e6], ['billion', 1e9], ['billions', 1e9],
].map(([word, value]) => [normalizeArabic(word as string), value as number]))

function findQuantities(words: readonly AnalyzedWord[], taken: ReadonlySet<number>): Quantity[] {
  const quantities: Quantity[] = []
  for (const word of words) {
    if (taken.has(word.index)) continue
    if (MULTIPLIERS.has(word.normalized) && quantities.at(-1)?.index === word.index - 1) continue
    let value = memoized(numbersOf, word.text, () => readNumberWord(word.text))
    if (value === null) continue
    // English ordinals count only beside a capitalised name (Mohammed VI) or a date; "first" is usually not a number.
    if (ENGLISH_ORDINAL.test(word.normalized) && !taken.has(word.index - 1) && !taken.has(word.index + 1)) continue
    if (/^[IVX]+$/.test(word.text) && !/^[A-Z]/.test(words[word.index - 1]?.text ?? '')) continue
    const multiplier = MULTIPLIERS.get(words[word.index + 1]?.normalized ?? '')
    if (multiplier !== undefined && value < 1000) value = Math.round(value * multiplier * 1000) / 1000
    quantities.push({ value, index: word.index })
  }
  return quantities
}

function findNames(text: string, words: readonly AnalyzedWord[], taken: ReadonlySet<number>, adjectives: ReadonlySet<number>): NameWord[] {
  const names = new Map<number, boolean>()
  const isFree = (word: AnalyzedWord | undefined): word is AnalyzedWord =>
    word !== undefined && !taken.has(word.index) && !word.isNumber && !word.isStopword
  for (const word of words) {
    if (PATRONYMICS.has(word.normalized)) {
      // بن لادن، أبو مازن: the word after a patronymic or kunya is a name.
      const next = words[word.index + 1]
      if (isFree(next) && next.script === 'arabic' && !/^[وفبلك]?ال/.test(next.normalized)) names.set(next.index, true)
    }
    if (taken.has(word.index) || word.isNumber || word.isStopword) continue
    if (word.script === 'arabic') {
      const bare = removeArticle(word.normalized)
      if (GIVEN_NAME_SET.has(bare) || GIVEN_NAME_SET.has(word.normalized)) {
        names.set(word.index, true)
        let next = words[word.index + 1]
        if (next && NAME_CONNECTORS.has(next.normalized)) next = words[next.index + 1]
        if (isFree(next) && next.script === 'arabic') names.set(next.index, true)
      } else if (isTitle(word.normalized)) {
        for (const index of findNameAfterTitle(text, words, word, isFree, adjectives)) names.set(index, true)
      }
      continue
    }
    if (word.script !== 'latin' || !/^[A-Z]/.test(word.text) || ENGLISH_TITLE_SET.has(word.text)) continue
    if (word.isStopword || NAME_CONNECTORS.has(word.normalized)) continue
    const previous = words[word.index - 1]
    const startsSentence = !previous || /[.!?؟:;\n]/.test(text.slice(previous.end, word.start))
    names.set(word.index, (names.get(word.index) ?? false) || !startsSentence)
  }
  // A word named once (after a title) is a name wherever else the text uses it: رئيس المجلس جيروم باول … حسب باول.
  const named = new Set([...names].filter(([, strong]) => strong).map(([index]) => words[index]!.normalized).filter((normalized) => normalized.length >= 3))
  for (const word of words) if (!names.has(word.index) && !taken.has(word.index) && named.has(word.normalized)) names.set(word.index, true)
  return [...names].map(([index, strong]) => ({ index, strong }))
}

/** True for a person title, with or without the article and a proclitic (وللمخرجة). */
export function isTitle(normalized: string): boolean {
  return memoized(titlesOf, normalized, () => barePrefixVariants(normalized, true).some((variant) => TITLE_SET.has(variant)))
}

// Words that may stand between a title and the name: السابق، الحالي، الراحل.
const TITLE_QUALIFIERS = new Set(['السابق', 'السابقه', 'الاسبق', 'الحالي', 'الحاليه', 'الراحل', 'الراحله', 'الجديد', 'الجديده', 'المنتخب', 'المنتخبه'])

/**
 * The words of the name that follows a title: a title in construct (وزير، رئيس) first takes its
 * portfolio, a chain of nouns ending in a definite one and its adjectives (وزير الخارجية، رئيس مجلس
 * الاحتياطي الفيدرالي); nationality adjectives, qualifiers (السابق) and further titles are skipped
 * (وزير الخارجية السعودي الأمير فيصل بن فرحان). At most two name words, and a connector (بن);
 * the first does not take the article.
 */
function findNameAfterTitle(
  text: string,
  words: readonly AnalyzedWord[],
  title: AnalyzedWord,
  isFree: (word: AnalyzedWord | undefined) => word is AnalyzedWord,
  adjectives: ReadonlySet<number>,
): number[] {
  const joined = (word: AnalyzedWord | undefined): word is AnalyzedWord => word !== undefined && /^\s+$/.test(text.slice(words[word.index - 1]!.end, word.start))
  const isDefinite = (word: AnalyzedWord) => /^(?:[وف]?[بك]?ال|[وف]?لل)/.test(word.normalized)
  let next = words[title.index + 1]
  if (!joined(next)) return []
  if (!isDefinite(title)) {
    // A construct title names its portfolio first: وزير الاتصال، رئيس مجلس الاحتياطي، رئيس منظمة أبحاث الفضاء.
    let chain = 0
    while (joined(next) && !isDefinite(next) && chain < 3 && !next.isStopword && !next.isNumber) {
      next = words[next.index + 1]
      chain++
    }
    if (!joined(next) || !isDefinite(next) || adjectives.has(next.index)) return []
    next = words[next.index + 1]
    // Further definite words qualify the portfolio (الفيدرالي، الهندية).
    while (joined(next) && (isDefinite(next) || adjectives.has(next.index)) && chain < 6) {
      next = words[next.index + 1]
      chain++
    }
  }
  const name: number[] = []
  while (joined(next) && name.length < 3 && next.script === 'arabic') {
    if (NAME_CONNECTORS.has(next.normalized) && name.length > 0) {
      name.push(next.index)
    } else {
      // A name rarely opens with the article (الناطق الرسمي describes; سعد العلمي names) or carries a pronoun (حتفه).
      if (name.length === 0 && isDefinite(next)) break
      if (/[\u0621-\u064A]{2,}(?:ه|ها|هم|هما|هن)$/.test(text.slice(next.start, next.end).replace(/[\u064B-\u065F\u0670\u0640]/g, ''))) break
      if (!isFree(next) || isTitle(next.normalized) || (name.length > 0 && /^و/.test(next.normalized) && !NAME_CONNECTORS.has(words[next.index - 1]!.normalized))) break
      name.push(next.index)
      if (name.filter((index) => !NAME_CONNECTORS.has(words[index]!.normalized)).length === 2 && !NAME_CONNECTORS.has(words[next.index + 1]?.normalized ?? '')) break
    }
    next = words[next.index + 1]
  }
  return name.filter((index) => !NAME_CONNECTORS.has(words[index]!.normalized))
}

