import type { HistoryMessage } from './answer-schemas.js'
import { generateLlmAnswer, type ChatCompletionClient, type LlmGenerationSettings, type LlmReply } from './generate-llm-answer.js'
import type { LlmAnswerInput } from './render-answer-prompt.js'
import { rewriteQuestion } from './rewrite-question.js'
import { streamLlmAnswer, type LlmStreamEvent } from './stream-llm-answer.js'

/** Per-call options of the LLM answerer. */
export interface LlmCallOptions {
  signal?: AbortSignal | undefined
}

/** The optional model-backed stages of the question answerer; each throws a SanadError (`model_*`) on a fault. */
export interface LlmAnswerer {
  /** A standalone Arabic search query for a follow-up or a non-Arabic question. */
  rewriteQuestion(input: { question: string; history: readonly HistoryMessage[] }, options?: LlmCallOptions): Promise<string>
  /** A validated, cited answer from numbered evidence sentences. */
  generateAnswer(input: LlmAnswerInput, options?: LlmCallOptions): Promise<LlmReply>
  /** The same answer, released sentence by sentence once validated. */
  streamAnswer(input: LlmAnswerInput, options?: LlmCallOptions): AsyncIterable<LlmStreamEvent>
}

/** Builds the LLM answerer over an OpenAI-compatible client (Ollama, llama.cpp, vLLM, OpenAI). */
export function createLlmAnswerer(options: { client: ChatCompletionClient } & LlmGenerationSettings): LlmAnswerer {
  const { client, ...settings } = options
  return {
    rewriteQuestion: (input, call = {}) => rewriteQuestion(client, input, { signal: call.signal, promptFolder: settings.promptFolder }),
    generateAnswer: (input, call = {}) => generateLlmAnswer(client, input, settings, call),
    streamAnswer: (input, call = {}) => streamLlmAnswer(client, input, settings, call),
  }
}
