import { Hono } from 'hono'
import type { QuestionAnswerer } from '../../answer/question-answerer.js'
import type { AppEnv } from '../app-env.js'
import { requireJsonContent, validateJson } from '../middleware/validate-request.js'
import { createAskRequestSchema } from '../split-conversation.js'

/** POST /api/ask: one question, one cited answer as JSON. */
export function createAskRoute(dependencies: { answerer: QuestionAnswerer; questionMaxCharacters: number; documentIds: ReadonlySet<string> }): Hono<AppEnv> {
  const route = new Hono<AppEnv>()

  route.post('/api/ask', requireJsonContent, validateJson(createAskRequestSchema(dependencies.questionMaxCharacters, dependencies.documentIds)), async (c) => {
    const request = c.req.valid('json')
    c.set('question', request.question)
    return c.json(await dependencies.answerer.ask(request, { signal: c.req.raw.signal }))
  })

  return route
}
