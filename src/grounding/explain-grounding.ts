import type { AnswerGrounding } from './score-answer-grounding.js'

/**
 * One line for the grounding badge: how many sentences are supported and, for the first one that
 * is not, the first reason, in the answer's language ('ar' or 'en').
 */
export function explainGrounding(result: AnswerGrounding, language: string): string {
  const arabic = language === 'ar'
  const total = result.sentences.length
  if (total === 0) return arabic ? 'لا توجد جمل يمكن التحقق منها.' : 'No statement to check.'
  const supported = total - result.unsupported.length
  const score = result.score.toFixed(2)
  const head = arabic
    ? `${supported} من ${total} ${total === 1 ? 'جملة' : 'جمل'} مدعومة بالمصدر (الدرجة ${score})`
    : `${supported} of ${total} ${total === 1 ? 'sentence' : 'sentences'} supported by the source (score ${score})`
  const firstReason = result.unsupported[0]?.reasons[0]
  if (!firstReason) return `${head}.`
  return `${head}${arabic ? '؛ ' : '; '}${describeReason(firstReason, arabic)}.`
}

function describeReason(reason: string, arabic: boolean): string {
  const [code, detail = ''] = splitReason(reason)
  const texts: Record<string, [string, string]> = {
    'number-mismatch': [`الرقم ${detail} غير وارد في المصدر`, `the number ${detail} is not in the source`],
    'date-mismatch': [`التاريخ «${detail}» غير وارد في المصدر`, `the date "${detail}" is not in the source`],
    'missing-name': [`الاسم «${detail}» غير وارد في المصدر`, `the name "${detail}" is not in the source`],
    'negation-mismatch': ['الجملة تعكس نفيًا أو إثباتًا في المصدر', 'it reverses a negation in the source'],
    opposite: [`«${detail}» يناقض ما في المصدر`, `"${detail}" contradicts the source`],
    'role-swap': ['الأدوار معكوسة مقارنة بالمصدر', 'who did what is reversed from the source'],
    'invalid-citation': [`الإحالة [${detail}] غير موجودة`, `citation [${detail}] does not exist`],
    'low-coverage': ['أغلب كلماتها غير واردة في المصدر', 'most of its words are not in the source'],
    'cross-language-anchors-only': ['لا يمكن التحقق منها إلا بالأرقام والأسماء', 'only its numbers and names could be checked'],
    'no-passages': ['لم يُعثر على مقطع داعم', 'no supporting passage was found'],
    'no-content': ['لا تحمل معلومة يمكن التحقق منها', 'it carries nothing checkable'],
  }
  const text = texts[code]
  if (!text) return reason
  return arabic ? text[0] : text[1]
}

function splitReason(reason: string): [string, string | undefined] {
  const colon = reason.indexOf(':')
  return colon < 0 ? [reason, undefined] : [reason.slice(0, colon), reason.slice(colon + 1)]
}
