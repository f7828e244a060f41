import { describe, expect, it } from 'vitest'
import { fuseRankings } from '../../src/retrieve/fuse-rankings.js'

describe('fuseRankings', () => {
  it('should add 1 / (k + rank) over the rankings a label appears in, ranks counted from one', () => {
    const fused = fuseRankings([[7, 3, 5], [5, 7]])
    expect(fused.get(7)).toBeCloseTo(1 / 61 + 1 / 62, 12)
    expect(fused.get(3)).toBeCloseTo(1 / 62, 12)
    expect(fused.get(5)).toBeCloseTo(1 / 63 + 1 / 61, 12)
    expect([...fused.keys()].sort()).toEqual([3, 5, 7])
  })

  it('should use the given k', () => {
    const fused = fuseRankings([[1, 2]], 0)
    expect(fused.get(1)).toBe(1)
    expect(fused.get(2)).toBe(1 / 2)
  })

  it('should rank a label found by both methods above one found first by a single method', () => {
    const fused = fuseRankings([[1, 2], [2, 3]])
    expect(fused.get(2)!).toBeGreaterThan(fused.get(1)!)
    expect(fused.get(1)!).toBeGreaterThan(fused.get(3)!)
  })

  it('should give nothing for no rankings', () => {
    expect(fuseRankings([]).size).toBe(0)
    expect(fuseRankings([[], []]).size).toBe(0)
  })
})
