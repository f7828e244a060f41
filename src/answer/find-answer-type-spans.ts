import { normalizeArabic } from '../text/normalize-arabic.js'
import type { Token } from '../text/tokenize.js'
import type { QuestionAnalysis } from './analyze-question.js'
import type { TokenSpan } from './find-answer-spans.js'
import type { WeightedTerm } from './match-terms.js'
import type { SentenceFacts } from './sentence-facts.js'

const TIME_UNITS = new Set(['سنه', 'سنوات', 'سنين', 'عام', 'اعوام', 'شهر', 'اشهر', 'شهور', 'يوم', 'ايام', 'اسبوع', 'اسابيع', 'عقد', 'عقود', 'قرن', 'قرون', 'ساعه', 'ساعات', 'دقيقه', 'دقائق', 'years', 'year', 'months', 'month', 'days', 'day', 'weeks', 'hours'])

function isDuration(tokens: readonly Token[], span: TokenSpan): boolean {
  return span.lastToken > span.firstToken && TIME_UNITS.has(tokens[span.lastToken]!.normalized)
}

// "كم عدد الضحايا" is not answered by "عشرات الخلايا": a counted noun must be the one asked about,
// unless the question counts with a verb ("كم تبلغ …"), which names no noun.
function countsTheHead(tokens: readonly Token[], span: TokenSpan, head: WeightedTerm | undefined): boolean {
  if (!head || span.lastToken === span.firstToken) return true
  const counted = tokens[span.lastToken]!
  if (counted.isNumber) return true
  return head.variants.some((variant) => variant.stem === counted.stem || variant.stem === counted.cliticFreeStem)
}

/**
 * Date and number questions are only answered by a sentence holding a date or an amount; a question
 * that asks for a name ("ما اسم …") only by one holding a name.
 */
export function needsDetail(analysis: QuestionAnalysis): boolean {
  if (analysis.kind === 'date' || analysis.kind === 'number') return true
  return analysis.kind === 'person' && /(^|\s)(ما )?اسم|name/.test(normalizeArabic(analysis.question))
}

/** The spans of a sentence that are of the type the question asks for (a date for متى, an amount for كم …). */
export function findAnswerTypeSpans(analysis: QuestionAnalysis, facts: SentenceFacts, head?: WeightedTerm): { start: number; end: number }[] {
  const { tokens } = facts
  switch (analysis.kind) {
    case 'date':
      // "منذ متى" and "حتى متى" are also answered by a duration: "تعود الى 225 سنة".
      return [...facts.dateSpans(), ...facts.countSpans().filter((span) => isDuration(tokens, span))]
    case 'number':
      return facts.countSpans().filter((span) => analysis.countsWithVerb || countsTheHead(tokens, span, head))
    case 'person':
      return [...facts.quotedSpans(), ...facts.nameSpans()]
    case 'place':
      return [...facts.quotedSpans(), ...facts.placeSpans()]
    case 'reason':
      return [...facts.causeSpans()]
    default:
      return []
  }
}
