import type { CalibrationPart, ScorerCalibration } from './eval-report-schemas.js'

const PARTS: readonly ['development' | 'heldOut', string][] = [
  ['heldOut', 'held-out (frozen, never tuned on)'],
  ['development', 'development'],
]

/**
 * The support scorer's calibration as an HTML fragment: accuracy, precision, recall, balanced
 * accuracy and ROC AUC of each part of the labelled pairs, and a reliability table and chart
 * (score bucket → share of its pairs labelled supported).
 */
export function renderCalibrationSection(scorer: ScorerCalibration): string {
  const parts = PARTS.filter(([key]) => scorer[key] !== undefined).map(([key, label]) => [label, scorer[key]!] as const)
  if (parts.length === 0) return ''
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`
  const summary = parts
    .map(([label, part]) => `<tr><td>${label}</td><td>${part.count}</td><td>${percent(part.accuracy)}</td><td>${percent(part.precision)}</td><td>${percent(part.recall)}</td><td>${percent(part.balancedAccuracy)}</td><td>${part.rocAuc.toFixed(3)}</td></tr>`)
    .join('')
  const bucketRows = parts[0]![1].buckets
    .map((bucket, index) => `<tr><td>${bucket.from.toFixed(1)}–${bucket.to.toFixed(1)}</td>${parts.map(([, part]) => describeBucket(part.buckets[index]!)).join('')}</tr>`)
    .join('')
  return `<section class="calibration">
<h2>Support scorer calibration${scorer.dictionary ? ' (with the English–Arabic dictionary)' : ''}</h2>
<table data-testid="calibration-summary"><tr><th>labelled pairs</th><th>n</th><th>accuracy</th><th>precision</th><th>recall</th><th>balanced accuracy</th><th>ROC AUC</th></tr>${summary}</table>
<h3>Score bucket → share supported</h3>
<div class="charts">${parts.map(([label, part]) => renderReliabilityChart(label, part)).join('')}</div>
<table data-testid="calibration-buckets"><tr><th>score</th>${parts.map(([label]) => `<th>${label}: n</th><th>${label}: supported</th>`).join('')}</tr>${bucketRows}</table>
</section>`
}

/** A whole page with only the calibration, for `npm run eval -- --calibrate`. */
export function renderCalibrationPage(scorer: ScorerCalibration, createdAt: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sanad support scorer calibration</title>
<style>
body { font: 15px/1.55 system-ui, sans-serif; color: #1d2330; margin: 0; background: #f6f7f9; } main { max-width: 1000px; margin: 0 auto; padding: 24px; }
table { border-collapse: collapse; background: #fff; font-size: 13px; margin: 8px 0 16px; } th, td { border: 1px solid #d9dee7; padding: 4px 8px; text-align: right; } th:first-child, td:first-child { text-align: left; }
.charts { display: flex; flex-wrap: wrap; gap: 14px; } figure { margin: 0; background: #fff; border: 1px solid #d9dee7; border-radius: 8px; padding: 10px; }
svg.chart text { font-size: 11px; fill: #1d2330; } svg.chart .bar { fill: #2f6fdf; } svg.chart .ideal { stroke: #c2382f; stroke-dasharray: 4 3; fill: none; }
</style>
</head>
<body>
<main>
<h1>sanad support scorer calibration</h1>
<p>${createdAt}</p>
${renderCalibrationSection(scorer)}
</main>
</body>
</html>
`
}

function describeBucket(bucket: CalibrationPart['buckets'][number]): string {
  return `<td>${bucket.count}</td><td>${bucket.supportedShare === null ? '–' : `${(bucket.supportedShare * 100).toFixed(0)}%`}</td>`
}

const WIDTH = 320
const HEIGHT = 160

// Bars: the share supported in each bucket; the dashed diagonal is perfect calibration.
function renderReliabilityChart(label: string, part: CalibrationPart): string {
  const barWidth = WIDTH / part.buckets.length
  const bars = part.buckets
    .map((bucket, index) => {
      if (bucket.supportedShare === null) return ''
      const height = bucket.supportedShare * HEIGHT
      return `<rect class="bar" x="${(index * barWidth + 2).toFixed(1)}" y="${(HEIGHT - height).toFixed(1)}" width="${(barWidth - 4).toFixed(1)}" height="${height.toFixed(1)}"><title>${bucket.from.toFixed(1)}–${bucket.to.toFixed(1)}: ${bucket.count} pairs, ${(bucket.supportedShare * 100).toFixed(0)}% supported</title></rect>`
    })
    .join('')
  return `<figure><figcaption>${label}</figcaption><svg class="chart" role="img" aria-label="Share supported by score bucket, ${label}" width="${WIDTH}" height="${HEIGHT + 16}" viewBox="0 0 ${WIDTH} ${HEIGHT + 16}" xmlns="http://www.w3.org/2000/svg">${bars}<path class="ideal" d="M0 ${HEIGHT} L${WIDTH} 0"/><text x="0" y="${HEIGHT + 13}">0</text><text x="${WIDTH - 8}" y="${HEIGHT + 13}">1</text></svg></figure>`
}
