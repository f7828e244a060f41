import type { AskRequest, AskResponse } from '../answer/answer-schemas.js'
import type { EvalRecord } from './compute-metrics.js'
import type { Question } from './question-set.js'

/** Asks the pipeline one question: in process, or over HTTP. */
export type AskFunction = (request: AskRequest) => Promise<AskResponse>

/** Options of a run. */
export interface RunQuestionSetOptions {
  /** Called after each question with how many are done. */
  onProgress?: (done: number, total: number, question: Question) => void
  /** Milliseconds on a monotonic clock; `performance.now` by default. */
  now?: () => number
}

/**
 * Asks every question in turn (one at a time, so latencies are not inflated by each other) and
 * records the response, or the error message when the call failed.
 */
export async function runQuestionSet(questions: readonly Question[], ask: AskFunction, options: RunQuestionSetOptions = {}): Promise<EvalRecord[]> {
  const now = options.now ?? (() => performance.now())
  const records: EvalRecord[] = []
  for (const question of questions) {
    const request: AskRequest = { question: question.question, ...(question.history ? { history: question.history } : {}) }
    const started = now()
    let response: AskResponse | null = null
    let error: string | null = null
    try {
      response = await ask(request)
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause)
    }
    records.push({ question, response, latencyMs: Math.max(0, now() - started), error })
    options.onProgress?.(records.length, questions.length, question)
  }
  return records
}
