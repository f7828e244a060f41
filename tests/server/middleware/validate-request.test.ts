import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { AppEnv } from '../../../src/server/app-env.js'
import { createLogger } from '../../../src/server/create-logger.js'
import { handleError } from '../../../src/server/handle-errors.js'
import { validateRepeatedJson } from '../../../src/server/middleware/validate-request.js'

const GreetingSchema = z.object({ name: z.string().trim().min(1), times: z.number().int().positive().default(1) })

// An app that validates a small made-up body, counts how often the schema ran, and hands back the value it got.
function createGreetingApp(budgetBytes = 1 << 16) {
  let validations = 0
  const counted = GreetingSchema.transform((value) => {
    validations++
    return value
  })
  const received: unknown[] = []
  const app = new Hono<AppEnv>()
  app.post('/greet', validateRepeatedJson(counted, { budgetBytes }), (c) => {
    const value = c.req.valid('json')
    received.push(value)
    return c.json({ greeting: `${'مرحبا '.repeat(value.times)}${value.name}` })
  })
  app.onError(handleError(createLogger({ level: 'silent' })))
  const post = (body: string) => app.request('/greet', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  return { app, post, received, validations: () => validations }
}

describe('validateRepeatedJson', () => {
  it('should validate a body once and give a repeat of the same text the same frozen value', async () => {
    const { post, received, validations } = createGreetingApp()
    const body = JSON.stringify({ name: ' سند ', times: 2 })
    for (let attempt = 0; attempt < 3; attempt++) expect(await (await post(body)).json()).toEqual({ greeting: 'مرحبا مرحبا سند' })
    expect(validations()).toBe(1)
    expect(received[0]).toEqual({ name: 'سند', times: 2 })
    expect(received[1]).toBe(received[0])
    expect(Object.isFrozen(received[0])).toBe(true)
    // Another text, even of an equal value, is validated on its own.
    await post(JSON.stringify({ times: 2, name: ' سند ' }))
    expect(validations()).toBe(2)
  })

  it('should refuse an invalid or malformed body with a 400 problem every time, remembering nothing', async () => {
    const { post, validations } = createGreetingApp()
    for (let attempt = 0; attempt < 2; attempt++) {
      const invalid = await post(JSON.stringify({ name: '  ' }))
      expect(invalid.status).toBe(400)
      expect((await invalid.json()).error).toMatchObject({ code: 'invalid_request', details: [{ path: 'name' }] })
      const malformed = await post('{"name": "سند"')
      expect(malformed.status).toBe(400)
      expect((await malformed.json()).error.code).toBe('invalid_request')
    }
    expect(validations()).toBe(0)
  })

  it('should validate again once the remembered bodies outgrow the budget', async () => {
    const { post, validations } = createGreetingApp(600)
    const first = JSON.stringify({ name: 'أ' })
    await post(first)
    await post(JSON.stringify({ name: 'ب'.repeat(40) }))
    await post(first)
    expect(validations()).toBe(3)
  })
})
