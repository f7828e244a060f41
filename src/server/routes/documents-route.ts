import { Hono } from 'hono'
import { SanadError } from '../../errors/sanad-error.js'
import type { SanadIndex } from '../../index/sanad-index.js'
import { DocumentParametersSchema } from '../api-schemas.js'
import type { AppEnv } from '../app-env.js'
import { suggestQuestions } from '../suggest-questions.js'
import { validateParameters } from '../middleware/validate-request.js'

/** GET /api/documents/:docId (the exact stored text that offsets refer to) and GET /api/suggestions. */
export function createDocumentsRoute(dependencies: { index: SanadIndex }): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  const suggestions = suggestQuestions(dependencies.index.corpus)

  route.get('/api/documents/:docId', validateParameters(DocumentParametersSchema), (c) => {
    const { docId } = c.req.valid('param')
    const document = dependencies.index.documents.get(docId)
    if (!document) throw new SanadError('not_found', 'No document has this id.')
    return c.json({ id: document.id, title: document.title, text: document.text })
  })

  route.get('/api/suggestions', (c) => c.json({ suggestions }))

  return route
}
