import { Hono } from 'hono'
import { verifyGuideQuestions } from '../../answer/broad/verify-guide-questions.js'
import type { QuestionAnswerer } from '../../answer/question-answerer.js'
import { SanadError } from '../../errors/sanad-error.js'
import type { GuideQuestion, SourceGuide } from '../../index/guide/source-guide.js'
import type { SanadIndex } from '../../index/sanad-index.js'
import { DocumentParametersSchema, type DocumentList, type Suggestion } from '../api-schemas.js'
import type { AppEnv } from '../app-env.js'
import type { DocumentGuide } from '../guide-schemas.js'
import { validateParameters } from '../middleware/validate-request.js'

// Starter questions offered by GET /api/suggestions.
const SUGGESTIONS = 6

/**
 * GET /api/documents (the list), GET /api/documents/:docId (the exact stored text that offsets refer
 * to), GET /api/documents/:docId/guide (the source guide) and GET /api/suggestions (starter questions
 * from the guides). A guide's questions are checked with the answerer on first request, once.
 */
export function createDocumentsRoute(dependencies: { index: SanadIndex; answerer: QuestionAnswerer }): Hono<AppEnv> {
  const { index, answerer } = dependencies
  const route = new Hono<AppEnv>()
  const verified = new Map<string, Promise<GuideQuestion[]>>()
  const verifiedQuestions = (guide: SourceGuide) => {
    let pending = verified.get(guide.docId)
    if (!pending) {
      pending = verifyGuideQuestions(guide, answerer)
      verified.set(guide.docId, pending)
      // A failed check is not remembered: the next request tries again.
      pending.catch(() => verified.delete(guide.docId))
    }
    return pending
  }

  const sentenceCounts = new Map<string, number>()
  for (const sentence of index.corpus.sentences) sentenceCounts.set(sentence.docId, (sentenceCounts.get(sentence.docId) ?? 0) + 1)
  const list: DocumentList = {
    documents: [...index.documents.values()].map((document) => ({
      id: document.id,
      title: document.title,
      sentences: sentenceCounts.get(document.id) ?? 0,
      characters: document.text.length,
    })),
  }

  route.get('/api/documents', (c) => c.json(list))

  route.get('/api/documents/:docId', validateParameters(DocumentParametersSchema), (c) => {
    const { docId } = c.req.valid('param')
    const document = index.documents.get(docId)
    if (!document) throw new SanadError('not_found', 'No document has this id.')
    return c.json({ id: document.id, title: document.title, text: document.text })
  })

  route.get('/api/documents/:docId/guide', validateParameters(DocumentParametersSchema), async (c) => {
    const { docId } = c.req.valid('param')
    const document = index.documents.get(docId)
    const guide = index.guides.get(docId)
    if (!document || !guide) throw new SanadError('not_found', 'No document has this id.')
    return c.json(toDocumentGuide(guide, document.text, await verifiedQuestions(guide)))
  })

  // The verified questions of the documents in index order, taken in turn from each (the first document's first).
  route.get('/api/suggestions', async (c) => {
    const perDocument = await Promise.all([...index.guides.values()].slice(0, SUGGESTIONS).map(async (guide) => (await verifiedQuestions(guide)).map((question) => toSuggestion(question, guide))))
    const suggestions: Suggestion[] = []
    for (let turn = 0; suggestions.length < SUGGESTIONS && perDocument.some((questions) => questions.length > turn); turn++) {
      for (const questions of perDocument) if (questions[turn] && suggestions.length < SUGGESTIONS) suggestions.push(questions[turn]!)
    }
    return c.json({ suggestions })
  })

  return route
}

function toSuggestion(question: GuideQuestion, guide: SourceGuide): Suggestion {
  const heading = question.kind === 'section' ? (/«(.+)»/.exec(question.question)?.[1] ?? null) : null
  return { question: question.question, section: heading ?? (question.kind === 'overview' ? guide.title : null) }
}

/** A stored guide with the quote of every span, as GET /api/documents/:docId/guide returns it. */
export function toDocumentGuide(guide: SourceGuide, text: string, suggestedQuestions: GuideQuestion[]): DocumentGuide {
  const quoted = ({ start, end }: { start: number; end: number }) => ({ start, end, quote: text.slice(start, end) })
  return {
    docId: guide.docId,
    title: guide.title,
    summary: guide.summary.map(quoted),
    sections: guide.sections.map((section) => ({ heading: section.heading, points: section.points.map(quoted) })),
    timeline: guide.timeline.map((event) => ({ ...quoted(event), dateText: text.slice(event.dateStart, event.dateEnd), year: event.year, month: event.month, day: event.day, placement: event.placement })),
    entities: guide.entities.map((entity) => ({ kind: entity.kind, name: entity.name, mentions: entity.mentions.map(quoted) })),
    suggestedQuestions,
  }
}
