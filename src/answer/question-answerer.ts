import type { AskRequest, AskResponse, Citation, Passage } from './answer-schemas.js'

/** An event of a streamed answer, in the order they are produced; `answer` is always last. */
export type AnswerEvent =
  | { type: 'passages'; passages: Passage[] }
  | { type: 'text-delta'; delta: string }
  | { type: 'citation'; citation: Citation }
  | { type: 'answer'; answer: AskResponse }

/** Which answerer a request wants: the configured default, or one by name (the OpenAI model name). */
export type AnswererChoice = 'default' | 'extractive' | 'llm'

/** Options of one request. */
export interface AskOptions {
  signal?: AbortSignal
  answerer?: AnswererChoice
}

/** Answers questions from the sources with citations; what the HTTP layer depends on. */
export interface QuestionAnswerer {
  /** The answerers this instance can use, for GET /v1/models. */
  readonly answerers: readonly ('extractive' | 'llm')[]
  ask(request: AskRequest, options?: AskOptions): Promise<AskResponse>
  stream(request: AskRequest, options?: AskOptions): AsyncIterable<AnswerEvent>
}
