import { SanadError } from '../errors/sanad-error.js'
import type { ScoreSupportOptions } from '../grounding/score-support.js'
import { splitIntoClaims } from '../grounding/split-into-claims.js'
import type { OpenAICompatibleClient } from '../llm/openai-compatible-client.js'
import type { Citation } from './answer-schemas.js'
import { createCitedSentenceValidator, type ValidatedAnswer } from './create-cited-sentence-validator.js'
import { renderAnswerPrompt, type LlmAnswerInput } from './render-answer-prompt.js'

/** The part of the OpenAI-compatible client that answering uses. */
export type ChatCompletionClient = Pick<OpenAICompatibleClient, 'complete' | 'streamComplete'>

/** How the model is prompted and its reply checked. */
export interface LlmGenerationSettings {
  /** Folder of the prompt templates; the repository's `prompts/` by default. */
  promptFolder?: string | undefined
  /** Passed to `scoreSupport`, e.g. a bilingual dictionary so that English sentences can be checked. */
  supportOptions?: ScoreSupportOptions | undefined
  temperature?: number | undefined
  maxTokens?: number | undefined
}

/** The model's reply after validation. */
export type LlmReply =
  /** Supported sentences remain; `interruptedBy` names the fault that cut a streamed reply short. */
  | { kind: 'answered'; answer: string; citations: Citation[]; removed: number; unknownNumbers: number; interruptedBy: string | null }
  /** The model said the evidence holds no answer, and gave no supported sentence. */
  | { kind: 'not-in-sources' }
  /** The model answered, but no sentence of it is supported by the evidence it cites. */
  | { kind: 'unsupported' }

const DEFAULT_TEMPERATURE = 0
const DEFAULT_MAX_TOKENS = 600

/**
 * Asks the model to answer from numbered evidence sentences and validates the reply sentence by
 * sentence. Transport faults, a malformed or an empty reply throw a SanadError (`model_*`).
 */
export async function generateLlmAnswer(
  client: ChatCompletionClient,
  input: LlmAnswerInput,
  settings: LlmGenerationSettings = {},
  options: { signal?: AbortSignal | undefined } = {},
): Promise<LlmReply> {
  const messages = await renderAnswerPrompt(input, settings)
  const completion = await client.complete(messages, completionOptions(settings, options.signal))
  const claims = splitIntoClaims(completion.content)
  // A reply cut off by the token limit ends in half a sentence, which must not be judged as a claim.
  if (completion.finishReason === 'length' && claims.length > 1) claims.pop()
  if (claims.length === 0) throw new SanadError('model_bad_response', 'The model sent an empty answer.')
  const validator = createCitedSentenceValidator(input.evidence, { supportOptions: settings.supportOptions })
  for (const claim of claims) validator.accept(claim)
  return toLlmReply(validator.finish(), null)
}

/** The chat options of an answer request. */
export function completionOptions(settings: LlmGenerationSettings, signal: AbortSignal | undefined) {
  return { temperature: settings.temperature ?? DEFAULT_TEMPERATURE, maxTokens: settings.maxTokens ?? DEFAULT_MAX_TOKENS, signal }
}

/** Classifies a validated answer as answered, not in the sources, or unsupported. */
export function toLlmReply(validated: ValidatedAnswer, interruptedBy: string | null): LlmReply {
  if (validated.kept > 0) {
    const { answer, citations, removed, unknownNumbers } = validated
    return { kind: 'answered', answer, citations, removed, unknownNumbers, interruptedBy }
  }
  return validated.notInSources ? { kind: 'not-in-sources' } : { kind: 'unsupported' }
}

/** A short code for why the model could not be used, for an answer's `fallback` field. */
export function describeModelFailure(error: unknown): string {
  if (SanadError.isInstance(error) && error.code.startsWith('model_')) return error.code
  return 'model_error'
}
