import { describe, expect, it } from 'vitest'
import { readTimingsField } from '../../src/bench/measure-http-latency.js'

describe('readTimingsField', () => {
  it('should keep the numeric stage timings of a response body', () => {
    const timings = { analyze: 0.2, retrieve: 0.4, total: 1.1 }
    expect(readTimingsField(JSON.stringify({ answered: true, timingsMs: { ...timings, note: 'x' } }))).toEqual(timings)
  })

  it('should give null for a body without timings or that is not JSON', () => {
    expect(readTimingsField(JSON.stringify({ error: { code: 'invalid_request' } }))).toBeNull()
    expect(readTimingsField('not json')).toBeNull()
    expect(readTimingsField('null')).toBeNull()
  })
})
