import type { AnswerEvent } from '../answer/question-answerer.js'
import { SanadError } from '../errors/sanad-error.js'
import type { ChatCompletionChunk } from './openai-schemas.js'
import { annotateCitations, countUsage, describeGrounding, type CompletionContext, type CompletionIdentity } from './to-chat-completion.js'

/** How the chunks are made: the completion's identity and context, and whether usage was asked for. */
export interface ChunkOptions extends CompletionContext {
  /** `stream_options.include_usage`: every chunk gets `usage: null`, and a last chunk with no choices has the counts. */
  includeUsage: boolean
}

/**
 * Streamed answer events as OpenAI `chat.completion.chunk`s: a role chunk, one chunk per text delta,
 * and a final chunk with `finish_reason: 'stop'` whose `delta` carries the citations and their
 * annotations (the citations also at the top level, where earlier clients read them), then the usage
 * chunk when asked for. When the answerer streamed no text, the final text is sent whole.
 */
export async function* toChatCompletionChunks(
  events: AsyncIterable<AnswerEvent>,
  identity: CompletionIdentity,
  options: ChunkOptions,
): AsyncGenerator<ChatCompletionChunk> {
  const usage = options.includeUsage ? { usage: null } : {}
  const chunk = (delta: ChatCompletionChunk['choices'][number]['delta'], finishReason: 'stop' | null = null): ChatCompletionChunk => ({
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    ...usage,
  })
  yield chunk({ role: 'assistant', content: '' })
  let content = ''
  for await (const event of events) {
    if (event.type === 'text-delta' && event.delta) {
      content += event.delta
      yield chunk({ content: event.delta })
    } else if (event.type === 'answer') {
      const { answer } = event
      if (content === '' && answer.answer) {
        content = answer.answer
        yield chunk({ content })
      }
      yield {
        ...chunk({ annotations: annotateCitations(content, answer.citations, options), citations: answer.citations }, 'stop'),
        citations: answer.citations,
        sanad: describeGrounding(answer),
      }
      if (options.includeUsage) yield { ...chunk({}), choices: [], usage: countUsage(content, options) }
      return
    }
  }
  throw new SanadError('internal_error', 'The answer stream ended without an answer.')
}
