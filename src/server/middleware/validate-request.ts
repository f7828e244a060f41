import { zValidator } from '@hono/zod-validator'
import type { MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { z } from 'zod'
import { deepFreeze } from '../../cache/deep-freeze.js'
import { LruByteCache } from '../../cache/lru-byte-cache.js'
import { SanadError } from '../../errors/sanad-error.js'
import type { AppEnv } from '../app-env.js'

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

// A remembered body weighs its text (two bytes a character) as the key and about as much again as the
// parsed value, plus the Map slot and objects.
const REMEMBERED_OVERHEAD_BYTES = 256

/**
 * Validates the JSON body against a schema like `validateJson`, and remembers, within a byte budget,
 * the value of each exact body text that passed: validation is a pure function of that text, so a
 * repeated request (a question asked again) is neither parsed nor validated again and gets the same
 * frozen value. A body that fails is not remembered and fails the same way each time.
 */
export function validateRepeatedJson<Schema extends z.ZodType>(
  schema: Schema,
  options: { budgetBytes: number },
): MiddlewareHandler<AppEnv, string, { in: { json: z.input<Schema> }; out: { json: z.output<Schema> } }> {
  const passed = new LruByteCache<z.output<Schema>>(options.budgetBytes)
  return async (c, next) => {
    const text = await c.req.text()
    let value = passed.get(text)
    if (value === undefined) {
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        throw new HTTPException(400, { message: 'Malformed JSON in request body' })
      }
      const result = await schema.safeParseAsync(json)
      if (!result.success) throw result.error
      value = deepFreeze(result.data)
      passed.set(text, value, text.length * 4 + REMEMBERED_OVERHEAD_BYTES)
    }
    c.req.addValidatedData('json', value as object)
    await next()
  }
}
