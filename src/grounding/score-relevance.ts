import { consonantSkeleton } from '../text/consonant-skeleton.js'
import { PLACE_NOUNS, QUESTION_FRAME_WORDS } from '../text/lexicon/question-lexicon.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import { stemWord } from '../text/stem-word.js'
import { measureBigramSimilarity, spellInArabic } from '../translate/transliterate-name.js'
import { analyzePassage, analyzeText, isTitle, type AnalyzedText, type AnalyzedWord } from './analyze-text.js'
import { approximateRoot } from './approximate-root.js'
import { CLOSE_WORD_SIMILARITY, CloseWordIndex, measureWordSimilarity, type WordForms } from './measure-word-similarity.js'
import { areRivalKinds } from './name-gazetteer.js'
import { findSynonymKeys } from './polarity-words.js'
import type { AskedType, SupportIssue } from './support-issue.js'

/** What relevance is judged on: the question, the evidence the answer cites, its short answer, and the kind of answer asked for. */
export interface RelevanceInput {
  question: string
  /** The cited evidence (the quotes of the citations, or the answer's own sentences). */
  quotes: readonly string[]
  shortAnswer?: string | null
  /** Date for متى/when, number for كم/how many, person for من/who, place for أين/where; null for other questions. */
  askedType: AskedType | null
}

/** Optional knowledge for relevance: renderings of English question words, and how much a question word weighs (rare words more). */
export interface RelevanceOptions {
  translateWord?: (word: string) => readonly string[]
  /** The weight of a content word of the question by its stem; 1 for every word when absent. */
  weighWord?: (stem: string) => number
}

/** Whether the cited evidence answers the question: the share of the question it covers, and what it leaves out. */
export interface Relevance {
  /** Weighted share of the question's key terms found in the evidence, lowered when the asked-for kind of answer is missing; in [0,1]. */
  score: number
  /** True when enough of the question is covered, none of its places, numbers or dates is replaced by another, and the evidence gives the asked-for kind of answer. */
  relevant: boolean
  askedType: AskedType | null
  /** Weighted share of the question's key terms found in the evidence. */
  coverage: number
  /** True when the evidence gives another place, number or date in place of one of the question's. */
  replaced: boolean
  /** Whether the evidence holds something of the asked-for kind (a date for متى); true when nothing particular is asked for. */
  hasAskedType: boolean
  /** The question's words that the evidence does not cover, names and places first, as written. */
  missing: string[]
  /** `off-question` when not relevant. */
  issues: SupportIssue[]
}

/**
 * The share of the question's key terms below which an answer is off the question: fitted by
 * `npm run fit:relevance` on the development pairs that carry a question and the seed article's
 * questions (best mean balanced accuracy): questions paraphrase, so under half of their words need be in the evidence.
 */
export const RELEVANCE_THRESHOLD = 0.45
// Names, places, numbers and dates identify what a question is about; a missing one is decisive.
const ANCHOR_WEIGHT = 2
// Evidence without the asked-for kind of answer keeps at most this share of its score.
const MISSING_TYPE_FACTOR = 0.5
// A question word is covered by an evidence word at least this alike (the CloseWordIndex threshold).
const WORD_MATCH = CLOSE_WORD_SIMILARITY
const MISSING_LISTED = 4

const FRAME_WORDS = new Set(QUESTION_FRAME_WORDS)
const PLACE_NOUN_STEMS = new Set(PLACE_NOUNS.map((noun) => stemWord(normalizeArabic(noun))))

interface KeyTerm {
  label: string
  weight: number
  /** A missing required term makes the evidence off the question, whatever the rest covers. */
  required: boolean
  covered: boolean
}

/**
 * Judges whether cited evidence answers a question (in the manner of RAGAS answer relevance, but
 * lexical and offline): enough of the question's key terms must appear in the evidence (places,
 * names, numbers and dates weigh double, content words by `options.weighWord`, near-synonyms and
 * spelling variants count, a capital stands for its country); a place, number or date of the
 * question that the evidence replaces by another of its kind makes it off the question; and for a
 * date, number, person or place question the evidence must hold one.
 */
export function scoreRelevance(input: RelevanceInput, options: RelevanceOptions = {}): Relevance {
  const question = analyzeText(input.question)
  const evidence = analyzePassage([...input.quotes, input.shortAnswer ?? ''].join('\n'))
  const terms = collectKeyTerms(question, evidence, options)
  const hasAskedType = input.askedType === null || holdsAskedType(evidence, input.askedType)
  const total = terms.reduce((sum, term) => sum + term.weight, 0)
  const coverage = total === 0 ? 1 : terms.filter((term) => term.covered).reduce((sum, term) => sum + term.weight, 0) / total
  const score = Math.round(coverage * (hasAskedType ? 1 : MISSING_TYPE_FACTOR) * 1000) / 1000
  const missingTerms = terms.filter((term) => !term.covered).sort((first, second) => Number(second.required) - Number(first.required) || second.weight - first.weight)
  const replaced = missingTerms.some((term) => term.required)
  const relevant = hasAskedType && coverage >= RELEVANCE_THRESHOLD && !replaced
  const missing = missingTerms.slice(0, MISSING_LISTED).map((term) => term.label)
  return {
    score,
    relevant,
    askedType: input.askedType,
    coverage: Math.round(coverage * 1000) / 1000,
    replaced,
    hasAskedType,
    missing,
    issues: relevant ? [] : [{ kind: 'off-question', missing, askedType: hasAskedType ? null : input.askedType }],
  }
}

/** The kind of answer a question kind asks for (of src/answer's question kinds, or any string), if relevance checks it. */
export function toAskedType(kind: string | null | undefined): AskedType | null {
  return kind === 'date' || kind === 'number' || kind === 'person' || kind === 'place' ? kind : null
}

function collectKeyTerms(question: AnalyzedText, evidence: AnalyzedText, options: RelevanceOptions): KeyTerm[] {
  const terms: KeyTerm[] = []
  const label = (first: number, last: number) => question.words.slice(first, last + 1).map((word) => word.text).join(' ')
  // A question's place, number or date that the evidence lacks is decisive when the evidence has
  // another of its kind instead (بلجيكا asked, الولايات المتحدة given); otherwise the evidence may
  // just name it otherwise (زعيم القاعدة for بن لادن), and it only weighs.
  const evidenceIds = new Set(evidence.entities.flatMap((mention) => [mention.id, ...mention.sameAs]))
  const questionIds = new Set(question.entities.flatMap((mention) => [mention.id, ...mention.sameAs]))
  for (const entity of question.entities) {
    const covered = evidenceIds.has(entity.id) || entity.sameAs.some((id) => evidenceIds.has(id))
    const rivals = evidence.entities.filter((mention) => !questionIds.has(mention.id) && areRivalKinds(mention.kind, entity.kind))
    // A nationality adjective is replaced only right after the word it qualifies (المطاردة الأميركية against المطاردة الباكستانية).
    const head = question.words[entity.first - 1]
    const rival = entity.isAdjective
      ? head !== undefined && rivals.some((mention) => measureWordSimilarity(head, evidence.words[mention.first - 1] ?? evidence.words[0]!) >= WORD_MATCH && mention.first > 0)
      : rivals.length > 0
    terms.push({ label: label(entity.first, entity.last), weight: ANCHOR_WEIGHT, required: rival, covered })
  }
  const isYear = (value: number) => Number.isInteger(value) && value >= 1000 && value <= 2100
  for (const quantity of question.quantities) {
    const rival = evidence.quantities.some((other) => other.value !== quantity.value && isYear(other.value) === isYear(quantity.value))
    terms.push({ label: question.words[quantity.index]!.text, weight: ANCHOR_WEIGHT, required: rival, covered: evidence.quantities.some((other) => other.value === quantity.value) })
  }
  for (const date of question.calendar) {
    const rival = evidence.calendar.some((other) => other.id !== date.id && other.id.split(':')[0] === date.id.split(':')[0])
    terms.push({ label: label(date.first, date.last), weight: ANCHOR_WEIGHT, required: rival, covered: evidence.calendar.some((other) => other.id === date.id) })
  }
  // A person's name of several words is one term, covered by any of its words (أردوغان for رجب طيب أردوغان).
  const nameIndices = question.names.filter((name) => name.strong).map((name) => name.index).sort((first, second) => first - second)
  const nameRuns: number[][] = []
  for (const index of nameIndices) {
    const run = nameRuns.at(-1)
    if (run && index - run.at(-1)! <= 2) run.push(index)
    else nameRuns.push([index])
  }
  for (const run of nameRuns) {
    const words = run.map((index) => question.words[index]!)
    terms.push({ label: label(run[0]!, run.at(-1)!), weight: ANCHOR_WEIGHT, required: false, covered: words.some((word) => isCovered(word, evidence)) })
  }
  const seen = new Set<string>()
  for (const word of question.words) {
    if (word.isStopword || word.isNumber || question.anchored.has(word.index)) continue
    if (FRAME_WORDS.has(word.normalized) || FRAME_WORDS.has(word.stem) || word.stem.length < 2 || seen.has(word.stem)) continue
    seen.add(word.stem)
    const crossLanguage = word.script === 'latin' && evidence.script === 'arabic'
    if (crossLanguage && !options.translateWord && !/^[A-Z]/.test(word.text)) continue
    // An English word is looked for through its Arabic renderings, and a capitalised one (a name) by its likely spellings.
    if (crossLanguage && LATIN_NAME_PARTICLES.has(word.normalized)) continue
    const spellings = crossLanguage && /^[A-Z]/.test(word.text) ? spellInArabic(word.text) : []
    const forms = crossLanguage ? (options.translateWord?.(word.normalized) ?? []).map(describeForms) : [word]
    if (forms.length === 0 && spellings.length === 0) continue
    const covered = forms.some((form) => isCovered(form, evidence)) || evidence.words.some((candidate) => spellings.some((spelling) => isSpelledAs(spelling, candidate.normalized)))
    terms.push({ label: word.text, weight: options.weighWord?.(word.stem) ?? 1, required: !covered && isModifierReplaced(word, question, evidence), covered })
  }
  return terms
}

/**
 * A question word that qualifies the word before it (المتحف البحري) is replaced when the evidence
 * has that head word, always followed by another qualifier the question does not have (المتحف
 * الوطني): the evidence is about another thing of the same name.
 */
function isModifierReplaced(word: AnalyzedWord, question: AnalyzedText, evidence: AnalyzedText): boolean {
  const head = question.words[word.index - 1]
  const definite = (candidate: AnalyzedWord) => /^[وفبلك]?ال/.test(candidate.normalized)
  // A definite noun and its definite adjective: المتحف البحري (a verb and its subject are not one).
  if (!head || head.isStopword || word.script !== 'arabic' || !definite(head) || !definite(word)) return false
  const inQuestion = (candidate: AnalyzedWord) => isCovered(candidate, question)
  const heads = evidence.words.filter((candidate) => !candidate.isStopword && measureWordSimilarity(head, candidate) >= WORD_MATCH)
  // Every time the evidence uses the head word, another qualifier follows it.
  return heads.length > 0 && heads.every((candidate) => {
    const next = evidence.words[candidate.index + 1]
    const joined = next !== undefined && /^\s+$/.test(evidence.text.slice(candidate.end, next.start))
    return joined && !next.isStopword && !next.isNumber && next.script === 'arabic' && definite(next) && !inQuestion(next)
  })
}

// Parts of Arabic names written in English (bin Laden, al-Qaeda), not words of their own.
const LATIN_NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'abu', 'abd'])

// A likely Arabic spelling of an English name against a word of the evidence, article and proclitic aside.
function isSpelledAs(spelling: string, word: string): boolean {
  const bare = word.replace(/^(?:[وبلفك]?ال|[وبلفك])(?=..)/, '')
  return [word, bare].some((form) => consonantSkeleton(form) === consonantSkeleton(spelling) || measureBigramSimilarity(spelling, form) >= 0.75)
}

function describeForms(rendering: string): WordForms & { lexiconKeys: readonly string[] } {
  const normalized = normalizeArabic(rendering)
  const stem = stemWord(normalized)
  return { normalized, stem, skeleton: consonantSkeleton(stem), root: approximateRoot(stem), lexiconKeys: [] }
}

// The evidence's words by their exact forms and lexicon keys: most question words are found there
// at once, without comparing them with every word (evidence texts recur, so this is kept per text).
interface EvidenceForms {
  stems: Set<string>
  normalized: Set<string>
  lexiconKeys: Set<string>
  /** The content words, for words that are only alike (a shared skeleton or root). */
  close: CloseWordIndex
}

const formsOfEvidence = new WeakMap<AnalyzedText, EvidenceForms>()

function indexEvidence(evidence: AnalyzedText): EvidenceForms {
  let forms = formsOfEvidence.get(evidence)
  if (!forms) {
    forms = { stems: new Set(), normalized: new Set(), lexiconKeys: new Set(), close: new CloseWordIndex(evidence.words.filter((word) => !word.isStopword)) }
    for (const word of evidence.words) {
      if (word.isStopword) continue
      forms.stems.add(word.stem)
      forms.normalized.add(word.normalized)
      if (word.bare) {
        forms.stems.add(word.bare.stem)
        forms.normalized.add(word.bare.normalized)
      }
      for (const key of word.lexiconKeys) forms.lexiconKeys.add(key)
    }
    formsOfEvidence.set(evidence, forms)
  }
  return forms
}

function isCovered(word: WordForms & { lexiconKeys: readonly string[] }, evidence: AnalyzedText): boolean {
  const forms = indexEvidence(evidence)
  if (forms.stems.has(word.stem) || forms.normalized.has(word.normalized) || (word.bare && (forms.stems.has(word.bare.stem) || forms.normalized.has(word.bare.normalized)))) return true
  if (word.lexiconKeys.length > 0 && findSynonymKeys(word.lexiconKeys).some((key) => forms.lexiconKeys.has(key))) return true
  return forms.close.hasCloseWord(word)
}

function holdsAskedType(evidence: AnalyzedText, askedType: AskedType): boolean {
  switch (askedType) {
    case 'date':
      return evidence.calendar.length > 0 || evidence.quantities.some(({ value }) => Number.isInteger(value) && value >= 1000 && value <= 2100)
    case 'number':
      return evidence.quantities.length > 0
    case 'person':
      // "Who" is answered by a name, a role (السفير، the ambassador) or an acting body (الحكومة البلجيكية، the UN).
      return evidence.names.some((name) => name.strong) || evidence.words.some((word) => isTitle(word.normalized)) || evidence.entities.length > 0
    case 'place':
      return evidence.entities.some((mention) => mention.kind !== 'organisation') || evidence.words.some((word) => PLACE_NOUN_STEMS.has(word.stem) || (word.bare !== null && word.bare !== undefined && PLACE_NOUN_STEMS.has(word.bare.stem)))
  }
}
