import { formatSupportIssue } from '../grounding/format-support-issue.js'
import type { EvalReport, MetricSet, QuestionResult } from './eval-report-schemas.js'
import { renderCalibrationSection } from './render-calibration-html.js'
import { formatMetric } from './render-metrics-table.js'

const CHARTED: readonly [keyof MetricSet, string][] = [
  ['containsAnswer', 'Answer contains an acceptable answer'],
  ['hitAtK', 'Retrieval hit@k'],
  ['citationRecall', 'Citation recall (ALCE)'],
  ['citationPrecision', 'Citation precision (ALCE)'],
  ['faithfulness', 'Faithfulness'],
  ['groundingScore', 'Grounding score'],
  ['refusalRecall', 'Refusal recall'],
  ['falseRefusalRate', 'False-refusal rate'],
]
const TABLE_COLUMNS: readonly [keyof MetricSet, string][] = [
  ['count', 'n'], ['errors', 'errors'], ['hitAtK', 'hit@k'], ['mrr', 'MRR'], ['contextPrecision', 'context precision'],
  ['containsAnswer', 'contains answer'], ['exactMatch', 'exact'], ['tokenF1', 'token F1'], ['citationRecall', 'citation recall'],
  ['citationPrecision', 'citation precision'], ['faithfulness', 'faithfulness'], ['refusalRecall', 'refusal recall'],
  ['falseRefusalRate', 'false refusals'], ['citationValidity', 'citation validity'], ['groundingScore', 'grounding'],
  ['latencyP50Ms', 'p50 ms'], ['latencyP95Ms', 'p95 ms'],
]

const STYLE = `
:root { --ink: #1d2330; --muted: #5d6675; --line: #d9dee7; --bar: #2f6fdf; --bad: #c2382f; --gold: #ffe08a; --good: #1f8a4c; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, "Noto Sans Arabic", "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #f6f7f9; }
main { max-width: 1320px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 12px; }
.meta { color: var(--muted); margin: 0 0 20px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card b { display: block; font-size: 22px; } .card span { color: var(--muted); font-size: 13px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(380px, 100%), 1fr)); gap: 14px; }
.scroll { overflow-x: auto; }
figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { max-width: 100%; height: auto; }
svg.chart text { font-size: 12px; fill: var(--ink); } svg.chart .track { fill: #eef1f6; } svg.chart .bar { fill: var(--bar); }
svg.chart .bar.p95 { fill: #9bb9f0; } svg.chart .ideal { stroke: var(--bad); stroke-dasharray: 4 3; fill: none; }
.calibration table { width: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: right; } th:first-child, td:first-child { text-align: left; }
/* 18 columns: headings wrap at their spaces, numbers keep one width, and the kind stays in view when a narrow screen scrolls. */
table[data-table="metrics"] { font-variant-numeric: tabular-nums; }
table[data-table="metrics"] th { vertical-align: bottom; padding: 4px 5px; }
table[data-table="metrics"] td { padding: 4px 5px; white-space: nowrap; }
table[data-table="metrics"] tr > :first-child { position: sticky; left: 0; background: #fff; box-shadow: inset -1px 0 0 var(--line); white-space: normal; }
.failure { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--bad); border-radius: 8px; padding: 12px 14px; margin: 0 0 12px; }
.failure h3 { font-size: 15px; margin: 0 0 6px; } .codes span { display: inline-block; background: #fbe4e2; color: var(--bad); border-radius: 4px; padding: 0 6px; margin: 0 4px 4px 0; font-size: 12px; }
.label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; margin-top: 8px; }
.text { white-space: pre-wrap; unicode-bidi: plaintext; }
mark.gold { background: var(--gold); padding: 0 1px; }
ul.citations { margin: 4px 0; padding-left: 18px; } .badge { font-size: 11px; border-radius: 4px; padding: 0 5px; margin-left: 4px; }
.badge.ok { background: #dff3e7; color: var(--good); } .badge.bad { background: #fbe4e2; color: var(--bad); }
.passed { color: var(--good); } .failed { color: var(--bad); }
`

/** report.html: a self-contained page (inline CSS and SVG, no script) with charts by kind and every failure explained. */
export function renderReportHtml(report: EvalReport): string {
  const title = report.tool === 'sanad-eval' ? 'sanad evaluation report' : 'sanad grounding report'
  const failures = report.results.filter((result) => result.failures.length > 0)
  const kinds = Object.keys(report.byKind).sort()
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(report.createdAt)} · target ${escapeHtml(report.target)} · ${report.results.length} items${report.topK === null ? '' : ` · k = ${report.topK}`}${
    report.scorer ? ` · support scorer accuracy ${report.scorer.accuracy.toFixed(3)} on ${report.scorer.count} held-out labelled pairs${report.scorer.dictionary ? ' (with the English–Arabic dictionary)' : ''}` : ''
  }</p>
<section class="cards">${CHARTED.concat([['citationValidity', 'Citation validity'], ['latencyP50Ms', 'Latency p50 (ms)'], ['latencyP95Ms', 'Latency p95 (ms)']])
    .map(([key, label]) => `<div class="card"><b>${formatMetric(key, report.metrics[key])}</b><span>${escapeHtml(label)}</span></div>`)
    .join('')}</section>
<h2>By question kind</h2>
<section class="charts">
${CHARTED.map(([key, label]) => renderRateChart(key, label, kinds, report.byKind)).join('\n')}
${renderLatencyChart(kinds, report.byKind)}
</section>
<h2>Metrics table</h2>
${renderMetricsTable(report)}
${report.scorer ? renderCalibrationSection(report.scorer) : ''}
<h2>Failures (${failures.length})</h2>
${failures.length === 0 ? '<p>No failure.</p>' : failures.map(renderFailure).join('\n')}
<h2>All items</h2>
${renderResultsTable(report.results)}
</main>
</body>
</html>
`
}

const CHART_WIDTH = 380
const LABEL_WIDTH = 160
const ROW_HEIGHT = 22

function renderRateChart(key: keyof MetricSet, label: string, kinds: readonly string[], byKind: Record<string, MetricSet>): string {
  const barWidth = CHART_WIDTH - LABEL_WIDTH - 50
  const rows = kinds.map((kind, index) => {
    const value = byKind[kind]![key]
    const y = index * ROW_HEIGHT
    const bar = value === null ? '' : `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 4}" width="${Math.max(1, value * barWidth).toFixed(1)}" height="${ROW_HEIGHT - 8}"><title>${escapeHtml(kind)}: ${formatMetric(key, value)}</title></rect>`
    return `<text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(kind)}</text><rect class="track" x="${LABEL_WIDTH}" y="${y + 4}" width="${barWidth}" height="${ROW_HEIGHT - 8}"/>${bar}<text x="${LABEL_WIDTH + barWidth + 6}" y="${y + 15}">${formatMetric(key, value)}</text>`
  })
  return figure(key, label, kinds.length, rows)
}

function renderLatencyChart(kinds: readonly string[], byKind: Record<string, MetricSet>): string {
  const barWidth = CHART_WIDTH - LABEL_WIDTH - 60
  const maximum = Math.max(1, ...kinds.map((kind) => byKind[kind]!.latencyP95Ms ?? 0))
  const rows = kinds.map((kind, index) => {
    const { latencyP50Ms: p50, latencyP95Ms: p95 } = byKind[kind]!
    const y = index * ROW_HEIGHT
    const width = (value: number | null) => (Math.max(1, ((value ?? 0) / maximum) * barWidth)).toFixed(1)
    return `<text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(kind)}</text><rect class="bar p95" x="${LABEL_WIDTH}" y="${y + 4}" width="${width(p95)}" height="${ROW_HEIGHT - 8}"><title>p95 ${formatMetric('latencyP95Ms', p95)} ms</title></rect><rect class="bar" x="${LABEL_WIDTH}" y="${y + 8}" width="${width(p50)}" height="${ROW_HEIGHT - 16}"><title>p50 ${formatMetric('latencyP50Ms', p50)} ms</title></rect><text x="${LABEL_WIDTH + barWidth + 6}" y="${y + 15}">${formatMetric('latencyP95Ms', p95)}</text>`
  })
  return figure('latency', 'Latency p50 / p95 (ms)', kinds.length, rows)
}

function figure(key: string, label: string, rowCount: number, rows: readonly string[]): string {
  const height = Math.max(1, rowCount) * ROW_HEIGHT + 4
  return `<figure><figcaption>${escapeHtml(label)}</figcaption><svg class="chart" data-metric="${escapeHtml(key)}" role="img" aria-label="${escapeHtml(label)} by kind" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg></figure>`
}

function renderMetricsTable(report: EvalReport): string {
  const header = `<tr><th>kind</th>${TABLE_COLUMNS.map(([, label]) => `<th>${escapeHtml(label)}</th>`).join('')}</tr>`
  const row = (name: string, metrics: MetricSet) => `<tr><td>${escapeHtml(name)}</td>${TABLE_COLUMNS.map(([key]) => `<td>${formatMetric(key, metrics[key])}</td>`).join('')}</tr>`
  const kinds = Object.entries(report.byKind).sort(([first], [second]) => first.localeCompare(second))
  return `<div class="scroll"><table data-table="metrics">${header}${row('all', report.metrics)}${kinds.map(([kind, metrics]) => row(kind, metrics)).join('')}</table></div>`
}

function renderFailure(result: QuestionResult): string {
  const citations = result.citations.length === 0
    ? '<p>None.</p>'
    : `<ul class="citations">${result.citations
        .map((citation) => `<li><span class="text" dir="auto">[${citation.n}] ${escapeHtml(citation.quote)}</span> <small>${escapeHtml(citation.docId)} ${citation.start}–${citation.end}</small>${badge(citation.valid, 'valid', 'quote ≠ source')}${badge(citation.overlapsGold, 'on gold', 'off gold')}</li>`)
        .join('')}</ul>`
  const gold = result.gold.length === 0
    ? `<p>${result.answerable === false ? 'None: the question is unanswerable.' : 'None given.'}</p>`
    : result.gold.map((span) => (span.docId === null
        ? `<p class="text" dir="auto">${escapeHtml(span.text)} <span class="badge bad">not found in the sources</span></p>`
        : `<p class="text" dir="auto">…${highlight(span.context, span.start - span.contextStart, span.end - span.contextStart)}…</p>`)).join('')
  return `<article class="failure" id="${escapeHtml(result.id)}">
<h3>${escapeHtml(result.id)} <small>(${escapeHtml(result.kind)}${result.answerable === null ? '' : result.answerable ? ', answerable' : ', unanswerable'})</small></h3>
<div class="codes">${result.failures.map((code) => `<span>${escapeHtml(code)}</span>`).join('')}</div>
<div class="label">Question</div><div class="text" dir="auto">${escapeHtml(result.question)}</div>
<div class="label">Answer${result.answered === false ? ` (refused: ${escapeHtml(result.refusalReason ?? '')})` : ''}${result.groundingScore === null ? '' : ` · grounding ${result.groundingScore.toFixed(2)}`}</div><div class="text" dir="auto">${escapeHtml(result.error ?? result.answer)}</div>
${result.acceptableAnswers.length > 0 ? `<div class="label">Acceptable answers</div><div class="text" dir="auto">${result.acceptableAnswers.map(escapeHtml).join(' · ')}</div>` : ''}
<div class="label">Citations</div>${citations}
${renderSentences(result)}
${renderRelevance(result)}
${result.answerable === null ? '' : `<div class="label">Gold evidence</div>${gold}`}
</article>`
}

function renderSentences(result: QuestionResult): string {
  const unsupported = (result.sentences ?? []).filter((sentence) => !sentence.supported)
  if (unsupported.length === 0) return ''
  const items = unsupported.map((sentence) => `<li><span class="text" dir="auto">${escapeHtml(sentence.text)}</span> <small>support ${sentence.support.toFixed(2)}: ${escapeHtml(sentence.issues.map((issue) => formatSupportIssue(issue, 'en')).join('; '))}</small></li>`)
  return `<div class="label">Unsupported sentences</div><ul class="citations">${items.join('')}</ul>`
}

function renderRelevance(result: QuestionResult): string {
  const relevance = result.relevance
  if (!relevance || relevance.relevant) return ''
  const issue = formatSupportIssue({ kind: 'off-question', missing: relevance.missing, askedType: relevance.hasAskedType ? null : relevance.askedType }, 'en')
  return `<div class="label">Relevance to the question</div><p class="text" dir="auto">${relevance.score.toFixed(2)}: ${escapeHtml(issue)}</p>`
}

function renderResultsTable(results: readonly QuestionResult[]): string {
  const rows = results.map((result) => `<tr><td>${result.failures.length > 0 ? `<a href="#${escapeHtml(result.id)}">${escapeHtml(result.id)}</a>` : escapeHtml(result.id)}</td><td>${escapeHtml(result.kind)}</td><td class="${result.failures.length > 0 ? 'failed' : 'passed'}">${result.failures.length > 0 ? escapeHtml(result.failures.join(', ')) : 'passed'}</td><td>${result.latencyMs === null ? '–' : Math.round(result.latencyMs)}</td></tr>`)
  return `<table><tr><th>id</th><th>kind</th><th>outcome</th><th>ms</th></tr>${rows.join('')}</table>`
}

function badge(ok: boolean, good: string, bad: string): string {
  return ok ? `<span class="badge ok">${good}</span>` : `<span class="badge bad">${bad}</span>`
}

function highlight(text: string, start: number, end: number): string {
  return `${escapeHtml(text.slice(0, start))}<mark class="gold">${escapeHtml(text.slice(start, end))}</mark>${escapeHtml(text.slice(end))}`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
