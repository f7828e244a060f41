import type { AskRequest } from '../answer/answer-schemas.js'
import type { AnswererChoice } from '../answer/question-answerer.js'

/**
 * A question as the cache compares it: Unicode NFC, trimmed. Nothing more is folded: the answerer tells
 * "ما  هو مصدر" from "ما هو مصدر" (its patterns expect one space), so folding spaces would merge
 * questions it answers differently; a test over the question set holds the cache to this.
 */
export function normalizeQuestionForCache(question: string): string {
  return question.normalize('NFC').trim()
}

/**
 * The cache key of a request: everything the answer depends on. The index checksum (a rebuilt index
 * never serves an old answer), the answerer chosen, topK, the documents filter as a set (sorted,
 * without repeats), the whole history (every turn, both roles: what the answerer reads of it is its
 * own business) and the normalized question. JSON keeps the parts apart, so no two requests share a key.
 */
export function buildAnswerCacheKey(request: AskRequest, choice: AnswererChoice, indexChecksum: string): string {
  const documents = request.documents ? [...new Set(request.documents)].sort() : null
  const history = (request.history ?? []).map((message) => [message.role, message.content])
  return JSON.stringify([indexChecksum, choice, request.topK ?? null, documents, history, normalizeQuestionForCache(request.question)])
}
