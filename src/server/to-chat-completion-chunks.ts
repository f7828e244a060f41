import type { AnswerEvent } from '../answer/question-answerer.js'
import { SanadError } from '../errors/sanad-error.js'
import type { ChatCompletionChunk } from './openai-schemas.js'
import { describeGrounding, type CompletionIdentity } from './to-chat-completion.js'

/**
 * Streamed answer events as OpenAI `chat.completion.chunk`s: a role chunk, one chunk per text delta,
 * and a final chunk with `finish_reason: 'stop'` that carries the citations (which OpenAI's format
 * has no place for in deltas). When the answerer streamed no text, the final text is sent whole.
 */
export async function* toChatCompletionChunks(
  events: AsyncIterable<AnswerEvent>,
  identity: CompletionIdentity,
): AsyncGenerator<ChatCompletionChunk> {
  const chunk = (delta: ChatCompletionChunk['choices'][number]['delta']): ChatCompletionChunk => ({
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    choices: [{ index: 0, delta, finish_reason: null, logprobs: null }],
  })
  yield chunk({ role: 'assistant', content: '' })
  let streamedText = false
  for await (const event of events) {
    if (event.type === 'text-delta' && event.delta) {
      streamedText = true
      yield chunk({ content: event.delta })
    } else if (event.type === 'answer') {
      if (!streamedText && event.answer.answer) yield chunk({ content: event.answer.answer })
      yield {
        ...chunk({}),
        choices: [{ index: 0, delta: {}, finish_reason: 'stop', logprobs: null }],
        citations: event.answer.citations,
        sanad: describeGrounding(event.answer),
      }
      return
    }
  }
  throw new SanadError('internal_error', 'The answer stream ended without an answer.')
}
