import { z } from 'zod'
import { AskRequestSchema, HistoryMessageSchema, type AskRequest } from '../answer/answer-schemas.js'
import { SanadError } from '../errors/sanad-error.js'

/** A turn of a chat in any wire format, reduced to its role and text. */
export interface ConversationTurn {
  role: 'system' | 'developer' | 'user' | 'assistant'
  text: string
}

// AskRequestSchema allows this many history turns; older ones are dropped, as a chat window would.
const MAX_HISTORY_TURNS = 50

/**
 * The ask request schema with the configured question length limit (at most the contract's 2,000)
 * and, given the indexed document ids, a check that every id of a documents filter exists.
 */
export function createAskRequestSchema(questionMaxCharacters: number, documentIds?: ReadonlySet<string>) {
  const schema = AskRequestSchema.extend({
    question: z.string().trim().min(1, 'Type a question: it is empty or only spaces.').max(questionMaxCharacters, `A question has at most ${questionMaxCharacters} characters.`),
  })
  if (!documentIds) return schema
  return schema.superRefine((request, context) => {
    request.documents?.forEach((id, position) => {
      if (!documentIds.has(id)) {
        context.addIssue({ code: 'custom', path: ['documents', position], message: `There is no document "${id}"; GET /api/documents lists them.` })
      }
    })
  })
}

/**
 * Turns a chat into an ask request: the last user message is the question, the user and assistant
 * messages before it are the history, and system messages are ignored (the sources, not the caller,
 * decide what is answered).
 */
export function splitConversation(
  turns: readonly ConversationTurn[],
  options: { questionMaxCharacters: number; topK?: number | undefined; documents?: string[] | undefined; documentIds?: ReadonlySet<string> },
): AskRequest {
  const dialogue = turns.filter((turn) => turn.role === 'user' || turn.role === 'assistant')
  const questionIndex = dialogue.findLastIndex((turn) => turn.role === 'user')
  if (questionIndex === -1) throw new SanadError('invalid_request', 'The messages need a user message: the last one is the question.')
  const history = dialogue
    .slice(0, questionIndex)
    .slice(-MAX_HISTORY_TURNS)
    .map((turn) => HistoryMessageSchema.parse({ role: turn.role, content: turn.text }))
  const request: Record<string, unknown> = { question: dialogue[questionIndex]!.text }
  if (history.length > 0) request.history = history
  if (options.topK !== undefined) request.topK = options.topK
  if (options.documents !== undefined) request.documents = options.documents
  return createAskRequestSchema(options.questionMaxCharacters, options.documentIds).parse(request)
}
