import { Hono } from 'hono'
import type { SSEMessage } from 'hono/streaming'
import type { AnswerEvent, QuestionAnswerer } from '../../answer/question-answerer.js'
import { SanadError } from '../../errors/sanad-error.js'
import type { AppEnv } from '../app-env.js'
import type { Logger } from '../create-logger.js'
import { requireJsonContent, validateJson } from '../middleware/validate-request.js'
import { createAskRequestSchema, splitConversation } from '../split-conversation.js'
import { streamServerSentEvents } from '../stream-server-sent-events.js'
import { toUiMessageChunks } from '../to-ui-message-chunks.js'
import { UiChatRequestSchema } from '../ui-message-schemas.js'

/**
 * The streaming chat endpoints, one per protocol:
 * POST /api/chat speaks sanad's own events (`passages`, `text-delta`, `citation`, `answer`, `error`);
 * POST /api/chat/ui speaks the Vercel AI SDK UI message stream v1, so `useChat` works unchanged.
 */
export function createChatRoute(dependencies: { answerer: QuestionAnswerer; logger: Logger; questionMaxCharacters: number; documentIds: ReadonlySet<string> }): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  const { answerer, logger, questionMaxCharacters, documentIds } = dependencies

  route.post('/api/chat', requireJsonContent, validateJson(createAskRequestSchema(questionMaxCharacters, documentIds)), (c) => {
    const request = c.req.valid('json')
    c.set('question', request.question)
    return streamServerSentEvents(
      c,
      {
        produce: (signal) => toChatEvents(answerer.stream(request, { signal })),
        describeFailure: (problem) => [{ event: 'error', data: JSON.stringify(problem) }],
      },
      logger,
    )
  })

  route.post('/api/chat/ui', requireJsonContent, validateJson(UiChatRequestSchema), (c) => {
    const body = c.req.valid('json')
    const turns = body.messages.map((message) => ({
      role: message.role,
      text: message.parts.map((part) => (part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join(''),
    }))
    const request = splitConversation(turns, { questionMaxCharacters, topK: body.topK, documents: body.documents, documentIds })
    c.set('question', request.question)
    const messageId = `msg-${c.get('requestId')}`
    return streamServerSentEvents(
      c,
      {
        headers: { 'x-vercel-ai-ui-message-stream': 'v1' },
        produce: async function* (signal) {
          for await (const chunk of toUiMessageChunks(answerer.stream(request, { signal }), messageId)) yield { data: JSON.stringify(chunk) }
          yield { data: '[DONE]' }
        },
        describeFailure: (problem) => [{ data: JSON.stringify({ type: 'error', errorText: problem.error.message }) }, { data: '[DONE]' }],
      },
      logger,
    )
  })

  return route
}

async function* toChatEvents(events: AsyncIterable<AnswerEvent>): AsyncGenerator<SSEMessage> {
  for await (const event of events) {
    if (event.type === 'passages') yield { event: 'passages', data: JSON.stringify({ passages: event.passages }) }
    else if (event.type === 'text-delta') yield { event: 'text-delta', data: JSON.stringify({ delta: event.delta }) }
    else if (event.type === 'citation') yield { event: 'citation', data: JSON.stringify({ citation: event.citation }) }
    else {
      yield { event: 'answer', data: JSON.stringify(event.answer) }
      return
    }
  }
  throw new SanadError('internal_error', 'The answer stream ended without an answer.')
}
