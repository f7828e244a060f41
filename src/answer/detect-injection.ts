import { normalizeArabic } from '../text/normalize-arabic.js'

/** What to do with a question that carries instructions aimed at the answerer. */
export type InjectionVerdict =
  | { kind: 'clean' }
  | { kind: 'stripped'; question: string }
  | { kind: 'refuse' }

// Attempts to override the rules, to change the assistant's role, or to extract its prompt.
const OVERRIDE_PATTERNS = [
  /(تجاهل|انس|اهمل|تخط)[^.؟?!:]{0,20}(التعليمات|تعليماتك|الاوامر|اوامرك|القواعد|قواعدك|ما سبق|كل ما)/,
  /(انت الان|تصرف (ك|علي انك)|تظاهر|بلا قيود|دون قيود|وضع المطور)/,
  /(موجه النظام|تعليمات النظام|التعليمات التي اعطيت|برومبت|system prompt)/,
  /(تم تعطيل|عطل|الغ)[^.؟?!:]{0,20}(القواعد|قواعد|الاستشهاد|القيود)/,
  /\b(ignore|disregard|forget|override)\b[^.?!:]{0,30}\b(instructions|rules|prompt|above|previous)\b/,
  /\b(you are now|act as|pretend|jailbreak|developer mode|no restrictions|without (any )?sources)\b/,
  /\b(reveal|print|show|repeat)\b[^.?!:]{0,20}\b(system )?(prompt|instructions)\b/,
  /(^|\s)(system|assistant)\s*:/,
]
// Requests to assert or to "prove" a given claim instead of asking what the sources say.
const ASSERTION_PATTERNS = [
  /(^|\s)(قل|اكتب|اكد|اكدي|اثبت|برهن|ادع|زعم|اخبرني) ?(لي )?(ان|بان)(\s|$)/,
  /(تثبت|يثبت|تؤكد|يؤكد|تبرهن) (ان|بان)(\s|$)/,
  /\b(say|write|confirm|prove|claim|state|pretend) that\b/,
  /\b(that|which) (proves|shows|confirms) that\b/,
]
const QUESTION_OPENER = /^(و|ف)?(متي|كم|اين|من|ما|ماذا|لماذا|كيف|هل|اي|اذكر|مع من|في اي|when|what|which|who|whom|where|why|how|is|are|did|does|was|were)(\s|$)/

/**
 * Finds instructions smuggled into a question. An assertion request ("قل إن …") is refused; an
 * override wrapped around a genuine question is stripped and the question kept; anything else is clean.
 */
export function detectInjection(question: string): InjectionVerdict {
  const normalized = normalizeArabic(question)
  if (ASSERTION_PATTERNS.some((pattern) => pattern.test(normalized))) return { kind: 'refuse' }
  if (!OVERRIDE_PATTERNS.some((pattern) => pattern.test(normalized))) return { kind: 'clean' }
  const segments = question
    .split(/[.:؟?!\n]+|\s+ثم\s+/)
    .map((segment) => segment.trim())
    .filter((segment) => {
      const text = normalizeArabic(segment)
      return QUESTION_OPENER.test(text) && !OVERRIDE_PATTERNS.some((pattern) => pattern.test(text))
    })
  if (segments.length === 0) return { kind: 'refuse' }
  return { kind: 'stripped', question: `${segments.join(' ')}؟` }
}
