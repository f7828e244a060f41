import { Hono } from 'hono'
import type { QuestionAnswerer } from '../../answer/question-answerer.js'
import type { SanadIndex } from '../../index/sanad-index.js'
import type { Health } from '../api-schemas.js'
import type { AppEnv } from '../app-env.js'
import { SanadError } from '../../errors/sanad-error.js'

/** GET /api/health (liveness and an index summary) and GET /api/ready (503 while shutting down). */
export function createHealthRoute(dependencies: {
  index: SanadIndex
  answerer: QuestionAnswerer
  version: string
  isDraining: () => boolean
  englishDictionary?: Health['englishDictionary']
  readAnswerCache?: () => NonNullable<Health['answerCache']>
}): Hono<AppEnv> {
  const route = new Hono<AppEnv>()

  route.get('/api/health', (c) => {
    const health: Health = { status: 'ok', ...dependencies.index.summary(), answerers: [...dependencies.answerer.answerers], englishDictionary: dependencies.englishDictionary ?? null, version: dependencies.version }
    if (dependencies.readAnswerCache) health.answerCache = dependencies.readAnswerCache()
    return c.json(health)
  })

  route.get('/api/ready', (c) => {
    if (dependencies.isDraining()) {
      throw new SanadError('shutting_down', 'The server is shutting down and takes no new work.', { headers: { 'Retry-After': '5' } })
    }
    return c.json({ status: 'ready' as const })
  })

  return route
}
