import { applyRelevance } from './apply-relevance.js'
import { formatSupportIssue } from './format-support-issue.js'
import type { AnswerGrounding } from './score-answer-grounding.js'
import type { Relevance } from './score-relevance.js'

/**
 * One line for the grounding badge: how many sentences are supported and, for the first one that
 * is not, its first issue; then, when the evidence is off the question, which part of the question
 * it leaves out; in the reader's language ('ar' or 'en'). The score is the badge's (support held
 * down by relevance).
 */
export function explainGrounding(result: AnswerGrounding, language: 'ar' | 'en', relevance: Relevance | null = null): string {
  const arabic = language === 'ar'
  const total = result.sentences.length
  if (total === 0) return arabic ? 'لا توجد جمل يمكن التحقق منها.' : 'No statement to check.'
  const supported = total - result.unsupported.length
  const score = applyRelevance({ score: result.score, supported: result.supported, issues: [] }, relevance).score.toFixed(2)
  const head = arabic
    ? `${supported} من ${total} ${total === 1 ? 'جملة' : 'جمل'} مدعومة بالمصدر (الدرجة ${score})`
    : `${supported} of ${total} ${total === 1 ? 'sentence' : 'sentences'} supported by the source (score ${score})`
  const notes = [result.unsupported[0]?.issues[0], ...(relevance?.relevant === false ? relevance.issues : [])].filter((issue) => issue !== undefined)
  if (notes.length === 0) return `${head}.`
  return `${head}${arabic ? '؛ ' : '; '}${notes.map((issue) => formatSupportIssue(issue, language)).join(arabic ? '؛ ' : '; ')}.`
}
