import { SanadError } from '../errors/sanad-error.js'
import { splitIntoClaims, type AnswerClaim } from '../grounding/split-into-claims.js'
import type { Citation } from './answer-schemas.js'
import { createCitedSentenceValidator } from './create-cited-sentence-validator.js'
import {
  completionOptions,
  describeModelFailure,
  toLlmReply,
  type ChatCompletionClient,
  type LlmGenerationSettings,
  type LlmReply,
} from './generate-llm-answer.js'
import { renderAnswerPrompt, type LlmAnswerInput } from './render-answer-prompt.js'

/** A validated sentence ready to show (with the citations it uses first), or the final reply; `reply` is last. */
export type LlmStreamEvent = { type: 'sentence'; delta: string; citations: Citation[] } | { type: 'reply'; reply: LlmReply }

/**
 * Streams the model's answer one validated sentence at a time: a sentence is held until the next one
 * begins (its citation markers may still follow) or the reply ends, then checked, and released only
 * if its evidence supports it. The concatenated deltas equal the final answer.
 *
 * Faults before any sentence is released throw (the caller falls back); after that, the reply ends
 * with what was released and `interruptedBy` set. Stopping the iteration or aborting `signal` closes
 * the upstream request.
 */
export async function* streamLlmAnswer(
  client: ChatCompletionClient,
  input: LlmAnswerInput,
  settings: LlmGenerationSettings = {},
  options: { signal?: AbortSignal | undefined } = {},
): AsyncGenerator<LlmStreamEvent> {
  const messages = await renderAnswerPrompt(input, settings)
  const validator = createCitedSentenceValidator(input.evidence, { supportOptions: settings.supportOptions })
  let reply = ''
  let examined = 0
  let released = 0

  function* release(claims: readonly AnswerClaim[], upTo: number): Generator<LlmStreamEvent> {
    for (; examined < upTo; examined++) {
      const sentence = validator.accept(claims[examined]!)
      if (!sentence) continue
      yield { type: 'sentence', delta: released > 0 ? ` ${sentence.text}` : sentence.text, citations: sentence.newCitations }
      released++
    }
  }

  try {
    for await (const delta of client.streamComplete(messages, completionOptions(settings, options.signal))) {
      reply += delta
      const claims = splitIntoClaims(reply)
      yield* release(claims, claims.length - 1)
    }
  } catch (error) {
    if (options.signal?.aborted || released === 0) throw error
    yield { type: 'reply', reply: toLlmReply(validator.finish(), describeModelFailure(error)) }
    return
  }
  const claims = splitIntoClaims(reply)
  if (claims.length === 0) throw new SanadError('model_bad_response', 'The model sent an empty answer.')
  yield* release(claims, claims.length)
  yield { type: 'reply', reply: toLlmReply(validator.finish(), null) }
}
