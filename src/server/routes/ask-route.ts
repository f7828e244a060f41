import { Hono } from 'hono'
import type { AskOptions, QuestionAnswerer } from '../../answer/question-answerer.js'
import { serializeAskResponse } from '../../cache/create-caching-answerer.js'
import type { AppEnv } from '../app-env.js'
import { requireJsonContent, validateJson } from '../middleware/validate-request.js'
import { createAskRequestSchema } from '../split-conversation.js'

/** POST /api/ask: one question, one cited answer as JSON. */
export function createAskRoute(dependencies: { answerer: QuestionAnswerer; questionMaxCharacters: number; documentIds: ReadonlySet<string> }): Hono<AppEnv> {
  const route = new Hono<AppEnv>()

  route.post('/api/ask', requireJsonContent, validateJson(createAskRequestSchema(dependencies.questionMaxCharacters, dependencies.documentIds)), async (c) => {
    const request = c.req.valid('json')
    c.set('question', request.question)
    // The Node adapter makes an AbortController when the signal is first read: an answer from the cache never reads it.
    const options: AskOptions = {
      get signal() {
        return c.req.raw.signal
      },
    }
    return c.body(serializeAskResponse(await dependencies.answerer.ask(request, options)), 200, { 'Content-Type': 'application/json' })
  })

  return route
}
