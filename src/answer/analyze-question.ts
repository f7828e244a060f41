import { detectLanguage } from '../text/detect-language.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
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
}

interface KindRule {
  kind: QuestionKind
  pattern: RegExp
}

// Matched against the normalized question with a leading و/ف conjunction removed.
const KIND_RULES: KindRule[] = [
  { kind: 'date', pattern: /^(متي|منذ متي|الي متي|في اي (عام|سنه|شهر|يوم|تاريخ|وقت)|ما (هو )?تاريخ|في اي تاريخ|when\b|what (year|date|month|day)\b|on what (date|day)|in what (year|month)|since when)/ },
  { kind: 'number', pattern: /^(كم|ما (هو )?عدد|how (many|much|long|old)\b|what (is the )?number)/ },
  { kind: 'place', pattern: /^(اين|الي اين|من اين|في اي (مدينه|بلد|دوله|منطقه|مكان|عاصمه)|ما (هي )?(المدينه|الدوله|المنطقه|البلد) التي|where\b|in (which|what) (city|country|place|region|town))/ },
  { kind: 'person', pattern: /^(من (هو|هي|هم|الذي|التي|الذين|[^\s]+ (?!من))|مع من|لمن|ما (هو )?اسم|ما اسم|who\b|whom\b|whose\b|what is the name|which ([a-z]+ ){0,2}(person|journalist|reporter|leader|king|president|minister|ambassador|official|man|woman))/ },
  { kind: 'reason', pattern: /^(لماذا|لم |ما (هو )?(سبب|السبب|الهدف|الغايه|الدافع)|علام|why\b|what (is|was) the (reason|purpose|goal|aim))/ },
  { kind: 'manner', pattern: /^(كيف|بماذا|باي (طريقه|وسيله)|how\b)/ },
  { kind: 'yes-no', pattern: /^(هل|أ?ليس|is\b|are\b|was\b|were\b|did\b|does\b|do\b|has\b|have\b|had\b|can\b|could\b|will\b|would\b)/ },
  { kind: 'list', pattern: /^(اذكر|عدد |عددي|سم |ما (هي )?(ابرز|اهم)|ما (هي )?ال[^\s]+ات(?=\s|$)|ما (هي )?ال[^\s]+ات التي|list\b|name (the|some|all)\b|what are\b|which (measures|steps|agreements|countries))/ },
]

/** Nouns for people by role, normalized without the article. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'وزير', 'سفير', 'رئيس', 'ملك', 'امير', 'صحفي', 'صحافي', 'مندوب', 'زعيم', 'قائد', 'ناطق', 'متحدث', 'مسوول', 'كاتب', 'مولف',
  'شخص', 'رجل', 'امراه', 'عاهل', 'مدير', 'نائب', 'جنرال', 'شيخ', 'رهينه', 'ضحيه', 'منفذ', 'مراسل',
])

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
  const normalized = normalizeArabic(question).replace(/[؟?!.،,]/g, ' ').replace(/\s+/g, ' ').trim()
  const word = HEAD_OPENER.exec(normalized)?.[1]
  if (!word || RELATIVE.has(word)) return null
  const token = tokenize(word)[0]
  if (!token || token.isStopword || token.isNumber || FRAME_WORDS.has(token.normalized) || FRAME_WORDS.has(token.stem)) return null
  return token.stem
}

const FOLLOW_UP_OPENERS = /^(و|ف)?(ماذا عن|ما ذا عن|ما عن|عن|what about|and what about|how about|and)(?=\s|$)/
const ANAPHORA = new Set(['ذلك', 'ذاك', 'هذا', 'هذه', 'تلك', 'هو', 'هي', 'هم', 'it', 'that', 'this', 'they', 'them', 'he', 'she', 'there', 'then'])

/** Classifies a question by its interrogative and collects its content terms. */
export function classifyQuestion(question: string): { kind: QuestionKind; language: 'ar' | 'en' } {
  const normalized = normalizeArabic(question).replace(/[؟?!.،,]/g, ' ').replace(/\s+/g, ' ').trim()
  const withoutConjunction = normalized.replace(/^(و|ف)(?=(متي|كم|اين|من|لماذا|كيف|هل|ما|ماذا|اذكر|مع|في|الي))/, '')
  let kind = KIND_RULES.find((rule) => rule.pattern.test(withoutConjunction))?.kind ?? 'thing'
  // "ما اسم الاتفاقية" asks for a title, "ما اسم الوزير" for a person.
  const named = /(^|\s)اسم (\S+)/.exec(withoutConjunction)?.[2]
  if (kind === 'person' && named && !PERSON_NOUNS.has(named.replace(/^ال/, ''))) kind = 'thing'
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
  const hasAnaphora =
    words.some((word) => ANAPHORA.has(word) || ANAPHORA.has(word.replace(/^(و|ف|ب|ل)/, ''))) ||
    // An attached pronoun (مقتله، نفطه، ضحاياه) — the original spelling tells it from ة, which normalizes alike.
    question.split(/\s+/).some((word) => /[\u0621-\u064A]{3,}(ه|ها|هم|هما)[؟?!.]?$/.test(word) && !/ة[؟?!.]?$/.test(word)) ||
    /^(و|ف)(متي|كم|اين|من|ما|ماذا|لماذا|كيف|هل)(\s|$)/.test(normalized)
  const contentWeight = ownTerms.reduce((sum, term) => sum + term.weight, 0)
  const isFollowUp = previousQuestion !== undefined && (opensFollowUp || hasAnaphora || contentWeight <= 1.5)

  if (!isFollowUp || previousQuestion === undefined) {
    return { question, language, kind, terms: ownTerms, headStem: findHeadStem(question), requiredStems: [], searchText: question, isFollowUp: false }
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
    headStem: findHeadStem(question),
    requiredStems: opensFollowUp ? ownTerms.filter((term) => term.weight >= 1).map((term) => term.stem) : [],
    searchText: `${earlier.searchText} ${question}`,
    isFollowUp: true,
  }
}
