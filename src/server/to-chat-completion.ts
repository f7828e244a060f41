import type { AskResponse } from '../answer/answer-schemas.js'
import type { ChatCompletion, SanadCompletionExtension } from './openai-schemas.js'

/** The identity of one completion, shared by all its chunks. */
export interface CompletionIdentity {
  id: string
  model: string
  /** Unix seconds. */
  created: number
}

/** The grounding fields a completion carries besides its text and citations. */
export function describeGrounding(answer: AskResponse): SanadCompletionExtension {
  const { answered, shortAnswer, grounding, passages, language, answerer, fallback, refusalReason } = answer
  return { answered, shortAnswer, grounding, passages, language, answerer, fallback, refusalReason }
}

/** An answer as an OpenAI chat completion: `[n]` markers in the content, their spans in `citations`. */
export function toChatCompletion(answer: AskResponse, identity: CompletionIdentity): ChatCompletion {
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    choices: [{ index: 0, message: { role: 'assistant', content: answer.answer, refusal: null }, finish_reason: 'stop', logprobs: null }],
    citations: answer.citations,
    sanad: describeGrounding(answer),
  }
}
