import { z } from 'zod'
import { AskResponseSchema, CitationSchema, PassageSchema } from '../answer/answer-schemas.js'
import { DocumentListSchema, DocumentSchema, HealthSchema, ReadySchema, SuggestionListSchema } from './api-schemas.js'
import { DocumentGuideSchema } from './guide-schemas.js'
import { ProblemSchema } from './handle-errors.js'
import { ChatCompletionChunkSchema, ChatCompletionRequestSchema, ChatCompletionSchema, ModelListSchema } from './openai-schemas.js'
import { createAskRequestSchema } from './split-conversation.js'
import { UiChatRequestSchema } from './ui-message-schemas.js'

/** What the document depends on: the version, the question limit, and whether an API key is required. */
export interface OpenApiOptions {
  version: string
  questionMaxCharacters: number
  apiKeyRequired: boolean
  /** Operations of routes documented elsewhere (POST /api/grounding), by path. */
  extraPaths?: Record<string, unknown>
}

type Schemas = Record<string, z.ZodType>

/** A zod schema as an OpenAPI 3.1 schema: requests as they are accepted (input), responses as they are sent (output). */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return json
}

const reference = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (name: string) => ({ 'application/json': { schema: reference(name) } })
const problem = (description: string) => ({ description, content: json('Problem') })

const CLIENT_ERRORS = {
  '400': problem('Invalid input: malformed JSON, a schema violation or an unknown field.'),
  '413': problem('The body is larger than BODY_LIMIT_BYTES.'),
  '415': problem('The body is not declared as JSON.'),
  '429': problem('Rate limited; see the Retry-After header.'),
}

const streamingOperation = (summary: string, description: string, requestName: string) => ({
  summary,
  description,
  requestBody: { required: true, content: json(requestName) },
  responses: { '200': { description: 'An event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...CLIENT_ERRORS },
})

/** Builds the OpenAPI 3.1 document of the whole API from the same zod schemas that validate it. */
export function createOpenApiDocument(options: OpenApiOptions): Record<string, unknown> {
  const requests: Schemas = {
    AskRequest: createAskRequestSchema(options.questionMaxCharacters),
    UiChatRequest: UiChatRequestSchema,
    ChatCompletionRequest: ChatCompletionRequestSchema,
  }
  const responses: Schemas = {
    AskResponse: AskResponseSchema,
    Citation: CitationSchema,
    Passage: PassageSchema,
    Problem: ProblemSchema,
    Health: HealthSchema,
    Ready: ReadySchema,
    Document: DocumentSchema,
    DocumentList: DocumentListSchema,
    DocumentGuide: DocumentGuideSchema,
    SuggestionList: SuggestionListSchema,
    ChatCompletion: ChatCompletionSchema,
    ChatCompletionChunk: ChatCompletionChunkSchema,
    ModelList: ModelListSchema,
  }
  const schemas = {
    ...Object.fromEntries(Object.entries(requests).map(([name, schema]) => [name, toJsonSchema(schema, 'input')])),
    ...Object.fromEntries(Object.entries(responses).map(([name, schema]) => [name, toJsonSchema(schema, 'output')])),
  }
  const secured = options.apiKeyRequired
    ? { security: [{ bearerAuth: [] }], responses401: { '401': problem('The API key is missing or wrong.') } }
    : { security: [], responses401: {} }
  const protectedOperation = <T extends { responses: Record<string, unknown> }>(operation: T) => ({
    ...operation,
    security: secured.security,
    responses: { ...operation.responses, ...secured.responses401 },
  })

  return {
    openapi: '3.1.0',
    info: {
      title: 'sanad',
      version: options.version,
      description:
        'Grounded question answering over an Arabic news article. Every claim in an answer carries an `[n]` marker whose citation ' +
        'gives the exact span of the source: `quote === document.text.slice(start, end)`. Errors are `{ error: { code, message, details? } }`.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'Required on /api/* (except health and ready) and /v1/* when API_KEY is set.' } },
    },
    paths: {
      '/api/ask': {
        post: protectedOperation({
          summary: 'Answer one question with citations',
          requestBody: { required: true, content: json('AskRequest') },
          responses: { '200': { description: 'The answer, or a refusal with `answered: false`.', content: json('AskResponse') }, ...CLIENT_ERRORS },
        }),
      },
      '/api/chat': {
        post: protectedOperation(
          streamingOperation(
            'Stream an answer as Server-Sent Events',
            'Events, in order: `passages` `{ passages: Passage[] }`; `text-delta` `{ delta }` (repeated); `citation` `{ citation: Citation }` ' +
              'when a citation is first used; `answer` with the whole AskResponse (last). A failure after the stream started is an `error` ' +
              'event `{ error: { code, message } }`. Closing the connection cancels the work.',
            'AskRequest',
          ),
        ),
      },
      '/api/chat/ui': {
        post: protectedOperation(
          streamingOperation(
            'Stream an answer as a Vercel AI SDK UI message stream (v1)',
            'Takes the body `useChat` posts: the last user message is the question, earlier messages are the history. Answers with the header ' +
              '`x-vercel-ai-ui-message-stream: v1` and `data:` parts: `start`, `data-passages` (transient), `text-start`, `text-delta`…, `text-end`, ' +
              'one `source-document` per citation (span and quote in `providerMetadata.sanad`), `data-citations`, `data-answer` (transient, the ' +
              'whole AskResponse), `finish`, then `[DONE]`. A failure is an `error` part `{ errorText }`.',
            'UiChatRequest',
          ),
        ),
      },
      '/api/documents': {
        get: protectedOperation({
          summary: 'The indexed documents: id, title, sentence and character counts (ids for the `documents` filter)',
          responses: { '200': { description: 'The documents.', content: json('DocumentList') }, '429': CLIENT_ERRORS['429'] },
        }),
      },
      '/api/documents/{docId}': {
        get: protectedOperation({
          summary: 'A source document exactly as stored; citation offsets index into its text',
          parameters: [{ name: 'docId', in: 'path', required: true, schema: { type: 'string', pattern: '^[\\p{L}\\p{N}_-]{1,128}$' } }],
          responses: {
            '200': { description: 'The document.', content: json('Document') },
            '400': problem('The id is not a valid document id.'),
            '404': problem('No document has this id.'),
            '429': CLIENT_ERRORS['429'],
          },
        }),
      },
      '/api/documents/{docId}/guide': {
        get: protectedOperation({
          summary: 'The source guide of a document: summary, key points by section, timeline, people, places and organisations, starter questions',
          description:
            'Computed when the index is built and stored with it (guide.json); every item is a span of the document with its exact `quote`. ' +
            'The suggested questions are the guide\'s candidates that the answerer answered from this document with supported citations ' +
            '(checked once, on the first request).',
          parameters: [{ name: 'docId', in: 'path', required: true, schema: { type: 'string', pattern: '^[\\p{L}\\p{N}_-]{1,128}$' } }],
          responses: {
            '200': { description: 'The guide.', content: json('DocumentGuide') },
            '400': problem('The id is not a valid document id.'),
            '404': problem('No document has this id.'),
            '429': CLIENT_ERRORS['429'],
          },
        }),
      },
      '/api/suggestions': {
        get: protectedOperation({
          summary: 'Starter questions from the source guides, each checked to be answerable',
          responses: { '200': { description: 'The suggestions.', content: json('SuggestionList') }, '429': CLIENT_ERRORS['429'] },
        }),
      },
      '/api/health': {
        get: { summary: 'Liveness and a summary of the loaded index', responses: { '200': { description: 'Alive.', content: json('Health') } } },
      },
      '/api/ready': {
        get: {
          summary: 'Readiness: 503 while the server shuts down',
          responses: { '200': { description: 'Ready.', content: json('Ready') }, '503': problem('Shutting down (`shutting_down`).') },
        },
      },
      '/v1/chat/completions': {
        post: protectedOperation({
          summary: 'OpenAI-compatible chat completion, whole or streamed',
          description:
            'Models: `sanad` (the default answerer), `sanad-extractive`, and `sanad-llm` when an LLM is configured. The last user message is ' +
            'the question; earlier user and assistant messages are the history; system messages are ignored. The content carries `[n]` ' +
            'markers and the top-level `citations` array gives their spans. With `stream: true` the answer arrives as `chat.completion.chunk` ' +
            'events; the final chunk (`finish_reason: "stop"`) carries `citations` and `sanad`, then `data: [DONE]`. Sampling fields are ' +
            'accepted and ignored. sanad extension: `sanad: { documents: [ids] }` (OpenAI clients send it with `extra_body`) restricts the ' +
            'answer to those documents; an unknown id is a 400 naming it.',
          requestBody: { required: true, content: json('ChatCompletionRequest') },
          responses: {
            '200': {
              description: 'A completion, or a stream of `ChatCompletionChunk` events when `stream` is true.',
              content: { ...json('ChatCompletion'), 'text/event-stream': { schema: reference('ChatCompletionChunk') } },
            },
            '404': problem('Unknown model (`not_found`).'),
            ...CLIENT_ERRORS,
          },
        }),
      },
      '/v1/models': {
        get: protectedOperation({
          summary: 'The models, one per answerer',
          responses: { '200': { description: 'The models.', content: json('ModelList') }, '429': CLIENT_ERRORS['429'] },
        }),
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
      '/docs': {
        get: { summary: 'Interactive API reference (served offline)', responses: { '200': { description: 'HTML.', content: { 'text/html': { schema: { type: 'string' } } } } } },
      },
      ...options.extraPaths,
    },
  }
}
