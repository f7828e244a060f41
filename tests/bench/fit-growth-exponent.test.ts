import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fitGrowthExponent } from '../../src/bench/fit-growth-exponent.js'

describe('fitGrowthExponent', () => {
  it('should recover the exponent of a power law', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (exponent, scale) => {
        const points = [1_000, 10_000, 100_000].map((x) => ({ x, y: scale * x ** exponent }))
        expect(fitGrowthExponent(points)).toBeCloseTo(exponent, 6)
      }),
    )
  })

  it('should say nothing from fewer than two usable points', () => {
    expect(fitGrowthExponent([{ x: 10, y: 1 }])).toBeNull()
    expect(fitGrowthExponent([{ x: 10, y: 1 }, { x: 100, y: 0 }])).toBeNull()
    expect(fitGrowthExponent([{ x: 10, y: 1 }, { x: 10, y: 2 }])).toBeNull()
  })
})
