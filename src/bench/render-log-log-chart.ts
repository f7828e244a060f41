/** A named line of a chart; points with a non-positive coordinate cannot sit on a log scale and are dropped. */
export interface ChartSeries {
  name: string
  points: readonly { x: number; y: number }[]
  dashed?: boolean
}

/** What a log-log chart shows. */
export interface LogLogChart {
  title: string
  xLabel: string
  yLabel: string
  series: readonly ChartSeries[]
  width?: number
  height?: number
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f']
const MARGIN = { top: 40, right: 230, bottom: 50, left: 70 }

/** Renders line series on logarithmic x and y axes as a standalone SVG document, with a gridline per decade. */
export function renderLogLogChart(chart: LogLogChart): string {
  const width = chart.width ?? 820
  const height = chart.height ?? 460
  const series = chart.series.map((line) => ({ ...line, points: line.points.filter((point) => point.x > 0 && point.y > 0 && Number.isFinite(point.x) && Number.isFinite(point.y)) }))
  const points = series.flatMap((line) => line.points)
  const [xLow, xHigh] = decadeRange(points.map((point) => point.x))
  const [yLow, yHigh] = decadeRange(points.map((point) => point.y))
  const plotWidth = width - MARGIN.left - MARGIN.right
  const plotHeight = height - MARGIN.top - MARGIN.bottom
  const toX = (x: number) => MARGIN.left + ((Math.log10(x) - xLow) / (xHigh - xLow)) * plotWidth
  const toY = (y: number) => MARGIN.top + plotHeight - ((Math.log10(y) - yLow) / (yHigh - yLow)) * plotHeight
  const round = (value: number) => Math.round(value * 10) / 10

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ]
  for (let decade = xLow; decade <= xHigh; decade++) {
    const x = round(toX(10 ** decade))
    parts.push(`<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${MARGIN.top + plotHeight}" stroke="#e0e0e0"/>`)
    parts.push(`<text x="${x}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${formatPowerOfTen(decade)}</text>`)
  }
  for (let decade = yLow; decade <= yHigh; decade++) {
    const y = round(toY(10 ** decade))
    parts.push(`<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + plotWidth}" y2="${y}" stroke="#e0e0e0"/>`)
    parts.push(`<text x="${MARGIN.left - 8}" y="${y + 4}" text-anchor="end">${formatPowerOfTen(decade)}</text>`)
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333333"/>`)
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`)
  parts.push(
    `<text x="18" y="${MARGIN.top + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 18 ${MARGIN.top + plotHeight / 2})">${escapeXml(chart.yLabel)}</text>`,
  )

  series.forEach((line, position) => {
    const color = COLORS[position % COLORS.length]!
    const dash = line.dashed ? ' stroke-dasharray="6 4"' : ''
    if (line.points.length > 0) {
      const path = line.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(toX(point.x))},${round(toY(point.y))}`).join(' ')
      parts.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`)
      if (!line.dashed) {
        for (const point of line.points) parts.push(`<circle cx="${round(toX(point.x))}" cy="${round(toY(point.y))}" r="3.5" fill="${color}"/>`)
      }
    }
    const legendY = MARGIN.top + 10 + position * 20
    const legendX = MARGIN.left + plotWidth + 16
    parts.push(`<line x1="${legendX}" y1="${legendY}" x2="${legendX + 24}" y2="${legendY}" stroke="${color}" stroke-width="2"${dash}/>`)
    parts.push(`<text x="${legendX + 30}" y="${legendY + 4}">${escapeXml(line.name)}</text>`)
  })
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}

// Within this share of a decade a value counts as on the gridline: 100,001 chunks does not open the 1M decade.
const DECADE_SLACK = 0.02

// The whole decades that cover the values, at least one decade wide.
function decadeRange(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1]
  const low = Math.floor(Math.log10(Math.min(...values)) + DECADE_SLACK)
  const high = Math.ceil(Math.log10(Math.max(...values)) - DECADE_SLACK)
  return [low, Math.max(high, low + 1)]
}

const DECADE_NAMES: Record<number, string> = { 3: '1k', 4: '10k', 5: '100k', 6: '1M', 9: '1G' }

function formatPowerOfTen(exponent: number): string {
  if (DECADE_NAMES[exponent]) return DECADE_NAMES[exponent]
  if (exponent >= 0 && exponent <= 2) return String(10 ** exponent)
  if (exponent < 0 && exponent >= -3) return (10 ** exponent).toFixed(-exponent)
  return `1e${exponent}`
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
