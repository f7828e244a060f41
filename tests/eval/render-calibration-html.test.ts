import { describe, expect, it } from 'vitest'
import type { CalibrationPart, ScorerCalibration } from '../../src/eval/eval-report-schemas.js'
import { renderCalibrationPage, renderCalibrationSection } from '../../src/eval/render-calibration-html.js'

function part(accuracy: number): CalibrationPart {
  return {
    count: 300,
    accuracy,
    precision: 0.91,
    recall: 0.88,
    balancedAccuracy: 0.9,
    rocAuc: 0.953,
    buckets: Array.from({ length: 10 }, (_, index) => ({ from: index / 10, to: (index + 1) / 10, count: index === 4 ? 0 : 10, supportedShare: index === 4 ? null : index / 10 })),
  }
}

const scorer: ScorerCalibration = { accuracy: 0.93, precision: 0.91, recall: 0.88, count: 300, dictionary: true, development: part(0.95), heldOut: part(0.93) }

describe('renderCalibrationSection', () => {
  it('should show both parts, held-out first, with balanced accuracy, ROC AUC and the bucket table', () => {
    const html = renderCalibrationSection(scorer)
    expect(html.indexOf('held-out')).toBeLessThan(html.indexOf('development'))
    expect(html).toContain('<td>93.0%</td>')
    expect(html).toContain('<td>90.0%</td>')
    expect(html).toContain('<td>0.953</td>')
    expect(html).toContain('<td>0.4–0.5</td><td>0</td><td>–</td>')
    expect(html).toContain('<td>0.9–1.0</td><td>10</td><td>90%</td>')
    expect((html.match(/<svg class="chart"/g) ?? []).length).toBe(2)
  })

  it('should render nothing for a calibration without parts, and a whole page for --calibrate', () => {
    expect(renderCalibrationSection({ accuracy: 0.9, precision: 0.9, recall: 0.9, count: 10, dictionary: false })).toBe('')
    const page = renderCalibrationPage(scorer, '2024-01-01T00:00:00.000Z')
    expect(page).toMatch(/^<!doctype html>/)
    expect(page).not.toMatch(/<script/i)
    expect(page).toContain('Support scorer calibration (with the English–Arabic dictionary)')
  })
})
