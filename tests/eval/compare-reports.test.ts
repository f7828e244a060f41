import { describe, expect, it } from 'vitest'
import { compareReports, renderComparison } from '../../src/eval/compare-reports.js'
import { summarizeResults } from '../../src/eval/compute-metrics.js'

const empty = summarizeResults([])

describe('compareReports', () => {
  it('should give signed deltas and judge them by each metric’s direction', () => {
    const deltas = compareReports({ ...empty, containsAnswer: 0.8, falseRefusalRate: 0.3 }, { ...empty, containsAnswer: 0.7, falseRefusalRate: 0.1 })
    const accuracy = deltas.find((delta) => delta.metric === 'containsAnswer')!
    expect(accuracy.delta).toBeCloseTo(0.1)
    expect(accuracy.verdict).toBe('better')
    expect(deltas.find((delta) => delta.metric === 'falseRefusalRate')!.verdict).toBe('worse')
    expect(deltas.find((delta) => delta.metric === 'hitAtK')!.verdict).toBeNull()
  })

  it('should print one line per metric', () => {
    const text = renderComparison(compareReports({ ...empty, containsAnswer: 0.8 }, { ...empty, containsAnswer: 0.7 }))
    expect(text).toMatch(/containsAnswer\s+0\.70 →\s+0\.80\s+\+0\.10\s+better/)
  })
})
