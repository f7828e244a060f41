import type { AskResponse } from '../answer/answer-schemas.js'
import { scoreSupport, type ScoreSupportOptions } from '../grounding/score-support.js'
import { splitIntoClaims } from '../grounding/split-into-claims.js'
import type { MetricSet, QuestionResult } from './eval-report-schemas.js'
import { locateGoldSpans, overlapsGold, type GoldSpan } from './locate-gold-spans.js'
import type { Question } from './question-set.js'
import { scoreAnswerMatch } from './score-answer-match.js'
import { scoreCitations } from './score-citations.js'

/** One question as it was run: the pipeline's response (null when the call failed) and how long it took. */
export interface EvalRecord {
  question: Question
  response: AskResponse | null
  latencyMs: number
  error: string | null
}

/** Overall metrics, the same per question kind, and each question's result. */
export interface ComputedMetrics {
  metrics: MetricSet
  byKind: Record<string, MetricSet>
  results: QuestionResult[]
}

const GOLD_CONTEXT = 160

/** Scores every record against its question's key and the source texts, then aggregates overall and by kind; `options` go to the support scorer. */
export function computeMetrics(records: readonly EvalRecord[], documents: ReadonlyMap<string, string>, options: ScoreSupportOptions = {}): ComputedMetrics {
  const results = records.map((record) => evaluateQuestion(record, documents, options))
  const kinds = [...new Set(results.map((result) => result.kind))]
  return {
    metrics: summarizeResults(results),
    byKind: Object.fromEntries(kinds.map((kind) => [kind, summarizeResults(results.filter((result) => result.kind === kind))])),
    results,
  }
}

/**
 * Scores one response. Retrieval: the rank of the first passage overlapping a gold span (hit@k,
 * MRR) and RAGAS context precision. Answer: containment, exact match and token F1 against the
 * acceptable answers. Citations: ALCE recall and precision, validity (quote === slice). Faithfulness:
 * the answer's claims supported by its passages and citations.
 */
export function evaluateQuestion(record: EvalRecord, documents: ReadonlyMap<string, string>, options: ScoreSupportOptions = {}): QuestionResult {
  const { question, response } = record
  const gold = locateGoldSpans(question.goldEvidence, documents)
  const answered = response ? response.answered : null
  const passages = (response?.passages ?? []).map((passage) => ({ docId: passage.docId, start: passage.start, end: passage.end, overlapsGold: overlapsGold(passage, gold) }))
  const citations = (response?.citations ?? []).map((citation) => ({
    n: citation.n,
    docId: citation.docId,
    start: citation.start,
    end: citation.end,
    quote: citation.quote,
    valid: documents.get(citation.docId)?.slice(citation.start, citation.end) === citation.quote,
    overlapsGold: overlapsGold(citation, gold),
  }))
  const scoresRetrieval = question.answerable && response !== null
  const firstHit = passages.findIndex((passage) => passage.overlapsGold)
  const match = question.answerable && response?.answered ? scoreAnswerMatch(response.answer, response.shortAnswer, question.acceptableAnswers) : null
  const citationScores = response?.answered ? scoreCitations(response.answer, response.citations, options) : null
  const result: QuestionResult = {
    id: question.id,
    kind: question.kind,
    language: question.language,
    question: question.question,
    answerable: question.answerable,
    answered,
    answer: response?.answer ?? '',
    shortAnswer: response?.shortAnswer ?? null,
    refusalReason: response?.refusalReason ?? null,
    citations,
    passages,
    acceptableAnswers: question.acceptableAnswers,
    gold: gold.map((span) => withContext(span, documents)),
    retrievalRank: scoresRetrieval && firstHit >= 0 ? firstHit + 1 : null,
    contextPrecision: scoresRetrieval ? measureContextPrecision(passages.map((passage) => passage.overlapsGold)) : null,
    correct: question.answerable ? (match?.contains ?? false) : null,
    answeredCorrectly: question.answerable ? (match?.contains ?? false) && citations.some((citation) => citation.overlapsGold) : null,
    exactMatch: question.answerable ? (match?.exactMatch ?? false) : null,
    tokenF1: question.answerable ? (match?.tokenF1 ?? 0) : null,
    citationRecall: citationScores?.recall ?? null,
    citationPrecision: citationScores?.precision ?? null,
    faithfulness: response?.answered ? measureFaithfulness(response, options) : null,
    groundingScore: response?.answered ? response.grounding.score : null,
    latencyMs: record.latencyMs,
    error: record.error,
    failures: [],
  }
  result.failures = listFailures(result)
  return result
}

/** Aggregates question results; every rate is over the questions it applies to, null when there are none. */
export function summarizeResults(results: readonly QuestionResult[]): MetricSet {
  const ok = results.filter((result) => result.error === null)
  const answerable = results.filter((result) => result.answerable === true)
  const retrieval = ok.filter((result) => result.answerable === true)
  const answered = ok.filter((result) => result.answered)
  const citations = ok.flatMap((result) => result.citations)
  const latencies = results.flatMap((result) => (result.latencyMs === null ? [] : [result.latencyMs])).sort((first, second) => first - second)
  const scored = (pick: (result: QuestionResult) => number | null) => mean(answered.flatMap((result) => (pick(result) === null ? [] : [pick(result)!])))
  return {
    count: results.length,
    errors: results.length - ok.length,
    hitAtK: mean(retrieval.map((result) => (result.retrievalRank === null ? 0 : 1))),
    mrr: mean(retrieval.map((result) => (result.retrievalRank === null ? 0 : 1 / result.retrievalRank))),
    contextPrecision: mean(retrieval.map((result) => result.contextPrecision ?? 0)),
    // A failed call counts as a wrong answer, so errors cannot raise accuracy.
    containsAnswer: mean(answerable.map((result) => (result.correct ? 1 : 0))),
    answeredCorrectly: mean(answerable.map((result) => (result.answeredCorrectly ? 1 : 0))),
    exactMatch: mean(answerable.map((result) => (result.exactMatch ? 1 : 0))),
    tokenF1: mean(answerable.map((result) => result.tokenF1 ?? 0)),
    citationRecall: scored((result) => result.citationRecall),
    citationPrecision: scored((result) => result.citationPrecision),
    faithfulness: scored((result) => result.faithfulness),
    refusalRecall: mean(ok.filter((result) => result.answerable === false).map((result) => (result.answered ? 0 : 1))),
    falseRefusalRate: mean(retrieval.map((result) => (result.answered ? 0 : 1))),
    citationValidity: mean(citations.map((citation) => (citation.valid ? 1 : 0))),
    groundingScore: scored((result) => result.groundingScore),
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
  }
}

/** RAGAS context precision@K: Σ precision@k × relevance(k) ÷ relevant items in the top K; 0 with none relevant. */
export function measureContextPrecision(relevance: readonly boolean[]): number {
  let relevant = 0
  let sum = 0
  relevance.forEach((isRelevant, index) => {
    if (!isRelevant) return
    relevant++
    sum += relevant / (index + 1)
  })
  return relevant === 0 ? 0 : sum / relevant
}

/** The nearest-rank percentile of sorted values; null for none. */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil(fraction * sorted.length))
  return Math.round(sorted[rank - 1]! * 10) / 10
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length
}

// RAGAS faithfulness: claims of the answer supported by the retrieved context (passages and citations).
function measureFaithfulness(response: AskResponse, options: ScoreSupportOptions): number {
  const claims = splitIntoClaims(response.answer)
  if (claims.length === 0) return 0
  const context = [
    ...response.passages.map((passage) => ({ docId: passage.docId, start: passage.start, end: passage.end, text: passage.text })),
    ...response.citations.map((citation) => ({ docId: citation.docId, start: citation.start, end: citation.end, text: citation.quote })),
  ]
  return claims.filter((claim) => scoreSupport(claim.claim, context, options).supported).length / claims.length
}

function withContext(span: GoldSpan, documents: ReadonlyMap<string, string>): QuestionResult['gold'][number] {
  const text = span.docId === null ? undefined : documents.get(span.docId)
  if (text === undefined) return { ...span, context: '', contextStart: 0 }
  const contextStart = Math.max(0, span.start - GOLD_CONTEXT)
  return { ...span, context: text.slice(contextStart, Math.min(text.length, span.end + GOLD_CONTEXT)), contextStart }
}

function listFailures(result: QuestionResult): string[] {
  if (result.error !== null) return ['error']
  const failures: string[] = []
  if (!result.answerable) {
    if (result.answered) failures.push('missed-refusal')
    return failures
  }
  if (!result.answered) failures.push('false-refusal')
  else if (!result.correct) failures.push('wrong-answer')
  if (result.retrievalRank === null) failures.push('retrieval-miss')
  if (result.gold.some((span) => span.docId === null)) failures.push('gold-not-found')
  if (result.answered) {
    if (result.citations.some((citation) => !citation.valid)) failures.push('invalid-citation')
    if ((result.citationRecall ?? 0) < 1) failures.push('citation-unsupported')
    if (!result.citations.some((citation) => citation.overlapsGold)) failures.push('citation-misses-gold')
  }
  return failures
}
