import { describe, expect, it } from 'vitest'
import { evaluateTargets, meetsLimit, MILLION_CHUNKS, SCALE_TARGET_CHUNKS, type TargetFigures } from '../../src/bench/evaluate-targets.js'

const MEBIBYTE = 1024 * 1024
const passing: TargetFigures = {
  coldStartMs: 250,
  idleRssBytes: 90 * MEBIBYTE,
  loadedRss: { bytes: 140 * MEBIBYTE, requests: 20_000 },
  distinctAskRatio: 0.12,
  repeatedAskRatio: 0.6,
  answererMs: 0.2,
  retrievalRatio: 1.5,
  articleBuildMs: 150,
  scale: [
    { targetChunks: 10_000, retrievalP50Ms: 1, serverRssBytes: 200 * MEBIBYTE },
    { targetChunks: SCALE_TARGET_CHUNKS, retrievalP50Ms: 2.5, serverRssBytes: 900 * MEBIBYTE },
    { targetChunks: MILLION_CHUNKS, retrievalP50Ms: 9, serverRssBytes: null },
  ],
  articleGuideMs: 5,
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
  it('should report every target of issue 16 with its value, limit and a verdict', () => {
    const targets = evaluateTargets(passing)
    expect(targets).toHaveLength(13)
    for (const target of targets) expect(target.pass, target.name).toBe(true)
  })

  it('should fail ratios below their limits and an answerer slower than 250 µs', () => {
    const targets = evaluateTargets({ ...passing, distinctAskRatio: 0.09, repeatedAskRatio: 0.49, answererMs: 1 })
    expect(targets.find((target) => target.name.startsWith('/api/ask distinct'))?.pass).toBe(false)
    expect(targets.find((target) => target.name.startsWith('/api/ask repeated'))?.pass).toBe(false)
    const answerer = targets.find((target) => target.name.startsWith('answerer'))!
    expect(answerer).toMatchObject({ value: 1000, unit: 'µs', pass: false })
  })

  it('should express memory targets in MiB', () => {
    const idle = evaluateTargets({ ...passing, idleRssBytes: 150 * MEBIBYTE }).find((target) => target.name.startsWith('server RSS idle'))!
    expect(idle).toMatchObject({ value: 150, pass: false })
  })

  it('should leave the loaded-RSS target unjudged when fewer than 20k requests were sent', () => {
    const loaded = evaluateTargets({ ...passing, loadedRss: { bytes: 500 * MEBIBYTE, requests: 4_000 } }).find((target) => target.name.includes('after'))!
    expect(loaded).toMatchObject({ value: 500, pass: null })
  })

  it('should leave the scale targets unjudged when the run stopped below them (a --quick run)', () => {
    const targets = evaluateTargets({ ...passing, scale: [{ targetChunks: 10_000, retrievalP50Ms: 1, serverRssBytes: MEBIBYTE }] })
    const scaleTargets = targets.filter((target) => / at 1(00k|M) chunks/.test(target.name))
    expect(scaleTargets).toHaveLength(3)
    for (const target of scaleTargets) expect(target.pass).toBeNull()
  })

  it('should judge the 1M target at 10 ms', () => {
    const million = evaluateTargets({ ...passing, scale: [{ targetChunks: MILLION_CHUNKS, retrievalP50Ms: 11, serverRssBytes: null }] }).find((target) => target.name.includes('1M'))!
    expect(million.pass).toBe(false)
  })

  it("should judge the source guide's build time and its share of the index build", () => {
    const targets = evaluateTargets({ ...passing, articleBuildMs: 40, articleGuideMs: 10 })
    expect(targets.find((target) => target.name === 'source guide build, article')).toMatchObject({ value: 10, pass: true })
    expect(targets.find((target) => target.name === 'source guide ÷ article index build')).toMatchObject({ value: 0.25, pass: false })
  })
})
