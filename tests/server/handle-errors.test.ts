import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SanadError } from '../../src/errors/sanad-error.js'
import { describeError } from '../../src/server/handle-errors.js'

describe('describeError', () => {
  it('should keep the code, message, details and headers of a SanadError', () => {
    const problem = describeError(new SanadError('rate_limited', 'slow down', { details: { retryAfterSeconds: 3 }, headers: { 'Retry-After': '3' } }))
    expect(problem).toEqual({ status: 429, body: { error: { code: 'rate_limited', message: 'slow down', details: { retryAfterSeconds: 3 } } }, headers: { 'Retry-After': '3' }, unexpected: false })
  })

  it('should name the code of an HTTPException by its status and keep an authentication challenge', () => {
    const response = new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm=""' } })
    const problem = describeError(new HTTPException(401, { res: response }))
    expect(problem.status).toBe(401)
    expect(problem.body.error.code).toBe('unauthorized')
    expect(problem.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm=""' })
    expect(describeError(new HTTPException(400, { message: 'Malformed JSON in request body' })).body.error).toEqual({ code: 'invalid_request', message: 'Malformed JSON in request body' })
  })

  it('should list where a zod error failed without echoing the input', () => {
    const result = z.strictObject({ question: z.string() }).safeParse({ question: 'secret', other: 'also secret' })
    const problem = describeError(result.error)
    expect(problem.status).toBe(400)
    expect(problem.body.error.details).toEqual([{ path: '', code: 'unrecognized_keys', message: expect.any(String) }])
    expect(JSON.stringify(problem)).not.toContain('secret')
  })

  it('should hide everything about an unknown error', () => {
    const problem = describeError(new Error('token=abc at /srv/app.js:1:2'))
    expect(problem).toEqual({ status: 500, body: { error: { code: 'internal_error', message: 'An internal error occurred.' } }, headers: {}, unexpected: true })
    expect(describeError('a thrown string').status).toBe(500)
    expect(describeError(new HTTPException(502)).body.error.code).toBe('internal_error')
  })
})
