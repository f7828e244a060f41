import { Hono } from 'hono'
import type { AnswererChoice, QuestionAnswerer } from '../../answer/question-answerer.js'
import { SanadError } from '../../errors/sanad-error.js'
import type { AppEnv } from '../app-env.js'
import { countTokens } from '../count-tokens.js'
import type { Logger } from '../create-logger.js'
import { requireJsonContent, validateJson } from '../middleware/validate-request.js'
import { ChatCompletionRequestSchema, type ChatCompletionMessage, type ModelList } from '../openai-schemas.js'
import { splitConversation } from '../split-conversation.js'
import { streamServerSentEvents } from '../stream-server-sent-events.js'
import { toChatCompletion } from '../to-chat-completion.js'
import { toChatCompletionChunks } from '../to-chat-completion-chunks.js'

const MODEL_CHOICES: Record<string, AnswererChoice> = { sanad: 'default', 'sanad-extractive': 'extractive', 'sanad-llm': 'llm' }

/**
 * The OpenAI-compatible endpoints: POST /v1/chat/completions (whole or streamed) and GET /v1/models.
 * The model name picks the answerer; `[n]` markers stay in the content and their spans travel in
 * `citations` (top level and in the message, or the final chunk and its delta when streaming) and in
 * OpenAI `annotations`; `usage` counts word pieces, streamed last when `stream_options.include_usage` asks.
 */
export function createOpenAIRoute(dependencies: {
  answerer: QuestionAnswerer
  logger: Logger
  questionMaxCharacters: number
  documentIds: ReadonlySet<string>
  startedAt: number
}): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  const { answerer, logger, questionMaxCharacters, documentIds } = dependencies
  const created = Math.floor(dependencies.startedAt / 1000)
  const models = Object.entries(MODEL_CHOICES)
    .filter(([, choice]) => choice !== 'llm' || answerer.answerers.includes('llm'))
    .map(([id]) => id)

  route.get('/v1/models', (c) => {
    const list: ModelList = { object: 'list', data: models.map((id) => ({ id, object: 'model', created, owned_by: 'sanad' })) }
    return c.json(list)
  })

  route.post('/v1/chat/completions', requireJsonContent, validateJson(ChatCompletionRequestSchema), async (c) => {
    const body = c.req.valid('json')
    if (!models.includes(body.model)) {
      throw new SanadError('not_found', `The model "${body.model.slice(0, 64)}" does not exist; GET /v1/models lists the models.`, {
        details: { param: 'model', models },
      })
    }
    const turns = body.messages.map(toTurn)
    const request = splitConversation(turns, { questionMaxCharacters, documents: body.sanad?.documents, documentIds })
    c.set('question', request.question)
    const options = { answerer: MODEL_CHOICES[body.model]! }
    const identity = { id: `chatcmpl-${c.get('requestId')}`, model: body.model, created: Math.floor(Date.now() / 1000) }
    // Every message counts as prompt, the ignored system ones too: the client sent them all.
    const context = { promptTokens: turns.reduce((sum, turn) => sum + countTokens(turn.text), 0), origin: new URL(c.req.url).origin }

    if (!body.stream) return c.json(toChatCompletion(await answerer.ask(request, { ...options, signal: c.req.raw.signal }), identity, context))
    const chunkOptions = { ...context, includeUsage: body.stream_options?.include_usage === true }
    return streamServerSentEvents(
      c,
      {
        produce: async function* (signal) {
          for await (const chunk of toChatCompletionChunks(answerer.stream(request, { ...options, signal }), identity, chunkOptions)) {
            yield { data: JSON.stringify(chunk) }
          }
          yield { data: '[DONE]' }
        },
        // OpenAI reports a failure inside a stream as an `error` object, which its clients raise.
        describeFailure: (problem) => [{ data: JSON.stringify({ error: { ...problem.error, type: problem.error.code } }) }],
      },
      logger,
    )
  })

  return route
}

function toTurn(message: ChatCompletionMessage): { role: ChatCompletionMessage['role']; text: string } {
  const content = message.content ?? ''
  return { role: message.role, text: typeof content === 'string' ? content : content.map((part) => part.text).join('') }
}
