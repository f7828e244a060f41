import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { medianOf, percentileOf, summarizeSamples } from '../../src/bench/summarize-samples.js'

describe('percentileOf', () => {
  it('should pick the nearest rank: the smallest value with at least p% of the values at or below it', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1)
    expect(percentileOf(hundred, 50)).toBe(50)
    expect(percentileOf(hundred, 99)).toBe(99)
    expect(percentileOf(hundred, 100)).toBe(100)
    expect(percentileOf(hundred, 0)).toBe(1)
  })

  it('should be NaN for no values', () => {
    expect(percentileOf([], 50)).toBeNaN()
  })

  it('should always return one of the values, with at least p% of them at or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 0, max: 100 }), (values, percent) => {
        const ascending = [...values].sort((left, right) => left - right)
        const result = percentileOf(ascending, percent)
        expect(ascending).toContain(result)
        expect(ascending.filter((value) => value <= result).length / ascending.length).toBeGreaterThanOrEqual(percent / 100)
      }),
    )
  })
})

describe('summarizeSamples', () => {
  it('should order min ≤ p50 ≤ p90 ≤ p99 ≤ max with the mean between min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (samples) => {
        const summary = summarizeSamples(samples)
        expect(summary.count).toBe(samples.length)
        expect(summary.min).toBeLessThanOrEqual(summary.p50)
        expect(summary.p50).toBeLessThanOrEqual(summary.p90)
        expect(summary.p90).toBeLessThanOrEqual(summary.p99)
        expect(summary.p99).toBeLessThanOrEqual(summary.max)
        expect(summary.mean).toBeGreaterThanOrEqual(summary.min - 1e-6)
        expect(summary.mean).toBeLessThanOrEqual(summary.max + 1e-6)
      }),
    )
  })

  it('should not reorder the caller’s samples', () => {
    const samples = [3, 1, 2]
    summarizeSamples(samples)
    expect(samples).toEqual([3, 1, 2])
  })

  it('should report an empty run as zero samples with NaN statistics', () => {
    const summary = summarizeSamples([])
    expect(summary.count).toBe(0)
    expect(summary.p50).toBeNaN()
  })
})

describe('medianOf', () => {
  it('should take the middle value whatever the order', () => {
    expect(medianOf([9, 1, 5])).toBe(5)
    expect(medianOf([5, 9, 1])).toBe(medianOf([1, 5, 9]))
  })
})
