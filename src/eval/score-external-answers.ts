import { z } from 'zod'
import { summarizeRelevance } from '../grounding/create-grounding-scorer.js'
import { AlceRecordSchema, CitationReferenceSchema, RagasSampleSchema, type GroundingInput } from '../grounding/grounding-schemas.js'
import { scoreGroundingRecord, type GroundingSources } from '../grounding/score-grounding-record.js'
import type { ScoreSupportOptions } from '../grounding/score-support.js'
import { detectLanguage } from '../text/detect-language.js'
import type { QuestionResult } from './eval-report-schemas.js'
import { scoreCitations } from './score-citations.js'

/** One answer produced by another system in sanad's shape: a line of the JSONL file that `npm run grounding` reads. */
export const ExternalAnswerSchema = z.object({
  id: z.string().min(1).optional(),
  /** A group to break the report down by, such as the system that answered; the format's name when absent. */
  kind: z.string().min(1).optional(),
  question: z.string(),
  answer: z.string(),
  citations: z.array(CitationReferenceSchema).optional(),
})
export type ExternalAnswer = z.infer<typeof ExternalAnswerSchema>

const Labels = { id: z.union([z.string().min(1), z.number()]).transform(String).optional(), kind: z.string().min(1).optional() }
const RagasLineSchema = RagasSampleSchema.extend(Labels)
const AlceLineSchema = AlceRecordSchema.extend(Labels)

/** One record to score, in any accepted shape, with its id and group. */
export interface EvaluatorRecord {
  id?: string | undefined
  kind?: string | undefined
  record: GroundingInput
}

/**
 * Reads one record of an evaluator's file: an ALCE record (`question`, `output`, `docs`), a RAGAS
 * sample (`user_input`, `response`, `retrieved_contexts`) or sanad's shape (`question`, `answer`,
 * `citations?`), recognised by their keys; zod's issues when it is none of them.
 */
export function readEvaluatorRecord(json: unknown): { success: true; data: EvaluatorRecord } | { success: false; error: z.ZodError } {
  const keys = json !== null && typeof json === 'object' ? Object.keys(json) : []
  const schema = keys.includes('output') && keys.includes('docs') ? AlceLineSchema : keys.includes('user_input') || keys.includes('response') ? RagasLineSchema : ExternalAnswerSchema
  const parsed = schema.safeParse(json)
  if (!parsed.success) return parsed
  const { id, kind, ...rest } = parsed.data as z.infer<typeof ExternalAnswerSchema>
  const record: GroundingInput = 'answer' in rest
    ? { answer: rest.answer, ...(rest.citations ? { citations: rest.citations } : {}), ...(rest.question.trim() ? { question: rest.question } : {}) }
    : (rest as GroundingInput)
  return { success: true, data: { id, kind, record } }
}

/**
 * Scores answers from other systems: sanad-shaped answers against sanad's sources, RAGAS samples
 * against their retrieved contexts, ALCE records against their docs. Each becomes a report result
 * with sentence grounding, faithfulness, relevance to its question and, when it cites, ALCE
 * citation recall and precision.
 */
export function scoreExternalAnswers(records: readonly EvaluatorRecord[], sources: GroundingSources, options: ScoreSupportOptions = {}): QuestionResult[] {
  return records.map(({ id, kind, record }, index) => {
    const scored = scoreGroundingRecord(record, sources, options)
    const { resolved, unresolved } = scored.citations
    const citationScores = scored.cites ? scoreCitations(scored.answer, resolved, options) : null
    const failures = [
      ...(scored.grounding.unsupported.length > 0 ? ['unsupported-sentence'] : []),
      ...(unresolved.length > 0 ? ['citation-not-found'] : []),
      ...(scored.grounding.sentences.length === 0 ? ['no-claim'] : []),
      ...(scored.relevance && !scored.relevance.relevant ? ['off-question'] : []),
    ]
    const references = 'answer' in record ? (record.citations ?? []) : []
    return {
      id: id ?? `answer-${index + 1}`,
      kind: kind ?? (scored.format === 'sanad' ? 'answers' : scored.format),
      language: detectLanguage(scored.answer),
      question: scored.question ?? '',
      answerable: null,
      answered: true,
      answer: scored.answer,
      shortAnswer: null,
      refusalReason: null,
      citations: [
        ...(scored.format === 'sanad' || scored.cites ? resolved : []).map((citation) => ({ n: citation.n, docId: citation.docId, start: citation.start, end: citation.end, quote: citation.quote, valid: true, overlapsGold: false })),
        ...unresolved.map((citation) => ({ n: citation.n, docId: '', start: 0, end: 0, quote: describeReference(references[citation.n - 1]!), valid: false, overlapsGold: false })),
      ].sort((first, second) => first.n - second.n),
      passages: [],
      acceptableAnswers: [],
      gold: [],
      retrievalRank: null,
      contextPrecision: null,
      correct: null,
      answeredCorrectly: null,
      exactMatch: null,
      tokenF1: null,
      citationRecall: citationScores?.recall ?? null,
      citationPrecision: citationScores?.precision ?? null,
      faithfulness: scored.grounding.faithfulness,
      groundingScore: scored.score,
      latencyMs: null,
      error: null,
      sentences: scored.grounding.sentences,
      relevance: scored.relevance ? summarizeRelevance(scored.relevance) : null,
      format: scored.format,
      failures,
    }
  })
}

function describeReference(reference: z.infer<typeof CitationReferenceSchema>): string {
  return 'start' in reference ? `${reference.docId} ${reference.start}–${reference.end}` : reference.quote
}
