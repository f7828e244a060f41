import { describe, expect, it } from 'vitest'
import { evaluateTargets, meetsLimit, SCALE_TARGET_CHUNKS, type TargetFigures } from '../../src/bench/evaluate-targets.js'

const MEBIBYTE = 1024 * 1024
const passing: TargetFigures = {
  askThroughputRatio: 0.5,
  retrievalRatio: 1.5,
  articleBuildMs: 150,
  articleGuideMs: 5,
  coldStartMs: 800,
  largestScale: { targetChunks: SCALE_TARGET_CHUNKS, retrievalP50Ms: 4, serverRssBytes: 1000 * MEBIBYTE },
  articleServerRssBytes: 120 * MEBIBYTE,
}

describe('meetsLimit', () => {
  it('should accept a value equal to its limit in both directions', () => {
    expect(meetsLimit(2, 2, 'at-most')).toBe(true)
    expect(meetsLimit(0.3, 0.3, 'at-least')).toBe(true)
  })

  it('should fail non-finite values and leave missing ones unjudged', () => {
    expect(meetsLimit(Number.NaN, 1, 'at-most')).toBe(false)
    expect(meetsLimit(Number.POSITIVE_INFINITY, 1, 'at-least')).toBe(false)
    expect(meetsLimit(null, 1, 'at-most')).toBeNull()
  })
})

describe('evaluateTargets', () => {
  it('should report every target of issue 7 with its value, limit and a verdict', () => {
    const targets = evaluateTargets(passing)
    expect(targets).toHaveLength(9)
    for (const target of targets) expect(target.pass).toBe(true)
    expect(targets.map((target) => target.name)).toEqual(expect.arrayContaining(['article index build', 'server cold start to ready']))
  })

  it('should fail a throughput ratio below 30% and a retrieval ratio above 2', () => {
    const targets = evaluateTargets({ ...passing, askThroughputRatio: 0.29, retrievalRatio: 2.01 })
    expect(targets.find((target) => target.name.startsWith('/api/ask'))?.pass).toBe(false)
    expect(targets.find((target) => target.name.startsWith('retrieval ÷'))?.pass).toBe(false)
  })

  it('should express memory targets in MiB', () => {
    const rss = evaluateTargets({ ...passing, articleServerRssBytes: 250 * MEBIBYTE }).find((target) => target.name === 'server RSS, article')!
    expect(rss.value).toBe(250)
    expect(rss.pass).toBe(false)
  })

  it('should leave the 100k targets unjudged when the largest scale point is smaller (a --quick run)', () => {
    const targets = evaluateTargets({ ...passing, largestScale: { targetChunks: 10_000, retrievalP50Ms: 1, serverRssBytes: MEBIBYTE } })
    const scaleTargets = targets.filter((target) => target.name.includes('100k'))
    expect(scaleTargets).toHaveLength(2)
    for (const target of scaleTargets) {
      expect(target.value).toBeNull()
      expect(target.pass).toBeNull()
    }
  })

  it('should leave targets of a part that was not measured unjudged', () => {
    const targets = evaluateTargets({ ...passing, askThroughputRatio: null, coldStartMs: null, articleServerRssBytes: null })
    expect(targets.filter((target) => target.pass === null)).toHaveLength(3)
  })

  it("should judge the source guide's build time and its share of the index build", () => {
    const targets = evaluateTargets({ ...passing, articleBuildMs: 40, articleGuideMs: 10 })
    expect(targets.find((target) => target.name === 'source guide build, article')).toMatchObject({ value: 10, pass: true })
    expect(targets.find((target) => target.name === 'source guide ÷ article index build')).toMatchObject({ value: 0.25, pass: false })
  })
})
