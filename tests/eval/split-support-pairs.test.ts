import { describe, expect, it } from 'vitest'
import type { SupportPair } from '../../src/eval/question-set.js'
import { isHeldOutSource, splitSupportPairs } from '../../src/eval/split-support-pairs.js'

function pair(id: string, source: string): SupportPair {
  return { id, claim: 'c', passage: 'p', supported: true, perturbation: 'none', source }
}

describe('splitSupportPairs', () => {
  it('should never hold out the seed article and hold out about a third of other documents', () => {
    expect(isHeldOutSource('article')).toBe(false)
    const held = Array.from({ length: 300 }, (_, index) => `document-${index}`).filter(isHeldOutSource).length
    expect(held).toBeGreaterThan(70)
    expect(held).toBeLessThan(130)
  })

  it('should keep all pairs of a document on one side', () => {
    const pairs = Array.from({ length: 40 }, (_, index) => pair(`p${index}`, `document-${index % 8}`))
    const { development, heldOut } = splitSupportPairs(pairs)
    expect(development.length + heldOut.length).toBe(40)
    const heldSources = new Set(heldOut.map((item) => item.source))
    expect(development.some((item) => heldSources.has(item.source))).toBe(false)
  })
})
