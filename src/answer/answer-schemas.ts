import { z } from 'zod'
import { RelevanceSchema } from '../grounding/grounding-schemas.js'
import { SupportIssueSchema } from '../grounding/support-issue.js'

/** One turn of an earlier conversation, oldest first. */
export const HistoryMessageSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(8000),
})
export type HistoryMessage = z.infer<typeof HistoryMessageSchema>

/** Document ids as sources are named (from their file names): letters, digits, `_` and `-`. */
export const DocumentIdSchema = z.string().regex(/^[\p{L}\p{N}_-]{1,128}$/u, 'a document id is 1 to 128 letters, digits, "_" or "-"')

/** Restricts an answer to some documents (GET /api/documents lists their ids). */
export const DocumentsFilterSchema = z.array(DocumentIdSchema).min(1).max(200)

/** The body of POST /api/ask and POST /api/chat. */
export const AskRequestSchema = z.strictObject({
  question: z.string().trim().min(1).max(2000),
  history: z.array(HistoryMessageSchema).max(50).optional(),
  topK: z.number().int().min(1).max(20).optional(),
  /** Answer only from these documents; all documents when absent. */
  documents: DocumentsFilterSchema.optional(),
})
export type AskRequest = z.infer<typeof AskRequestSchema>

/** A span of a source document; `quote === documentText.slice(start, end)`. */
export const CitationSchema = z.object({
  n: z.number().int().min(1),
  docId: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string(),
})
export type Citation = z.infer<typeof CitationSchema>

/** A retrieved chunk with the score of each retrieval method. */
export const PassageSchema = z.object({
  chunkId: z.string(),
  docId: z.string(),
  section: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  score: z.number(),
  scores: z.object({ dense: z.number().nullable(), lexical: z.number().nullable() }),
})
export type Passage = z.infer<typeof PassageSchema>

/** The grounding summary attached to every answer; `issues` and `relevance` are present when the scorer reports them. */
export const AnswerGroundingSchema = z.object({
  score: z.number().min(0).max(1),
  supported: z.boolean(),
  explanation: z.string(),
  issues: z.array(SupportIssueSchema).optional(),
  relevance: RelevanceSchema.optional(),
})

/** The answer object returned by /api/ask and as the final event of /api/chat. */
export const AskResponseSchema = z.object({
  answered: z.boolean(),
  answer: z.string(),
  shortAnswer: z.string().nullable(),
  citations: z.array(CitationSchema),
  passages: z.array(PassageSchema),
  related: z.array(PassageSchema),
  grounding: AnswerGroundingSchema,
  language: z.string(),
  questionKind: z.string(),
  answerer: z.enum(['extractive', 'llm']),
  fallback: z.string().nullable(),
  refusalReason: z.string().nullable(),
  timingsMs: z.record(z.string(), z.number()),
})
export type AskResponse = z.infer<typeof AskResponseSchema>
