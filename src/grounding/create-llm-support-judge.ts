import { z } from 'zod'
import { quotePromptData } from '../answer/render-answer-prompt.js'
import { SanadError } from '../errors/sanad-error.js'
import type { OpenAICompatibleClient } from '../llm/openai-compatible-client.js'
import { renderPrompt } from '../llm/render-prompt.js'
import { SUPPORT_THRESHOLD, type SupportPassage, type SupportResult } from './score-support.js'

/** Judges support with a model: the same verdict shape as `scoreSupport`, asynchronously. */
export type LlmSupportJudge = (claim: string, passages: readonly SupportPassage[], options?: { signal?: AbortSignal }) => Promise<SupportResult>

const VerdictSchema = z.object({ supported: z.boolean(), score: z.number().min(0).max(1) })

/**
 * An optional support judge backed by an OpenAI-compatible model, with the prompt `prompts/judge-support.md`.
 * The model's score decides (`supported` is recomputed from it, at the same threshold as the lexical
 * scorer); a reply that is not the expected JSON is a `model_bad_response` error.
 */
export function createLlmSupportJudge(client: Pick<OpenAICompatibleClient, 'complete'>, options: { promptFolder?: string } = {}): LlmSupportJudge {
  return async (claim, passages, callOptions = {}) => {
    const prompt = await renderPrompt(
      'judge-support',
      { claim: quotePromptData(claim), passages: passages.map((passage, index) => `[${index + 1}] ${quotePromptData(passage.text)}`).join('\n') },
      options.promptFolder === undefined ? {} : { folder: options.promptFolder },
    )
    const completion = await client.complete([{ role: 'user', content: prompt }], {
      temperature: 0,
      maxTokens: 60,
      responseFormat: { type: 'json_object' },
      signal: callOptions.signal,
    })
    const verdict = readVerdict(completion.content)
    if (!verdict) throw new SanadError('model_bad_response', 'The model did not return a support verdict as JSON.')
    const score = Math.round(verdict.score * 1000) / 1000
    const supported = score >= SUPPORT_THRESHOLD
    return { score, supported, supportedBy: supported ? [...passages] : [], issues: supported ? [] : [{ kind: 'model-verdict', score }] }
  }
}

// The first {...} of the reply, so a model that wraps its JSON in prose or a code fence still counts.
function readVerdict(reply: string): z.infer<typeof VerdictSchema> | null {
  const json = /\{[\s\S]*?\}/.exec(reply)?.[0]
  if (!json) return null
  try {
    const parsed = VerdictSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
