import { z } from 'zod'
import { DocumentsFilterSchema } from '../answer/answer-schemas.js'

/** A text part of a UI message. */
export const UiTextPartSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string(),
  state: z.enum(['streaming', 'done']).optional(),
  providerMetadata: z.record(z.string(), z.unknown()).optional(),
})

// Assistant messages come back with the parts sanad streamed (sources, data, steps); they are kept but not read.
const OtherPartSchema = z.looseObject({ type: z.string().max(100).refine((type) => type !== 'text', 'a text part needs a string `text`') })

/** One message as the AI SDK's `useChat` sends it. */
export const UiMessageSchema = z.strictObject({
  id: z.string().max(256).optional(),
  role: z.enum(['system', 'user', 'assistant']),
  parts: z.array(z.union([UiTextPartSchema, OtherPartSchema])).max(200),
  metadata: z.unknown().optional(),
})
export type UiMessage = z.infer<typeof UiMessageSchema>

/** The body of POST /api/chat/ui: what `useChat` with `DefaultChatTransport` posts. */
export const UiChatRequestSchema = z.strictObject({
  id: z.string().max(256).optional(),
  messages: z.array(UiMessageSchema).min(1).max(200),
  trigger: z.enum(['submit-message', 'regenerate-message']).optional(),
  messageId: z.string().max(256).optional(),
  topK: z.number().int().min(1).max(20).optional(),
  /** Answer only from these documents (sanad's extension, as in POST /api/ask). */
  documents: DocumentsFilterSchema.optional(),
})
export type UiChatRequest = z.infer<typeof UiChatRequestSchema>
