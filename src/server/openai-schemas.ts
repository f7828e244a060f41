import { z } from 'zod'
import { AskResponseSchema, CitationSchema, DocumentsFilterSchema } from '../answer/answer-schemas.js'

/** A part of a message's content; only text is understood. */
export const ChatContentPartSchema = z.strictObject({ type: z.literal('text'), text: z.string() })

/** One message of an OpenAI chat completion request. */
export const ChatCompletionMessageSchema = z.strictObject({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.union([z.string(), z.array(ChatContentPartSchema).max(100)]).nullable(),
  name: z.string().max(256).optional(),
})
export type ChatCompletionMessage = z.infer<typeof ChatCompletionMessageSchema>

/**
 * The body of POST /v1/chat/completions. The sampling fields that clients send by habit are accepted
 * with their OpenAI types and ignored, since answers are extracted or checked against the sources;
 * fields for features sanad does not have (tools, audio, n > 1) are refused.
 */
export const ChatCompletionRequestSchema = z.strictObject({
  model: z.string().min(1).max(256),
  messages: z.array(ChatCompletionMessageSchema).min(1).max(200),
  stream: z.boolean().nullable().optional(),
  stream_options: z.strictObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  max_tokens: z.number().int().min(1).nullable().optional(),
  max_completion_tokens: z.number().int().min(1).nullable().optional(),
  n: z.literal(1).nullable().optional(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullable().optional(),
  presence_penalty: z.number().min(-2).max(2).nullable().optional(),
  frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
  seed: z.number().int().nullable().optional(),
  user: z.string().max(256).optional(),
  logprobs: z.boolean().nullable().optional(),
  response_format: z.strictObject({ type: z.literal('text') }).optional(),
  metadata: z.record(z.string().max(64), z.string().max(512)).nullable().optional(),
  store: z.boolean().nullable().optional(),
  /** sanad's extension (send it with `extra_body` from OpenAI clients): answer only from these documents. */
  sanad: z.strictObject({ documents: DocumentsFilterSchema.optional() }).optional(),
})
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequestSchema>

/** What sanad adds to a completion beyond the OpenAI fields: how the answer is grounded. */
export const SanadCompletionExtensionSchema = AskResponseSchema.pick({
  answered: true,
  shortAnswer: true,
  passages: true,
  language: true,
  answerer: true,
  fallback: true,
  refusalReason: true,
  grounding: true,
})
export type SanadCompletionExtension = z.infer<typeof SanadCompletionExtensionSchema>

// What every completion and chunk starts with; `created` is in Unix seconds.
const CompletionIdentitySchema = z.object({ id: z.string(), created: z.number().int(), model: z.string() })

/** A whole (non-streamed) chat completion, with the citations of its `[n]` markers. */
export const ChatCompletionSchema = CompletionIdentitySchema.extend({
  object: z.literal('chat.completion'),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.string().nullable() }),
      finish_reason: z.literal('stop'),
      logprobs: z.null(),
    }),
  ),
  citations: z.array(CitationSchema),
  sanad: SanadCompletionExtensionSchema,
})
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>

/** One streamed chunk; the last one has `finish_reason: 'stop'` and carries the citations. */
export const ChatCompletionChunkSchema = CompletionIdentitySchema.extend({
  object: z.literal('chat.completion.chunk'),
  choices: z.array(
    z.object({
      index: z.number().int(),
      delta: z.object({ role: z.literal('assistant').optional(), content: z.string().optional() }),
      finish_reason: z.literal('stop').nullable(),
      logprobs: z.null(),
    }),
  ),
  citations: z.array(CitationSchema).optional(),
  sanad: SanadCompletionExtensionSchema.optional(),
})
export type ChatCompletionChunk = z.infer<typeof ChatCompletionChunkSchema>

/** One model of GET /v1/models. */
export const ModelSchema = z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() })

/** The body of GET /v1/models. */
export const ModelListSchema = z.object({ object: z.literal('list'), data: z.array(ModelSchema) })
export type ModelList = z.infer<typeof ModelListSchema>
