import { Hono } from 'hono'
import { SanadError } from '../../errors/sanad-error.js'
import type { SanadIndex } from '../../index/sanad-index.js'
import { DocumentParametersSchema, type DocumentList } from '../api-schemas.js'
import type { AppEnv } from '../app-env.js'
import { suggestQuestions } from '../suggest-questions.js'
import { validateParameters } from '../middleware/validate-request.js'

/** GET /api/documents (the list), GET /api/documents/:docId (the exact stored text that offsets refer to) and GET /api/suggestions. */
export function createDocumentsRoute(dependencies: { index: SanadIndex }): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  const suggestions = suggestQuestions(dependencies.index.corpus)

  const sentenceCounts = new Map<string, number>()
  for (const sentence of dependencies.index.corpus.sentences) sentenceCounts.set(sentence.docId, (sentenceCounts.get(sentence.docId) ?? 0) + 1)
  const list: DocumentList = {
    documents: [...dependencies.index.documents.values()].map((document) => ({
      id: document.id,
      title: document.title,
      sentences: sentenceCounts.get(document.id) ?? 0,
      characters: document.text.length,
    })),
  }

  route.get('/api/documents', (c) => c.json(list))

  route.get('/api/documents/:docId', validateParameters(DocumentParametersSchema), (c) => {
    const { docId } = c.req.valid('param')
    const document = dependencies.index.documents.get(docId)
    if (!document) throw new SanadError('not_found', 'No document has this id.')
    return c.json({ id: document.id, title: document.title, text: document.text })
  })

  route.get('/api/suggestions', (c) => c.json({ suggestions }))

  return route
}
