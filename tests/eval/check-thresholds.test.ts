import { describe, expect, it } from 'vitest'
import { checkThresholds, parseThresholds } from '../../src/eval/check-thresholds.js'
import { summarizeResults } from '../../src/eval/compute-metrics.js'
import { SanadError } from '../../src/errors/sanad-error.js'

const metrics = { ...summarizeResults([]), containsAnswer: 0.7, falseRefusalRate: 0.2, latencyP95Ms: 120 }

describe('parseThresholds', () => {
  it('should read metric=value pairs', () => {
    expect(parseThresholds(['containsAnswer=0.8'], 'min')).toEqual([{ metric: 'containsAnswer', bound: 0.8, direction: 'min' }])
    expect(parseThresholds(['latencyP95Ms=500'], 'max')).toEqual([{ metric: 'latencyP95Ms', bound: 500, direction: 'max' }])
  })

  it('should refuse an unknown metric or a rate outside [0,1]', () => {
    expect(() => parseThresholds(['accuracy=0.8'], 'min')).toThrow(SanadError)
    expect(() => parseThresholds(['containsAnswer=1.5'], 'min')).toThrow(/\[0,1\]/)
    expect(() => parseThresholds(['latencyP95Ms=500'], 'min')).toThrow(SanadError)
  })
})

describe('checkThresholds', () => {
  it('should list the bounds a run breaks and nothing when all hold', () => {
    expect(checkThresholds(metrics, parseThresholds(['containsAnswer=0.8'], 'min'))).toEqual(['containsAnswer 0.7 is below 0.8'])
    expect(checkThresholds(metrics, parseThresholds(['falseRefusalRate=0.1', 'latencyP95Ms=100'], 'max'))).toHaveLength(2)
    expect(checkThresholds(metrics, parseThresholds(['containsAnswer=0.6'], 'min'))).toEqual([])
  })

  it('should treat a metric with no value as breaking its bound', () => {
    expect(checkThresholds(metrics, parseThresholds(['hitAtK=0.5'], 'min'))).toEqual(['hitAtK n/a is below 0.5'])
  })
})
