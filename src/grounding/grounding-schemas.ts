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

/** The body of POST /api/grounding: an answer and, optionally, the citations its [n] markers number. */
export const GroundingRequestSchema = z.strictObject({
  answer: z.string().trim().min(1).max(20000),
  citations: z.array(CitationReferenceSchema).max(100).optional(),
})
export type GroundingRequest = z.infer<typeof GroundingRequestSchema>

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
  score: z.number().min(0).max(1),
  supported: z.boolean(),
  faithfulness: z.number().min(0).max(1),
  explanation: z.string(),
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
