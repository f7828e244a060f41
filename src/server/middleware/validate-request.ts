import { zValidator } from '@hono/zod-validator'
import type { MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { SanadError } from '../../errors/sanad-error.js'

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i

/** Refuses a body that is not declared as JSON with 415, before anything reads it. */
export const requireJsonContent: MiddlewareHandler = async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim()
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new SanadError('unsupported_media_type', 'The request body must be JSON (Content-Type: application/json).')
  }
  await next()
}

/** Validates the JSON body against a schema; a failure is thrown so the one error handler answers it. */
export function validateJson<Schema extends z.ZodType>(schema: Schema) {
  return zValidator('json', schema, (result) => {
    if (!result.success) throw result.error
  })
}

/** Validates the path parameters against a schema, like `validateJson`. */
export function validateParameters<Schema extends z.ZodType>(schema: Schema) {
  return zValidator('param', schema, (result) => {
    if (!result.success) throw result.error
  })
}
