import { normalizeArabic } from '../normalize-arabic.js'

/**
 * The words news prose attributes statements with, in one place for every stage: the verbs of saying
 * (قال، أكد، أعلن، أوضح …) and of stance (انتقد، رحب، حذر …) in their common forms, the prepositions
 * that name a source (حسب، وفق، على لسان), the particles that open reported speech (إن، أن، بأن) and the
 * quotation marks. Question analysis reads them to recognise "ماذا قال X؟", the answerer to find what
 * X said.
 *
 * The verbs are listed as written (perfect masculine and feminine, plural, imperfect, and the active
 * participle that introduces a quote, "قائلا"), not by stem: Light10 merges some of them with unrelated
 * words (قال/قالب), and closed lists of a few dozen verbs are small enough to write out.
 */
// Verbs of saying report words only with what was said: "أعلن أن …" is a statement, "أعلن عن مقتل …" an act.
const SPEECH_VERB_FORMS: readonly (readonly string[])[] = [
  ['قال', 'قالت', 'قالوا', 'يقول', 'تقول', 'يقولون', 'قائلا', 'قائلة'],
  ['أكد', 'أكدت', 'أكدوا', 'يؤكد', 'تؤكد', 'مؤكدا', 'مؤكدة'],
  ['أعلن', 'أعلنت', 'أعلنوا', 'يعلن', 'تعلن'],
  ['أوضح', 'أوضحت', 'يوضح', 'توضح', 'موضحا', 'موضحة'],
  ['أضاف', 'أضافت', 'يضيف', 'تضيف', 'مضيفا', 'مضيفة'],
  ['أشار', 'أشارت', 'يشير', 'تشير', 'مشيرا', 'مشيرة'],
  ['صرح', 'صرحت', 'يصرح', 'تصرح'],
  ['ذكر', 'ذكرت', 'يذكر', 'تذكر'],
  ['شدد', 'شددت', 'يشدد', 'تشدد', 'مشددا'],
  ['لفت', 'لفتت'],
  ['رأى', 'رأت', 'يرى', 'ترى'],
  ['أفاد', 'أفادت', 'يفيد', 'تفيد'],
  ['كشف', 'كشفت', 'يكشف', 'تكشف'],
  ['أبلغ', 'أبلغت'],
  ['زعم', 'زعمت'],
  ['ردت'],
  ['say', 'says', 'said', 'saying', 'tell', 'told', 'state', 'stated', 'announce', 'announced', 'declare', 'declared', 'add', 'added', 'stress', 'stressed'],
]
// Verbs of stance are statements by themselves: "انتقدت الحكومة", "رحب بالقرار", "حذر من …".
const STANCE_VERB_FORMS: readonly (readonly string[])[] = [
  ['اعتبر', 'اعتبرت', 'يعتبر', 'تعتبر', 'معتبرا', 'معتبرة'],
  ['وصف', 'وصفت', 'يصف', 'تصف'],
  ['نفى', 'نفت', 'ينفي', 'تنفي'],
  ['حذر', 'حذرت', 'يحذر', 'تحذر', 'محذرا'],
  ['أعرب', 'أعربت', 'معربا', 'معربة'],
  ['انتقد', 'انتقدت', 'ينتقد', 'تنتقد'],
  ['ندد', 'نددت', 'يندد', 'تندد'],
  ['دعا', 'دعت', 'يدعو', 'تدعو'],
  ['طالب', 'طالبت', 'يطالب', 'تطالب'],
  ['وعد', 'وعدت'],
  ['تعهد', 'تعهدت'],
  ['هنأ', 'هنأت'],
  ['رحب', 'رحبت', 'يرحب', 'ترحب'],
  ['warn', 'warned', 'criticize', 'criticized', 'criticise', 'criticised', 'welcome', 'welcomed', 'call', 'called', 'urge', 'urged', 'deny', 'denied', 'describe', 'described'],
]

function formsOf(lists: readonly (readonly string[])[]): Set<string> {
  return new Set(lists.flat().map((form) => normalizeArabic(form)).flatMap((form) => (/^[a-z]/.test(form) ? [form] : [form, `و${form}`, `ف${form}`])))
}

/** Every form of a verb of saying, normalized (with and without a leading و or ف). */
export const SPEECH_VERBS: ReadonlySet<string> = formsOf(SPEECH_VERB_FORMS)

/** Every form of a verb of stance, normalized (with and without a leading و or ف). */
export const STANCE_VERBS: ReadonlySet<string> = formsOf(STANCE_VERB_FORMS)

// Words that name the source of what follows or precedes them: "…»، حسب تيدروس", "وفقا للبيان".
const ATTRIBUTION_PREPOSITION_FORMS = ['حسب', 'بحسب', 'وحسب', 'وفق', 'وفقا', 'طبقا', 'نقلا', 'لسان', 'according']

/** Prepositions that attribute a statement to the name after them, normalized. */
export const ATTRIBUTION_PREPOSITIONS: ReadonlySet<string> = new Set(ATTRIBUTION_PREPOSITION_FORMS.map((form) => normalizeArabic(form)))

// The particles that open reported speech after a verb of saying: "قال إن …", "أكد أن …", "ردت بأنها …".
const REPORTED_SPEECH_OPENER_FORMS = ['إن', 'أن', 'بأن', 'إنه', 'إنها', 'إنهم', 'أنه', 'أنها', 'أنهم', 'بأنه', 'بأنها', 'بأنهم', 'that']

/** Particles that open reported speech ("قال إن …", "أكد أن …"), normalized. */
export const REPORTED_SPEECH_OPENERS: ReadonlySet<string> = new Set(REPORTED_SPEECH_OPENER_FORMS.map((form) => normalizeArabic(form)))

/** Opening quotation marks and the marks that close them: “…”, «…», "…". */
export const QUOTATION_MARKS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['«', '»'],
  ['"', '"'],
])

/** Whether a normalized word is a verb of saying or of stance, with or without a leading conjunction. */
export function isSpeechVerb(normalized: string): boolean {
  return SPEECH_VERBS.has(normalized) || STANCE_VERBS.has(normalized)
}
