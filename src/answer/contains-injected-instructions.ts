import type { SanadIndex } from '../index/sanad-index.js'
import { normalizeArabic } from '../text/normalize-arabic.js'

// Text that addresses the model instead of reporting anything: overriding its rules, changing its role,
// or dictating what it says or cites. News prose reports speech in the third person ("قال إن", "أكد أن",
// "officials say that"), so only imperatives, second-person forms and role labels are matched.
const INSTRUCTION_PATTERNS = [
  /(تجاهل|تجاهلي|انس|انسي|اهمل|اهملي|تخط|تخطي)[^.؟?!]{0,30}(التعليمات|تعليماتك|الاوامر|اوامرك|القواعد|قواعدك|ما سبق|ما قبل)/,
  /(انت الان|انت مساعد|تصرف (ك|علي انك)|تظاهر (ب?انك)|بلا قيود|دون قيود|وضع المطور|موجه النظام|تعليمات النظام|الي النموذج|ايها النموذج|ايها المساعد)/,
  /(^|[.:؟!]\s*)(من فضلك\s+)?(قل|قولي|اكتب|اكتبي|اجب|اجيبي|استشهد|استشهدي|اقتبس|ردد)(\s|$)/,
  /\b(ignore|disregard|forget|override|bypass)\b[^.?!]{0,40}\b(instructions?|rules|prompt|above|previous|guidelines|context)\b/,
  /\b(you are now|you must now|act as|pretend (to be|that|you)|jailbreak|developer mode|no restrictions|system prompt|as an ai)\b/,
  /(^|[.:!?]\s*)(please\s+)?(say|answer|respond|reply|write|state|tell the user|cite|quote|claim)\b/,
  /(^|\s)(system|assistant|user)\s*:/,
]

/**
 * True when a passage of a source carries instructions aimed at a language model, as a poisoned
 * document would; such a passage is withheld from the model's evidence and so can never be cited.
 */
export function containsInjectedInstructions(text: string): boolean {
  const normalized = normalizeArabic(text).trim()
  return INSTRUCTION_PATTERNS.some((pattern) => pattern.test(normalized))
}

// Documents are fixed for the life of an index, so each index is scanned once.
const poisonedByIndex = new WeakMap<SanadIndex, ReadonlySet<string>>()

/**
 * The documents with any sentence that addresses a model (a poisoned source). Both answerers withhold
 * them whole: once a source is known to carry instructions, none of its statements can be trusted.
 */
export function findPoisonedDocuments(index: SanadIndex): ReadonlySet<string> {
  let poisoned = poisonedByIndex.get(index)
  if (!poisoned) {
    poisoned = new Set(index.corpus.sentences.filter((sentence) => containsInjectedInstructions(index.textOf(sentence))).map((sentence) => sentence.docId))
    poisonedByIndex.set(index, poisoned)
  }
  return poisoned
}
