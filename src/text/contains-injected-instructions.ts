import { normalizeArabic } from './normalize-arabic.js'

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
 * document would; the index flags such documents and the answerers withhold them.
 */
export function containsInjectedInstructions(text: string): boolean {
  const normalized = normalizeArabic(text).trim()
  return INSTRUCTION_PATTERNS.some((pattern) => pattern.test(normalized))
}
