import { describe, expect, it } from 'vitest'
import { computeMetrics, evaluateQuestion, measureContextPrecision, percentile } from '../../src/eval/compute-metrics.js'
import { EVAL_DOCUMENTS, EVAL_RECORDS } from '../fixtures/eval-records.js'

describe('computeMetrics', () => {
  const { metrics, byKind, results } = computeMetrics(EVAL_RECORDS, EVAL_DOCUMENTS)
  const result = (id: string) => results.find((item) => item.id === id)!

  it('should rank retrieval by the first passage that overlaps the gold span', () => {
    expect(result('q1').retrievalRank).toBe(2)
    expect(result('q2').retrievalRank).toBe(1)
    expect(result('q3').retrievalRank).toBeNull()
    expect(metrics.hitAtK).toBeCloseTo(2 / 3)
    expect(metrics.mrr).toBeCloseTo((1 / 2 + 1) / 3)
    expect(metrics.contextPrecision).toBeCloseTo((1 / 2 + 1 + 0) / 3)
  })

  it('should count an answer right when it contains an acceptable answer after normalization', () => {
    expect(result('q1').correct).toBe(true)
    expect(result('q1').exactMatch).toBe(true)
    expect(result('q2').correct).toBe(true)
    expect(result('q3').correct).toBe(false)
    expect(metrics.containsAnswer).toBeCloseTo(2 / 3)
  })

  it('should measure refusals on unanswerable questions and false refusals on answerable ones', () => {
    expect(metrics.refusalRecall).toBe(0.5)
    expect(metrics.falseRefusalRate).toBeCloseTo(1 / 3)
    expect(byKind['out-of-domain']!.refusalRecall).toBe(0.5)
    expect(byKind['out-of-domain']!.containsAnswer).toBeNull()
    expect(byKind.list!.falseRefusalRate).toBe(1)
  })

  it('should check that each quote equals its slice of the document', () => {
    expect(result('q1').citations[0]!.valid).toBe(true)
    expect(result('q2').citations[0]!.valid).toBe(false)
    expect(metrics.citationValidity).toBeCloseTo(2 / 3)
  })

  it('should score citations with the support scorer as the ALCE judge', () => {
    expect(result('q1').citationRecall).toBe(1)
    expect(result('q1').citationPrecision).toBe(1)
    expect(result('q2').citationRecall).toBe(0)
    expect(result('q5').citationRecall).toBe(0)
    expect(metrics.citationRecall).toBeCloseTo(1 / 3)
  })

  it('should report latency percentiles and list each failure', () => {
    expect(metrics.latencyP50Ms).toBe(30)
    expect(metrics.latencyP95Ms).toBe(50)
    expect(result('q1').failures).toEqual([])
    expect(result('q2').failures).toEqual(expect.arrayContaining(['invalid-citation', 'citation-misses-gold']))
    expect(result('q3').failures).toEqual(expect.arrayContaining(['false-refusal', 'retrieval-miss']))
    expect(result('q4').failures).toEqual([])
    expect(result('q5').failures).toEqual(['missed-refusal'])
  })

  it('should keep every rate in [0,1] overall and by kind', () => {
    for (const set of [metrics, ...Object.values(byKind)]) {
      for (const [key, value] of Object.entries(set)) {
        if (key === 'count' || key === 'errors' || key.startsWith('latency') || value === null) continue
        expect(value).toBeGreaterThanOrEqual(0)
        expect(value).toBeLessThanOrEqual(1)
      }
    }
  })

  it('should count a failed call as a wrong answer and as an error', () => {
    const failed = evaluateQuestion({ ...EVAL_RECORDS[0]!, response: null, error: 'boom' }, EVAL_DOCUMENTS)
    expect(failed.failures).toEqual(['error'])
    expect(computeMetrics([{ ...EVAL_RECORDS[0]!, response: null, error: 'boom' }], EVAL_DOCUMENTS).metrics).toMatchObject({ errors: 1, containsAnswer: 0, hitAtK: null })
  })
})

describe('measureContextPrecision', () => {
  it('should follow the RAGAS formula', () => {
    expect(measureContextPrecision([true, false, true])).toBeCloseTo((1 / 1 + 2 / 3) / 2)
    expect(measureContextPrecision([false, false])).toBe(0)
  })
})

describe('percentile', () => {
  it('should use the nearest rank', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2)
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4)
    expect(percentile([], 0.5)).toBeNull()
  })
})
