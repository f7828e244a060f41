import { formatSupportIssue } from './format-support-issue.js'
import type { AnswerGrounding } from './score-answer-grounding.js'

/**
 * One line for the grounding badge: how many sentences are supported and, for the first one that
 * is not, its first issue, in the reader's language ('ar' or 'en').
 */
export function explainGrounding(result: AnswerGrounding, language: 'ar' | 'en'): string {
  const arabic = language === 'ar'
  const total = result.sentences.length
  if (total === 0) return arabic ? 'لا توجد جمل يمكن التحقق منها.' : 'No statement to check.'
  const supported = total - result.unsupported.length
  const score = result.score.toFixed(2)
  const head = arabic
    ? `${supported} من ${total} ${total === 1 ? 'جملة' : 'جمل'} مدعومة بالمصدر (الدرجة ${score})`
    : `${supported} of ${total} ${total === 1 ? 'sentence' : 'sentences'} supported by the source (score ${score})`
  const firstIssue = result.unsupported[0]?.issues[0]
  if (!firstIssue) return `${head}.`
  return `${head}${arabic ? '؛ ' : '; '}${formatSupportIssue(firstIssue, language)}.`
}
