import type { ChatMessage } from '../llm/openai-compatible-client.js'
import { renderPrompt } from '../llm/render-prompt.js'
import type { HistoryMessage } from './answer-schemas.js'
import type { EvidenceSentence } from './build-evidence-sentences.js'

/** What the model is asked: the question in its own words and language, the conversation, and the numbered evidence. */
export interface LlmAnswerInput {
  question: string
  language: 'ar' | 'en'
  history: readonly HistoryMessage[]
  evidence: readonly EvidenceSentence[]
}

const HISTORY_TURNS = 6
const HISTORY_TURN_CHARACTERS = 600

/** Builds the chat messages for an answer: the system prompt in the question's language and the fenced user prompt. */
export async function renderAnswerPrompt(input: LlmAnswerInput, options: { promptFolder?: string | undefined } = {}): Promise<ChatMessage[]> {
  const folder = options.promptFolder === undefined ? {} : { folder: options.promptFolder }
  const evidence = input.evidence.map((sentence) => `[${sentence.n}] ${quotePromptData(sentence.text).replace(/\s+/g, ' ')}`).join('\n')
  const [system, user] = await Promise.all([
    renderPrompt(`answer-system.${input.language}`, {}, folder),
    renderPrompt(
      'answer-user',
      { evidence, history: formatHistoryForPrompt(input.history), question: quotePromptData(input.question) },
      folder,
    ),
  ])
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ]
}

/**
 * Makes text safe to place inside a prompt's fenced blocks: angle brackets become look-alikes, so
 * that no quoted text can close `<evidence>` (or open a block of its own) and pose as instructions.
 */
export function quotePromptData(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›')
}

/**
 * The last turns of a conversation as `role: text` lines. Earlier answers lose their `[n]` markers,
 * which pointed at other evidence and would be mistaken for the current numbers.
 */
export function formatHistoryForPrompt(history: readonly HistoryMessage[]): string {
  const lines = history.slice(-HISTORY_TURNS).map((message) => {
    const text = message.content.replace(/\[\d+(?:\s*[,،]\s*\d+)*\]/g, '').replace(/\s+/g, ' ').trim()
    const clipped = text.length > HISTORY_TURN_CHARACTERS ? `${text.slice(0, HISTORY_TURN_CHARACTERS)}…` : text
    return `${message.role}: ${quotePromptData(clipped)}`
  })
  return lines.length > 0 ? lines.join('\n') : '(none)'
}
