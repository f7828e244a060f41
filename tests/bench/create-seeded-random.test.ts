import { describe, expect, it } from 'vitest'
import { createSeededRandom, deriveSeed } from '../../src/bench/create-seeded-random.js'

describe('createSeededRandom', () => {
  it('should repeat its sequence for a seed and differ for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, createSeededRandom(seed))
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
  })

  it('should stay in [0, 1) and spread over the interval', () => {
    const random = createSeededRandom(1)
    const values = Array.from({ length: 10_000 }, random)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length
    expect(mean).toBeGreaterThan(0.45)
    expect(mean).toBeLessThan(0.55)
  })
})

describe('deriveSeed', () => {
  it('should give each index its own unsigned 32-bit seed', () => {
    const seeds = Array.from({ length: 1000 }, (_, index) => deriveSeed(7, index))
    expect(new Set(seeds).size).toBe(1000)
    for (const seed of seeds) expect(seed).toBe(seed >>> 0)
    expect(deriveSeed(7, 3)).toBe(deriveSeed(7, 3))
    expect(deriveSeed(8, 3)).not.toBe(deriveSeed(7, 3))
  })
})
