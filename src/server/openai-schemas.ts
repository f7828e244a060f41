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

/**
 * OpenAI's place for a message's sources: one `url_citation` per `[n]` marker, whose `start_index`
 * and `end_index` are the marker's span in the content; `url` points at the cited characters of the
 * source (an RFC 5147 `#char=start,end` fragment) and `title` holds the quote.
 */
export const UrlCitationAnnotationSchema = z.object({
  type: z.literal('url_citation'),
  url_citation: z.object({ start_index: z.number().int(), end_index: z.number().int(), url: z.string(), title: z.string() }),
})
export type UrlCitationAnnotation = z.infer<typeof UrlCitationAnnotationSchema>

/** Token counts in OpenAI's shape; the tokens are word pieces (see count-tokens.ts), not a model's subwords. */
export const UsageSchema = z.object({
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  total_tokens: z.number().int().min(0),
})
export type Usage = z.infer<typeof UsageSchema>

/**
 * A whole (non-streamed) chat completion. The citations of its `[n]` markers are in three places, for
 * the clients that keep each: the top-level `citations`, the message's own `citations`, and the
 * message's OpenAI `annotations`.
 */
export const ChatCompletionSchema = CompletionIdentitySchema.extend({
  object: z.literal('chat.completion'),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({
        role: z.literal('assistant'),
        content: z.string(),
        refusal: z.string().nullable(),
        annotations: z.array(UrlCitationAnnotationSchema),
        citations: z.array(CitationSchema),
      }),
      finish_reason: z.literal('stop'),
      logprobs: z.null(),
    }),
  ),
  usage: UsageSchema,
  citations: z.array(CitationSchema),
  sanad: SanadCompletionExtensionSchema,
})
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>

/**
 * One streamed chunk. The one with `finish_reason: 'stop'` carries the citations, at the top level and
 * in its `delta` (with the `annotations`); with `stream_options.include_usage` every chunk has
 * `usage: null` but a last one with no choices, which has the counts.
 */
export const ChatCompletionChunkSchema = CompletionIdentitySchema.extend({
  object: z.literal('chat.completion.chunk'),
  choices: z.array(
    z.object({
      index: z.number().int(),
      delta: z.object({
        role: z.literal('assistant').optional(),
        content: z.string().optional(),
        annotations: z.array(UrlCitationAnnotationSchema).optional(),
        citations: z.array(CitationSchema).optional(),
      }),
      finish_reason: z.literal('stop').nullable(),
      logprobs: z.null(),
    }),
  ),
  usage: UsageSchema.nullable().optional(),
  citations: z.array(CitationSchema).optional(),
  sanad: SanadCompletionExtensionSchema.optional(),
})
export type ChatCompletionChunk = z.infer<typeof ChatCompletionChunkSchema>

/** One model of GET /v1/models. */
export const ModelSchema = z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() })

/** The body of GET /v1/models. */
export const ModelListSchema = z.object({ object: z.literal('list'), data: z.array(ModelSchema) })
export type ModelList = z.infer<typeof ModelListSchema>
