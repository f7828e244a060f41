import { Hono } from 'hono'
import type { AskOptions, QuestionAnswerer } from '../../answer/question-answerer.js'
import { encodeAskResponse } from '../../cache/create-caching-answerer.js'
import type { AppEnv } from '../app-env.js'
import { requireJsonContent, validateRepeatedJson } from '../middleware/validate-request.js'
import { createAskRequestSchema } from '../split-conversation.js'

// Memory for the validated bodies of repeated questions: a few thousand typical requests.
const REMEMBERED_REQUEST_BYTES = 1024 * 1024

/** POST /api/ask: one question, one cited answer as JSON. */
export function createAskRoute(dependencies: { answerer: QuestionAnswerer; questionMaxCharacters: number; documentIds: ReadonlySet<string> }): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  const validateAskRequest = validateRepeatedJson(createAskRequestSchema(dependencies.questionMaxCharacters, dependencies.documentIds), { budgetBytes: REMEMBERED_REQUEST_BYTES })

  route.post('/api/ask', requireJsonContent, validateAskRequest, async (c) => {
    const request = c.req.valid('json')
    c.set('question', request.question)
    // The Node adapter makes an AbortController when the signal is first read: an answer from the cache never reads it.
    const options: AskOptions = {
      get signal() {
        return c.req.raw.signal
      },
    }
    return c.body(encodeAskResponse(await dependencies.answerer.ask(request, options)), 200, { 'Content-Type': 'application/json' })
  })

  return route
}
