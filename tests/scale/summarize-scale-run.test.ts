import { describe, expect, it } from 'vitest'
import type { ScaleRecord } from '../../src/scale/run-mixed-load.js'
import { summarizeScaleRun } from '../../src/scale/summarize-scale-run.js'

const record = (overrides: Partial<ScaleRecord>): ScaleRecord => ({ kind: 'ask', requestId: 'run-0', sentAtMs: 0, status: 200, failure: null, totalMs: 10, eventTimesMs: [], retrieveMs: null, ...overrides })
const line = (requestId: string, upstream: string) => JSON.stringify({ requestId, upstream, status: 200 })
const replicaNumbers = new Map([
  ['127.0.0.1:4001', 1],
  ['127.0.0.1:4002', 2],
])

describe('summarizeScaleRun', () => {
  it('should credit a retried request to the replica that answered it and count the retry', () => {
    const log = [line('run-0', '127.0.0.1:4001'), line('run-1', '127.0.0.1:4002, 127.0.0.1:4001'), line('run-2', '127.0.0.1:4002'), line('other-0', '127.0.0.1:4002'), 'not json'].join('\n')
    const summary = summarizeScaleRun([], log, { requestIdPrefix: 'run', replicaNumbers, durationMs: 1000, minimumSpreadMs: 0 })
    expect(summary.replicaShares).toEqual({ 1: 2 / 3, 2: 1 / 3 })
    expect(summary.retried).toBe(1)
  })

  it('should name the requests no replica answered', () => {
    const summary = summarizeScaleRun([], line('run-0', '127.0.0.1:4001, 127.0.0.1:4002 : '), { requestIdPrefix: 'run', replicaNumbers, durationMs: 1000, minimumSpreadMs: 0 })
    expect(summary.replicaShares).toEqual({ 2: 1 })
    const lost = summarizeScaleRun([], line('run-0', ''), { requestIdPrefix: 'run', replicaNumbers, durationMs: 1000, minimumSpreadMs: 0 })
    expect(lost.replicaShares).toEqual({ none: 1 })
  })

  it('should count failures, time only the answered requests, and rate the run', () => {
    const records = [record({ totalMs: 10, retrieveMs: 2 }), record({ totalMs: 30, retrieveMs: 4 }), record({ totalMs: 5000, failure: 'connection reset', requestId: 'run-9' })]
    const summary = summarizeScaleRun(records, '', { requestIdPrefix: 'run', replicaNumbers, durationMs: 2000, minimumSpreadMs: 0 })
    expect(summary).toMatchObject({ requests: 3, failed: 1, failureSamples: ['ask run-9: connection reset'], requestsPerSecond: 1.5 })
    expect(summary.latency.ask.count).toBe(2)
    expect(summary.latency.ask.p99Ms).toBeLessThanOrEqual(30)
    expect(summary.retrieval.p99Ms).toBeLessThanOrEqual(4)
  })

  it('should tell streams whose events arrived spread out from streams delivered at once', () => {
    const streams = [
      record({ kind: 'chat-stream', eventTimesMs: [5, 5, 120, 240, 241] }),
      record({ kind: 'completion-stream', eventTimesMs: [8, 130, 260] }),
      // What a buffering proxy delivers: every event in one read at the end.
      record({ kind: 'chat-stream', eventTimesMs: [250, 250, 250, 250] }),
    ]
    const summary = summarizeScaleRun(streams, '', { requestIdPrefix: 'run', replicaNumbers, durationMs: 1000, minimumSpreadMs: 160 })
    expect(summary.streams).toMatchObject({ count: 3, spreadOutShare: 2 / 3 })
    expect(summary.streams.arrivalsP50).toBe(3)
  })
})
