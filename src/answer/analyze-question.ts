import { detectLanguage } from '../text/detect-language.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import { ARABIC_MONTHS, ENGLISH_MONTHS } from '../text/calendar-words.js'
import { isPersonRole } from '../text/person-roles.js'
import { tokenize } from '../text/tokenize.js'
import type { HistoryMessage } from './answer-schemas.js'

/** What a question asks for, which decides what an answer must contain. */
export type QuestionKind = 'date' | 'number' | 'place' | 'person' | 'reason' | 'manner' | 'yes-no' | 'list' | 'thing'

/** A content word of a question, with how much it matters. */
export interface QuestionTerm {
  stem: string
  normalized: string
  weight: number
}

/** A question made standalone: its kind, language and content terms, with follow-ups resolved. */
export interface QuestionAnalysis {
  question: string
  language: 'ar' | 'en'
  kind: QuestionKind
  terms: QuestionTerm[]
  /** The word right after the interrogative ("عاصمة" in "ما هي عاصمة البحرين؟"): what is asked about. */
  headStem: string | null
  /** Terms that the answer must mention: the new subject of a follow-up ("وماذا عن البحرين؟"). */
  requiredStems: string[]
  /** The text to retrieve with: the question, with the earlier question when this one follows up. */
  searchText: string
  isFollowUp: boolean
  /** `كم` followed by a verb ("كم تبلغ قيمة …"): an amount is asked for, not a count of the next word. */
  countsWithVerb: boolean
  /**
   * Stems the evidence must hold because the question pins its subject with them: its numbers and
   * dates ("في مايو 2023") and the words of a quoted title ("فيلم «تشريح سقوط»").
   */
  constraintStems: string[]
}

interface KindRule {
  kind: QuestionKind
  pattern: RegExp
}

// Matched against the normalized question with a leading و/ف conjunction removed.
const KIND_RULES: KindRule[] = [
  { kind: 'date', pattern: /^(متي|منذ متي|الي متي|حتي متي|لغايه متي|في اي (عام|سنه|شهر|يوم|تاريخ|وقت|موعد)|ما (هو )?(تاريخ|موعد)|في اي تاريخ|when\b|what (year|date|month|day)\b|on what (date|day)|in what (year|month)|since when|until when|how long ago)/ },
  { kind: 'number', pattern: /^(كم|بكم|ما (هو |هي )?(عدد|قيمه|حجم|نسبه|مقدار|مبلغ|كميه)|how (many|much|long|old)\b|what (is|was) the (number|amount|value|share|percentage|rate|cost|size)\b|what (is the )?number)/ },
  { kind: 'place', pattern: /^(اين|الي اين|من اين|في اي (مدينه|بلد|دوله|منطقه|مكان|عاصمه|قاره|ولايه)|ما (هي )?(المدينه|الدوله|المنطقه|البلد|العاصمه) التي|where\b|in (which|what) (city|country|place|region|town))/ },
  { kind: 'person', pattern: /^(من (هو|هي|هم|الذي|التي|الذين|[^\s]+ (?!من))|مع من|لمن|ما (هو )?اسم|ما اسم|who\b|whom\b|whose\b|what is the name|which ([a-z]+ ){0,2}(person|journalist|reporter|leader|king|president|minister|ambassador|official|man|woman))/ },
  { kind: 'reason', pattern: /^(لماذا|لم |ما (هو |هي )?(سبب|اسباب|السبب|الهدف|الغايه|الدافع)|الام (يعزي|يعود|ترجع|يرجع|تعزي|تعود)|علام|why\b|what (is|was|were) the (reasons?|purpose|goal|aim|cause))/ },
  { kind: 'manner', pattern: /^(كيف|بماذا|باي (طريقه|وسيله)|how\b)/ },
  { kind: 'yes-no', pattern: /^(هل|أ?ليس|is\b|are\b|was\b|were\b|did\b|does\b|do\b|has\b|have\b|had\b|can\b|could\b|will\b|would\b)/ },
  { kind: 'list', pattern: /^(اذكر|عدد |عددي|سم |ما (هي )?(ابرز|اهم)|ما (هي )?ال[^\s]+ات(?=\s|$)|ما (هي )?ال[^\s]+ات التي|list\b|name (the|some|all)\b|what are\b|which (measures|steps|agreements|countries))/ },
]


// Words that frame a question rather than describe its subject; they count little.
const FRAME_WORDS = new Set([
  'اسم', 'عدد', 'تاريخ', 'سنه', 'عام', 'شهر', 'يوم', 'مدينه', 'مكان', 'منطقه', 'سبب', 'السبب', 'هدف', 'الهدف', 'طريقه',
  // Category nouns say what kind of answer is wanted, not what it is about.
  'مصادر', 'مصدر', 'اسباب', 'انواع', 'نوع', 'طرق', 'طريقه', 'وسائل', 'وسيله', 'اسلوب', 'اساليب', 'منهج', 'نهج', 'اليه', 'اليات',
  'اشكال', 'شكل', 'مجالات', 'اهداف', 'نتائج', 'عناصر', 'ابرز', 'اهم',
  'حدث', 'يحدث', 'جري', 'يجري', 'دوله', 'الدوله', 'بلد', 'البلد', 'ذكر', 'اذكر', 'يذكر', 'ورد', 'وردت', 'يتحدث', 'تحدث', 'يري', 'المقال', 'مقال', 'الكاتب', 'كاتب', 'النص', 'حسب', 'وفق', 'وفقا', 'name', 'number', 'year', 'date', 'reason', 'article', 'text', 'place',
])
// The interrogative phrase before a question's head word; a relative pronoun after it means no single head.
const HEAD_OPENER = /^(?:و|ف)?(?:ما|ماذا|من|كم|what|who|which|how many|how much)(?:\s+(?:هو|هي|هم|عدد|اسم|is|are|was|were|the|of|did|does|do))*\s+(\S+)/
const RELATIVE = new Set(['الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'اللذين', 'اللتين'])

function findHeadStem(question: string): string | null {
  const normalized = normalizeQuestionWords(question)
  const word = HEAD_OPENER.exec(normalized)?.[1]
  if (!word || RELATIVE.has(word)) return null
  const token = tokenize(word)[0]
  if (!token || token.isStopword || token.isNumber || FRAME_WORDS.has(token.normalized) || FRAME_WORDS.has(token.stem)) return null
  return token.stem
}

const FOLLOW_UP_OPENERS = /^(و|ف)?(ماذا عن|ما ذا عن|ما عن|عن|what about|and what about|how about|and)(?=\s|$)/
// Words that may follow كم and count: the noun is what is counted (كم دولة). Anything shaped like an
// imperfect verb (ي/ت + at least three letters, no ة) or a common perfect verb asks for an amount.
const COUNTING_VERB = /^(ي|ت)[\u0621-\u064A]{3,}$/
const PERFECT_AMOUNT_VERBS = new Set(['بلغ', 'بلغت', 'كان', 'كانت', 'وصل', 'وصلت', 'استغرق', 'استغرقت', 'كلف', 'كلفت', 'دفع', 'دفعت', 'خسر', 'خسرت', 'ربح', 'ربحت', 'سجل', 'سجلت', 'حقق', 'حققت', 'جمع', 'جمعت', 'ارتفع', 'ارتفعت', 'انخفض', 'انخفضت', 'زاد', 'زادت', 'بيع', 'بيعت', 'اصبح', 'اصبحت', 'صار', 'صارت'])

/** Whether `كم` is followed by a verb ("كم تبلغ", "كم بلغت") rather than the noun it counts ("كم دولة"). */
export function countsWithVerb(question: string): boolean {
  const normalized = normalizeArabic(question).replace(/[؟?!.،,]/g, ' ').replace(/\s+/g, ' ').trim()
  const next = /^(?:و|ف)?(?:كم|بكم)\s+(\S+)/.exec(normalized)?.[1]
  if (!next) return /^(?:how much|what (?:is|was) the (?:amount|value|cost|rate|percentage|share))\b/.test(normalized)
  if (PERFECT_AMOUNT_VERBS.has(next)) return true
  return COUNTING_VERB.test(next) && !question.includes(`${next.slice(0, -1)}ة`)
}
const ANAPHORA = new Set(['ذلك', 'ذاك', 'هذا', 'هذه', 'تلك', 'هو', 'هي', 'هم', 'it', 'that', 'this', 'they', 'them', 'he', 'she', 'then'])
// A follow-up with a pronoun names at most this many content words of its own ("ومتى وقعها المغرب؟").
const MAX_CONTENT_WORDS_OF_A_FOLLOW_UP = 2
const COPULAS = new Set(['هو', 'هي', 'هم'])
const INTERROGATIVES = new Set(['ما', 'من', 'ماذا', 'متي', 'اين', 'كيف', 'لماذا', 'كم', 'اي', 'وما', 'ومن'])
const RELATIVES = /(^|\s)(الذي|التي|الذين|اللذين|اللتين|اللواتي|اللاتي|اللتان|اللذان|مما|عما|فيما)(\s|$)/
// "هذا العام", "هذه السنة": a demonstrative before a time noun points at the article's own time.
const TIME_NOUNS = new Set(['العام', 'السنه', 'الشهر', 'الاسبوع', 'اليوم', 'الموسم', 'year', 'month', 'week'])

/**
 * Whether a question leans on an earlier one through a pronoun or demonstrative. Not anaphora: a
 * copula after an interrogative ("ما هي عاصمة …"), a demonstrative before a time noun ("هذا العام"),
 * a resumptive pronoun in a relative clause ("الاسم الذي أطلقه العلماء"), and a final ه on a definite
 * noun, which is ة written without its dots ("المنظمه").
 */
export function leansOnContext(question: string): boolean {
  const words = normalizeArabic(question).replace(/[؟?!.،,]/g, ' ').trim().toLowerCase().split(/\s+/)
  const pointing = words.some((word, position) => {
    const bare = ANAPHORA.has(word) ? word : word.replace(/^(و|ف|ب|ل)/, '')
    if (!ANAPHORA.has(bare)) return false
    if (COPULAS.has(bare) && (position === 0 || INTERROGATIVES.has(words[position - 1]!))) return false
    if (TIME_NOUNS.has(words[position + 1] ?? '')) return false
    return true
  })
  if (pointing) return true
  // An attached pronoun (مقتله، نفطه، ضحاياه): the original spelling tells it from ة, which normalizes alike.
  const originals = question.split(/\s+/)
  return originals.some((word, position) => {
    if (!/[\u0621-\u064A]{3,}(ه|ها|هم|هما)[؟?!.]?$/.test(word) || /ة[؟?!.]?$/.test(word)) return false
    // A definite noun never carries a possessive pronoun: "المنظمه" is a spelling of المنظمة.
    if (/^(و|ف|ب|ل|لل|وب|ول|فب)?ال/.test(normalizeArabic(word))) return false
    return !RELATIVES.test(normalizeArabic(originals.slice(0, position).join(' ')))
  })
}

/**
 * The question normalized for reading its interrogative: Arabic normalization, punctuation and a
 * leading dash or bullet dropped, and glued interrogatives split as they are often typed ("ماهو" →
 * "ما هو", "ماهي" → "ما هي", "لمادا" → "لماذا").
 */
export function normalizeQuestionWords(question: string): string {
  // One question is read several times while it is answered (its kind, its head word, whether it is broad).
  if (question === lastQuestion.written) return lastQuestion.normalized
  const normalized = readQuestionWords(question)
  lastQuestion = { written: question, normalized }
  return normalized
}

let lastQuestion = { written: '', normalized: '' }

function readQuestionWords(question: string): string {
  return normalizeArabic(question)
    .replace(/[؟?!.،,:؛;«»“”"()\[\]]/g, ' ')
    .replace(/^[\s\-–—•*]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(و|ف)?ما(هو|هي|هم|هما)(?=\s|$)/, '$1ما $2')
    .replace(/^(و|ف)?لمادا(?=\s|$)/, '$1لماذا')
}

const QUOTED = /[«“"]([^»”"]{1,80})[»”"]/g

/** The stems a question pins its subject with: numbers, years and month names, and quoted words. */
export function findConstraintStems(question: string): string[] {
  const stems = new Set<string>()
  for (const token of tokenize(question)) {
    if (token.isNumber || ARABIC_MONTHS.has(token.normalized) || ENGLISH_MONTHS.has(token.normalized)) stems.add(token.stem)
  }
  for (const match of question.matchAll(QUOTED)) {
    for (const token of tokenize(match[1]!)) if (!token.isStopword) stems.add(token.stem)
  }
  return [...stems]
}

/** Classifies a question by its interrogative and collects its content terms. */
export function classifyQuestion(question: string): { kind: QuestionKind; language: 'ar' | 'en' } {
  const normalized = normalizeQuestionWords(question)
  const withoutConjunction = normalized.replace(/^(و|ف)(?=(متي|كم|بكم|اين|من|لماذا|كيف|هل|ما|ماذا|اذكر|مع|في|الي|حتي|منذ|لم |علام))/, '')
  let kind = KIND_RULES.find((rule) => rule.pattern.test(withoutConjunction))?.kind ?? 'thing'
  // "ما اسم الاتفاقية" asks for a title, "ما اسم الوزير" for a person.
  const named = /(^|\s)اسم (\S+)/.exec(withoutConjunction)?.[2]
  if (kind === 'person' && named && !isPersonRole(named)) kind = 'thing'
  return { kind, language: detectLanguage(question) }
}

function termsOf(text: string, weight: number): QuestionTerm[] {
  const terms: QuestionTerm[] = []
  for (const token of tokenize(text)) {
    if (token.isStopword || terms.some((term) => term.stem === token.stem)) continue
    if (!token.isNumber && token.stem.length < 2) continue
    terms.push({ stem: token.stem, normalized: token.normalized, weight: FRAME_WORDS.has(token.normalized) || FRAME_WORDS.has(token.stem) ? weight * 0.25 : weight })
  }
  return terms
}

/**
 * Analyzes a question and, when it follows up on the conversation ("وماذا عن البحرين؟",
 * "ومتى حدث ذلك؟"), folds in the subject of the earlier question so that it stands alone.
 */
export function analyzeQuestion(question: string, history: readonly HistoryMessage[] = []): QuestionAnalysis {
  const { kind, language } = classifyQuestion(question)
  const ownTerms = termsOf(question, 1)
  const previousQuestion = [...history].reverse().find((message) => message.role === 'user')?.content
  const normalized = normalizeArabic(question).replace(/[؟?!.،,]/g, ' ').trim()
  const words = normalized.split(/\s+/)
  const opensFollowUp = FOLLOW_UP_OPENERS.test(normalized)
  const hasAnaphora = leansOnContext(question)
  // History only fills what the question lacks: a pronoun or demonstrative, an ellipsis ("وماذا عن
  // البحرين؟"), or no content word at all ("ومتى؟"). A question that stands on its own ignores it.
  // A pronoun leans on the conversation only when the question does not name its own subject: in
  // "ما الذي وصف به الوزير الخطة بأنه …" or "كم هدفا سجل ميسي في مسيرته" it points inside the question.
  const contentCount = ownTerms.filter((term) => term.weight >= 1).length
  const isFollowUp = previousQuestion !== undefined && (opensFollowUp || contentCount === 0 || (hasAnaphora && contentCount <= MAX_CONTENT_WORDS_OF_A_FOLLOW_UP))
  const amountWithVerb = kind === 'number' && countsWithVerb(question)
  // "كم تبلغ قيمة الصفقة": the verb is not what is asked about; the noun after it is.
  const headStem = findHeadStem(amountWithVerb ? normalized.replace(/^((?:و|ف)?(?:كم|بكم))\s+\S+/, '$1') : question)

  if (!isFollowUp || previousQuestion === undefined) {
    return { question, language, kind, terms: ownTerms, headStem, requiredStems: [], searchText: question, isFollowUp: false, countsWithVerb: amountWithVerb, constraintStems: findConstraintStems(question) }
  }
  const earlier = analyzeQuestion(previousQuestion, history.slice(0, history.lastIndexOf(history.find((message) => message.content === previousQuestion)!)))
  const carried = earlier.terms
    .filter((term) => !ownTerms.some((own) => own.stem === term.stem))
    .map((term) => ({ ...term, weight: term.weight * (opensFollowUp ? 0.6 : 0.9) }))
  return {
    question,
    language,
    // "وماذا عن X؟" asks the earlier question again about X; "ومتى حدث ذلك؟" asks something new.
    kind: opensFollowUp && kind === 'thing' ? earlier.kind : kind,
    terms: [...ownTerms, ...carried],
    headStem,
    // The new subject: the follow-up's own words that the earlier question did not have ("الكويت" in "وماذا عن بورصة الكويت؟").
    requiredStems: opensFollowUp ? ownTerms.filter((term) => term.weight >= 1 && !earlier.terms.some((other) => other.stem === term.stem)).map((term) => term.stem) : [],
    searchText: `${earlier.searchText} ${question}`,
    isFollowUp: true,
    countsWithVerb: amountWithVerb,
    constraintStems: [...new Set([...findConstraintStems(question), ...earlier.constraintStems])],
  }
}
