import { AskResponseSchema } from '../answer/answer-schemas.js'
import type { AskFunction } from './run-question-set.js'

/** Asks a running sanad server: POST {url}/api/ask, with the response checked against the schema. */
export function createHttpAsk(baseUrl: string, options: { apiKey?: string; fetch?: typeof fetch } = {}): AskFunction {
  const fetchResponse = options.fetch ?? fetch
  const endpoint = new URL('/api/ask', baseUrl).toString()
  return async (request) => {
    const response = await fetchResponse(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
      body: JSON.stringify(request),
    })
    const body: unknown = await response.json().catch(() => null)
    if (!response.ok) {
      const message = (body as { error?: { message?: string } } | null)?.error?.message ?? response.statusText
      throw new Error(`POST ${endpoint} answered ${response.status}: ${message}`)
    }
    const parsed = AskResponseSchema.safeParse(body)
    if (!parsed.success) throw new Error(`POST ${endpoint} answered a body that is not an AskResponse`)
    return parsed.data
  }
}
