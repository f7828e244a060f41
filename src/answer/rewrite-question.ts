import { SanadError } from '../errors/sanad-error.js'
import type { ChatMessage, OpenAICompatibleClient } from '../llm/openai-compatible-client.js'
import { renderPrompt } from '../llm/render-prompt.js'
import { detectLanguage } from '../text/detect-language.js'
import type { HistoryMessage } from './answer-schemas.js'
import { containsInjectedInstructions } from './contains-injected-instructions.js'
import { formatHistoryForPrompt, quotePromptData } from './render-answer-prompt.js'

const MAX_QUERY_CHARACTERS = 300
// Labels a chatty model puts before the query despite the prompt.
const LEADING_LABEL = /^\s*(?:query|search query|standalone query|الاستعلام|استعلام البحث|السؤال)\s*[:：]\s*/i
const WRAPPING_QUOTES = /^["'“”«»`]+|["'“”«»`]+$/g

/**
 * Asks the model for a standalone Arabic search query for a follow-up or a non-Arabic question.
 * Throws a SanadError when the model fails or its reply is not a usable Arabic query.
 */
export async function rewriteQuestion(
  client: Pick<OpenAICompatibleClient, 'complete'>,
  input: { question: string; history: readonly HistoryMessage[] },
  options: { signal?: AbortSignal | undefined; promptFolder?: string | undefined } = {},
): Promise<string> {
  const prompt = await renderPrompt(
    'rewrite-query',
    { history: formatHistoryForPrompt(input.history), question: quotePromptData(input.question) },
    options.promptFolder === undefined ? {} : { folder: options.promptFolder },
  )
  const messages: ChatMessage[] = [{ role: 'user', content: prompt }]
  const completion = await client.complete(messages, { temperature: 0, maxTokens: 120, signal: options.signal })
  const query = readQuery(completion.content)
  if (!query) throw new SanadError('model_bad_response', 'The model did not return a usable Arabic search query.')
  return query
}

// The first non-empty line, unwrapped; null unless it is a short Arabic query free of instructions.
function readQuery(reply: string): string | null {
  const line = reply.split(/\r?\n/).map((text) => text.trim()).find((text) => text.length > 0)
  if (!line) return null
  const query = line.replace(LEADING_LABEL, '').replace(WRAPPING_QUOTES, '').trim()
  if (query.length < 2 || query.length > MAX_QUERY_CHARACTERS) return null
  if (detectLanguage(query) !== 'ar' || !/[\u0600-\u06FF]/.test(query)) return null
  return containsInjectedInstructions(query) ? null : query
}
