import { describe, expect, it } from 'vitest'
import { measureGroundingCost, type GroundingSample } from '../../src/bench/measure-grounding-cost.js'

const SAMPLE: GroundingSample = { answer: 'a [1]', citations: [{ n: 1, docId: 'd', start: 0, end: 1, quote: 'a' }], language: 'ar', question: 'q', kind: 'thing' }

describe('measureGroundingCost', () => {
  it('should warm up once, then score every answer once per round and summarize per answer', () => {
    const seen: GroundingSample[] = []
    const cost = measureGroundingCost([SAMPLE, { ...SAMPLE, answer: 'b [1]' }], (sample) => seen.push(sample), { rounds: 3 })
    expect(seen).toHaveLength(2 + 2 * 3)
    expect(cost).toMatchObject({ answers: 2, rounds: 3, perAnswer: { count: 6 } })
    expect(cost.perAnswer.min).toBeGreaterThanOrEqual(0)
  })

  it('should stop at the time budget', () => {
    const cost = measureGroundingCost([SAMPLE], () => undefined, { rounds: 1_000_000, budgetMs: 5 })
    expect(cost.rounds).toBeLessThan(1_000_000)
    expect(cost.perAnswer.count).toBe(cost.rounds)
  })
})
