import { z } from 'zod'
import { AskedTypeSchema, SupportIssueSchema } from './support-issue.js'

/** A citation as other systems give it: a quote to find in the sources (optionally in one document), or a span. */
export const CitationReferenceSchema = z.union([
  z.strictObject({ quote: z.string().min(1).max(5000), docId: z.string().min(1).max(200).optional() }),
  z.strictObject({
    docId: z.string().min(1).max(200),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    quote: z.string().max(5000).optional(),
  }),
])
export type CitationReferenceInput = z.infer<typeof CitationReferenceSchema>

/** sanad's own shape: an answer, optionally the citations its [n] markers number, and optionally its question (for relevance). */
export const GroundingRequestSchema = z.strictObject({
  answer: z.string().trim().min(1).max(20000),
  citations: z.array(CitationReferenceSchema).max(100).optional(),
  question: z.string().trim().min(1).max(5000).optional(),
})
export type GroundingRequest = z.infer<typeof GroundingRequestSchema>

/**
 * A RAGAS single-turn sample: the question, the system's response and the contexts it retrieved,
 * which are the evidence; other RAGAS fields (reference, reference_contexts…) are accepted and ignored.
 */
export const RagasSampleSchema = z.object({
  user_input: z.string().trim().min(1).max(5000),
  response: z.string().trim().min(1).max(20000),
  retrieved_contexts: z.array(z.string().min(1).max(20000)).min(1).max(50),
})
export type RagasSample = z.infer<typeof RagasSampleSchema>

/**
 * An ALCE record (Gao et al. 2023): the question, the model's output whose [n] markers cite
 * docs[n-1], and the docs; other ALCE fields (answer, qa_pairs…) are accepted and ignored.
 */
export const AlceRecordSchema = z.object({
  question: z.string().trim().min(1).max(5000),
  output: z.string().trim().min(1).max(20000),
  docs: z.array(z.object({ title: z.string().max(500).optional(), text: z.string().min(1).max(20000) })).min(1).max(50),
})
export type AlceRecord = z.infer<typeof AlceRecordSchema>

/** The body of POST /api/grounding: sanad's shape, a RAGAS sample or an ALCE record. */
export const GroundingInputSchema = z.union([GroundingRequestSchema, RagasSampleSchema, AlceRecordSchema])
export type GroundingInput = z.infer<typeof GroundingInputSchema>

/** Whether the answer's evidence answers the question: what relevance reports alongside support. */
export const RelevanceSchema = z.object({
  score: z.number().min(0).max(1),
  relevant: z.boolean(),
  askedType: AskedTypeSchema.nullable(),
  hasAskedType: z.boolean(),
  /** Words of the question that the evidence does not cover. */
  missing: z.array(z.string()),
})
export type RelevanceSummary = z.infer<typeof RelevanceSchema>

const SpanSchema = z.object({ docId: z.string(), start: z.number().int(), end: z.number().int(), quote: z.string() })

/** One sentence of a scored answer. */
export const GroundedSentenceSchema = z.object({
  text: z.string(),
  support: z.number().min(0).max(1),
  supported: z.boolean(),
  supportedBy: z.array(SpanSchema),
  citedNumbers: z.array(z.number().int()),
  issues: z.array(SupportIssueSchema),
})

/** The response of POST /api/grounding. */
export const GroundingResponseSchema = z.object({
  /** Which input shape was read. */
  format: z.enum(['sanad', 'ragas', 'alce']),
  score: z.number().min(0).max(1),
  supported: z.boolean(),
  /** RAGAS faithfulness: supported sentences ÷ all sentences. */
  faithfulness: z.number().min(0).max(1),
  explanation: z.string(),
  /** What keeps the answer from full support, off-question first. */
  issues: z.array(SupportIssueSchema),
  /** Present when a question was given. */
  relevance: RelevanceSchema.optional(),
  sentences: z.array(GroundedSentenceSchema),
  unsupported: z.array(GroundedSentenceSchema),
  citations: z.array(
    z.union([
      SpanSchema.extend({ n: z.number().int(), resolved: z.literal(true) }),
      z.object({ n: z.number().int(), resolved: z.literal(false), reason: z.string() }),
    ]),
  ),
})
export type GroundingResponse = z.infer<typeof GroundingResponseSchema>
