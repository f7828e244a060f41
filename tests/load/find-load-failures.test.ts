import { describe, expect, it } from 'vitest'
import { findLoadFailures } from '../../src/load/find-load-failures.js'
import { summarizeLoad, type LoadMeasurement, type LoadTally } from '../../src/load/summarize-load.js'

const run = { url: 'http://127.0.0.1:1', requested: 10, connections: 2 }
const latencyMs = { p50: 1, p90: 2, p99: 3, max: 4, mean: 1.5 }

function measure(statusCodes: Record<string, number>, errors = 0): LoadMeasurement {
  return { durationSeconds: 2, errors, timeouts: 0, statusCodes, latencyMs }
}

function tally(completed: number, unexpected = 0): LoadTally {
  return { byKind: { ask: { completed, right: completed - unexpected, rateLimited: 0, unexpected } }, unexpectedSamples: unexpected ? ['POST /api/ask: status 400'] : [] }
}

describe('findLoadFailures', () => {
  it('should pass a run where every request got what it must', () => {
    const report = summarizeLoad(run, measure({ 200: 8, 400: 2 }), tally(10))
    expect(report).toMatchObject({ completed: 10, requestsPerSecond: 5, statusClasses: { '2xx': 8, '4xx': 2, '5xx': 0 } })
    expect(findLoadFailures(report)).toEqual([])
  })

  it('should fail on errors, on any 5xx, on unexpected responses and on a run cut short by the time bound', () => {
    expect(findLoadFailures(summarizeLoad(run, measure({ 200: 9 }, 1), tally(9))).join()).toMatch(/no response/)
    expect(findLoadFailures(summarizeLoad(run, measure({ 200: 9, 503: 1 }), tally(10))).join()).toMatch(/5xx/)
    expect(findLoadFailures(summarizeLoad(run, measure({ 200: 10 }), tally(10, 1))).join()).toMatch(/status 400/)
    expect(findLoadFailures(summarizeLoad(run, measure({ 200: 6 }), tally(6))).join()).toMatch(/only 6 of 10/)
  })
})
