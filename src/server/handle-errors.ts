import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import type { AppEnv } from './app-env.js'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { SanadError, statusForCode, type SanadErrorCode } from '../errors/sanad-error.js'
import type { Logger } from './create-logger.js'

/** The body of every 4xx and 5xx answer. */
export const ProblemSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
})
export type Problem = z.infer<typeof ProblemSchema>

/** A problem ready to send: its status, body and extra headers. */
export interface ProblemResponse {
  status: ContentfulStatusCode
  body: Problem
  headers: Record<string, string>
  /** True when the error was not expected and must be logged. */
  unexpected: boolean
}

const CODE_BY_STATUS: Record<number, SanadErrorCode> = {
  400: 'invalid_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
}

const MESSAGE_BY_CODE: Partial<Record<SanadErrorCode, string>> = {
  invalid_request: 'The request is invalid.',
  unauthorized: 'A valid API key is required: send it as "Authorization: Bearer <key>".',
  not_found: 'Nothing is found at this path.',
  method_not_allowed: 'This method is not allowed on this path.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'The request body must be JSON (Content-Type: application/json).',
  rate_limited: 'Too many requests; retry later.',
  internal_error: 'An internal error occurred.',
}

/** Turns any thrown value into the JSON problem that answers it; unknown errors reveal nothing. */
export function describeError(error: unknown): ProblemResponse {
  if (SanadError.isInstance(error)) {
    const body: Problem = { error: { code: error.code, message: error.message } }
    if (error.details !== undefined) body.error.details = error.details
    const status = statusForCode(error.code) as ContentfulStatusCode
    return { status, body, headers: error.headers, unexpected: status === 500 }
  }
  if (error instanceof HTTPException) {
    const status = error.status >= 400 && error.status < 500 ? error.status : 500
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request')
    const headers: Record<string, string> = {}
    const challenge = error.res?.headers.get('www-authenticate')
    if (challenge) headers['WWW-Authenticate'] = challenge
    const message = status < 500 && error.message ? error.message : MESSAGE_BY_CODE[code] ?? 'The request failed.'
    return { status, body: { error: { code, message } }, headers, unexpected: status >= 500 }
  }
  if (error instanceof z.ZodError) return { ...describeInvalidInput(error.issues), unexpected: false }
  return { status: 500, body: { error: { code: 'internal_error', message: MESSAGE_BY_CODE.internal_error! } }, headers: {}, unexpected: true }
}

// The 400 problem for input that failed its schema, listing where and why (never the input itself).
function describeInvalidInput(issues: readonly z.core.$ZodIssue[]): Omit<ProblemResponse, 'unexpected'> {
  const details = issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code, message: issue.message }))
  const first = details[0]
  const message = first ? `Invalid request: ${first.path ? `${first.path}: ` : ''}${first.message}` : MESSAGE_BY_CODE.invalid_request!
  return { status: 400, body: { error: { code: 'invalid_request', message, details } }, headers: {} }
}

/** Builds the JSON response of a problem. */
export function respondWithProblem(c: Context, problem: Omit<ProblemResponse, 'unexpected'>): Response {
  return c.json(problem.body, problem.status, problem.headers)
}

/** The app's one error handler: maps every error to a JSON problem and logs the unexpected ones. */
export function handleError(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const problem = describeError(error)
    if (problem.unexpected) {
      logger.error('request failed', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        error: { name: error.name, message: error.message, code: SanadError.isInstance(error) ? error.code : undefined },
      })
    }
    return respondWithProblem(c, problem)
  }
}

/** Answers unknown paths with a JSON 404. */
export const handleNotFound: NotFoundHandler = (c) =>
  respondWithProblem(c, { status: 404, body: { error: { code: 'not_found', message: MESSAGE_BY_CODE.not_found! } }, headers: {} })
