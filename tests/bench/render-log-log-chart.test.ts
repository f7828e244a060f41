import { describe, expect, it } from 'vitest'
import { renderLogLogChart } from '../../src/bench/render-log-log-chart.js'

const pathPoints = (svg: string) =>
  [...svg.matchAll(/<path d="([^"]+)"/g)].map((match) => match[1]!.split(' ').map((step) => step.slice(1).split(',').map(Number) as [number, number]))

describe('renderLogLogChart', () => {
  const chart = {
    title: 'cost & size',
    xLabel: 'chunks',
    yLabel: 'ms',
    series: [
      { name: 'p50 <ms>', points: [{ x: 1_000, y: 0.5 }, { x: 10_000, y: 1 }, { x: 100_000, y: 2 }] },
      { name: 'linear', dashed: true, points: [{ x: 1_000, y: 0.5 }, { x: 100_000, y: 50 }] },
    ],
  }

  it('should produce one standalone SVG document with a path and a legend entry per series', () => {
    const svg = renderLogLogChart(chart)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
    expect(pathPoints(svg)).toHaveLength(2)
    expect(svg).toContain('stroke-dasharray')
  })

  it('should escape text so labels cannot break the markup', () => {
    const svg = renderLogLogChart(chart)
    expect(svg).toContain('cost &amp; size')
    expect(svg).toContain('p50 &lt;ms&gt;')
    expect(svg).not.toContain('<ms>')
  })

  it('should place points left to right and bottom to top as x and y grow', () => {
    const [solid] = pathPoints(renderLogLogChart(chart))
    for (let index = 1; index < solid!.length; index++) {
      expect(solid![index]![0]).toBeGreaterThan(solid![index - 1]![0])
      expect(solid![index]![1]).toBeLessThan(solid![index - 1]![1])
    }
  })

  it('should space equal ratios equally, as a log scale does', () => {
    const [solid] = pathPoints(renderLogLogChart(chart))
    const [first, second, third] = solid!
    expect(second![0] - first![0]).toBeCloseTo(third![0] - second![0], 0)
    expect(first![1] - second![1]).toBeCloseTo(second![1] - third![1], 0)
  })

  it('should drop points that a log scale cannot show', () => {
    const svg = renderLogLogChart({ ...chart, series: [{ name: 'with zero', points: [{ x: 0, y: 1 }, { x: 10, y: 0 }, { x: 100, y: 3 }, { x: 1000, y: 4 }] }] })
    expect(pathPoints(svg)[0]).toHaveLength(2)
    expect(svg).not.toContain('NaN')
  })

  it('should not open a new decade for a value just past a power of ten', () => {
    const decades = (svg: string) => [...svg.matchAll(/text-anchor="middle">([^<]+)</g)].map((match) => match[1])
    const svg = renderLogLogChart({ ...chart, series: [{ name: 'scale', points: [{ x: 998, y: 1 }, { x: 100_001, y: 10 }] }] })
    expect(decades(svg)).toContain('100k')
    expect(decades(svg)).not.toContain('1M')
    expect(decades(svg)).not.toContain('100')
  })

  it('should still draw axes for an empty chart', () => {
    const svg = renderLogLogChart({ ...chart, series: [] })
    expect(svg).toContain('<rect')
    expect(svg).not.toContain('NaN')
  })
})
