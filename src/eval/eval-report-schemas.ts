import { z } from 'zod'
import { RelevanceSchema } from '../grounding/grounding-schemas.js'
import { SupportIssueSchema } from '../grounding/support-issue.js'

const Rate = z.number().min(0).max(1).nullable()

/** The figures of one group of questions; a rate is null when no question of the group can have it. */
export const MetricSetSchema = z.object({
  count: z.number().int().min(0),
  errors: z.number().int().min(0),
  hitAtK: Rate,
  mrr: Rate,
  contextPrecision: Rate,
  /** Answered, the answer contains an acceptable answer, and a citation overlaps the gold evidence. */
  answeredCorrectly: Rate.default(null),
  /** The answer text contains an acceptable answer (containment: a whole sentence may pass). */
  containsAnswer: Rate,
  exactMatch: Rate,
  tokenF1: Rate,
  citationRecall: Rate,
  citationPrecision: Rate,
  faithfulness: Rate,
  refusalRecall: Rate,
  falseRefusalRate: Rate,
  citationValidity: Rate,
  groundingScore: Rate,
  latencyP50Ms: z.number().min(0).nullable(),
  latencyP95Ms: z.number().min(0).nullable(),
})
export type MetricSet = z.infer<typeof MetricSetSchema>

/** The metric names that are rates in [0,1] and can be compared or gated on. */
export const RATE_METRICS = [
  'hitAtK', 'mrr', 'contextPrecision', 'answeredCorrectly', 'containsAnswer', 'exactMatch', 'tokenF1', 'citationRecall', 'citationPrecision',
  'faithfulness', 'refusalRecall', 'falseRefusalRate', 'citationValidity', 'groundingScore',
] as const satisfies readonly (keyof MetricSet)[]

/** A span of a source with its exact text. */
export const QuoteSpanSchema = z.object({ docId: z.string(), start: z.number().int(), end: z.number().int(), quote: z.string() })

/** One question's outcome: what was asked and answered, and what each metric made of it. */
export const QuestionResultSchema = z.object({
  id: z.string(),
  kind: z.string(),
  language: z.string(),
  question: z.string(),
  /** Null when unknown: answers scored from another system carry no answer key. */
  answerable: z.boolean().nullable(),
  answered: z.boolean().nullable(),
  answer: z.string(),
  shortAnswer: z.string().nullable(),
  refusalReason: z.string().nullable(),
  citations: z.array(QuoteSpanSchema.extend({ n: z.number().int(), valid: z.boolean(), overlapsGold: z.boolean() })),
  passages: z.array(z.object({ docId: z.string(), start: z.number().int(), end: z.number().int(), overlapsGold: z.boolean() })),
  acceptableAnswers: z.array(z.string()),
  gold: z.array(z.object({ text: z.string(), docId: z.string().nullable(), start: z.number().int(), end: z.number().int(), context: z.string(), contextStart: z.number().int() })),
  retrievalRank: z.number().int().nullable(),
  contextPrecision: Rate,
  correct: z.boolean().nullable(),
  answeredCorrectly: z.boolean().nullable().default(null),
  exactMatch: z.boolean().nullable(),
  tokenF1: Rate,
  citationRecall: Rate,
  citationPrecision: Rate,
  faithfulness: Rate,
  groundingScore: Rate,
  /** Null for answers scored from another system. */
  latencyMs: z.number().min(0).nullable(),
  error: z.string().nullable(),
  /** The answer's sentences as the support scorer judged them, when they were scored one by one. */
  sentences: z
    .array(z.object({ text: z.string(), support: z.number(), supported: z.boolean(), supportedBy: z.array(QuoteSpanSchema), citedNumbers: z.array(z.number()), issues: z.array(SupportIssueSchema) }))
    .optional(),
  /** Whether the answer's evidence answers its question, when it was judged (answers scored from other systems). */
  relevance: RelevanceSchema.nullable().optional(),
  /** The input shape of an answer scored from another system: sanad, ragas or alce. */
  format: z.enum(['sanad', 'ragas', 'alce']).optional(),
  /** Machine-readable failure codes; empty when the question passed. */
  failures: z.array(z.string()),
})
export type QuestionResult = z.infer<typeof QuestionResultSchema>

/** The scorer's agreement with one part of the labelled support pairs, with its calibration table. */
export const CalibrationPartSchema = z.object({
  count: z.number().int(),
  accuracy: z.number(),
  precision: z.number(),
  recall: z.number(),
  balancedAccuracy: z.number(),
  rocAuc: z.number(),
  /** Score bucket → share of its pairs labelled supported. */
  buckets: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int(), supportedShare: z.number().nullable() })),
})
export type CalibrationPart = z.infer<typeof CalibrationPartSchema>

/** The scorer's agreement with the labelled support pairs, when it was measured: the top-level figures are the held-out part's. */
export const ScorerCalibrationSchema = z.object({
  accuracy: z.number(),
  precision: z.number(),
  recall: z.number(),
  count: z.number().int(),
  /** Whether English claims were checked word by word with a bilingual dictionary. */
  dictionary: z.boolean(),
  development: CalibrationPartSchema.optional(),
  heldOut: CalibrationPartSchema.optional(),
})
export type ScorerCalibration = z.infer<typeof ScorerCalibrationSchema>

/** report.json: the run, its overall metrics, the same by question kind, and every question's result. */
export const EvalReportSchema = z.object({
  tool: z.enum(['sanad-eval', 'sanad-grounding']),
  createdAt: z.string(),
  target: z.string(),
  topK: z.number().int().nullable(),
  scorer: ScorerCalibrationSchema.nullable(),
  metrics: MetricSetSchema,
  byKind: z.record(z.string(), MetricSetSchema),
  results: z.array(QuestionResultSchema),
})
export type EvalReport = z.infer<typeof EvalReportSchema>
