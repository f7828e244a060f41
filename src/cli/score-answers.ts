import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createIndexLocation } from '../config/create-index-location.js'
import { loadConfig } from '../config/load-config.js'
import { SanadError } from '../errors/sanad-error.js'
import { checkThresholds, parseThresholds } from '../eval/check-thresholds.js'
import { summarizeResults } from '../eval/compute-metrics.js'
import type { EvalReport, QuestionResult } from '../eval/eval-report-schemas.js'
import { loadScorerOptions } from '../eval/load-scorer-options.js'
import { renderMetricsTable } from '../eval/render-metrics-table.js'
import { readEvaluatorRecord, scoreExternalAnswers, type EvaluatorRecord } from '../eval/score-external-answers.js'
import { writeReport } from '../eval/write-report.js'
import { createSupportFinder } from '../grounding/create-support-finder.js'
import { createWordWeigher } from '../grounding/create-word-weigher.js'
import { formatSupportIssue } from '../grounding/format-support-issue.js'
import { loadSources } from '../source/load-sources.js'

const USAGE = `npm run grounding -- answers.jsonl [options]

Scores answers produced by other systems. The file is JSON Lines (one record per line) or JSON (an
array of records, or an ALCE result file { "data": [...] }). A record is one of:

  sanad   { "question": "...", "answer": "...", "citations"?: [{ "quote": "..." } | { "docId": "...", "start": 0, "end": 10 }], "id"?, "kind"? }
          citations are numbered [1], [2]… in order and point into the sources; without them support is looked for in the sources
  RAGAS   { "user_input": "...", "response": "...", "retrieved_contexts": ["...", ...], "id"?, "kind"? }
          the response is scored against its retrieved contexts
  ALCE    { "question": "...", "output": "... [1] ... [2]", "docs": [{ "title"?: "...", "text": "..." }, ...], "id"?, "kind"? }
          [n] cites docs[n-1]; ALCE citation recall and precision are measured

Writes report.json and report.html, results.jsonl (one line per record) and summary.json (aggregate, by format).

  --out DIR            where to write them (default eval-out/grounding)
  --sources DIR        the source documents for sanad-shaped records (default: the configured sources folder)
  --min METRIC=VALUE   exit 1 when a metric is below VALUE (repeatable), e.g. --min faithfulness=0.8
  -h, --help           show this help
`

/** `npm run grounding`: scores other systems' answers; one line per answer and the aggregate on stdout. */
async function runScoreAnswers(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      out: { type: 'string', default: 'eval-out/grounding' },
      sources: { type: 'string' },
      min: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  })
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (positionals.length !== 1) throw new SanadError('invalid_request', `expected one answers file\n\n${USAGE}`)
  const thresholds = parseThresholds(values.min ?? [], 'min')
  const records = parseRecords(await readFile(positionals[0]!, 'utf8'), positionals[0]!)
  const config = loadConfig()
  const sources = await loadSources(values.sources ?? createIndexLocation(config).sourcesDirectory)
  const scorer = await loadScorerOptions(config.DICTIONARY_DIR)
  const documents = sources.map((source) => ({ docId: source.id, text: source.text }))
  const results = scoreExternalAnswers(
    records,
    { documents, findSupport: createSupportFinder(documents, scorer.options), weighWord: createWordWeigher(documents.map((document) => document.text)) },
    scorer.options,
  )
  const kinds = [...new Set(results.map((result) => result.kind))]
  const report: EvalReport = {
    tool: 'sanad-grounding',
    createdAt: new Date().toISOString(),
    target: positionals[0]!,
    topK: null,
    scorer: scorer.calibration,
    metrics: summarizeResults(results),
    byKind: Object.fromEntries(kinds.map((kind) => [kind, summarizeResults(results.filter((result) => result.kind === kind))])),
    results,
  }
  const paths = await writeReport(report, values.out)
  const resultsPath = join(values.out, 'results.jsonl')
  const summaryPath = join(values.out, 'summary.json')
  await writeFile(resultsPath, results.map((result) => JSON.stringify(describeResult(result))).join('\n') + '\n')
  await writeFile(summaryPath, `${JSON.stringify(summarize(report), null, 2)}\n`)

  const width = Math.max(2, ...results.map((result) => result.id.length))
  process.stdout.write(`${'id'.padEnd(width)}  format  score  faith  relev  citR  citP  verdict\n`)
  for (const result of results) {
    const sentenceIssue = result.sentences?.find((sentence) => !sentence.supported)?.issues[0]
    const offQuestion = result.relevance && !result.relevance.relevant
    const firstProblem = sentenceIssue
      ? formatSupportIssue(sentenceIssue, 'en')
      : offQuestion ? formatSupportIssue({ kind: 'off-question', missing: result.relevance!.missing, askedType: result.relevance!.hasAskedType ? null : result.relevance!.askedType }, 'en') : ''
    const cells = [result.groundingScore, result.faithfulness, result.relevance?.score ?? null, result.citationRecall, result.citationPrecision].map((value) => (value === null ? '–' : value.toFixed(2)).padStart(5))
    process.stdout.write(`${result.id.padEnd(width)}  ${(result.format ?? '').padEnd(6)}  ${cells.join('  ')}  ${result.failures.length === 0 ? 'supported' : `unsupported ${firstProblem}`.trim()}\n`)
  }
  process.stdout.write(`\n${renderMetricsTable(report)}\nwrote ${paths.json}, ${paths.html}, ${resultsPath} and ${summaryPath}\n`)
  const broken = checkThresholds(report.metrics, thresholds)
  for (const line of broken) process.stderr.write(`threshold not met: ${line}\n`)
  return broken.length > 0 ? 1 : 0
}

// JSON Lines, or one JSON document: an array of records or an ALCE result file ({ "data": [...] }).
function parseRecords(text: string, path: string): EvaluatorRecord[] {
  const trimmed = text.trim()
  let items: { json: unknown; where: string }[]
  const whole = tryParse(trimmed)
  if (whole !== undefined && (Array.isArray(whole) || (whole !== null && typeof whole === 'object' && Array.isArray((whole as { data?: unknown }).data)))) {
    const list = Array.isArray(whole) ? whole : (whole as { data: unknown[] }).data
    items = list.map((json, index) => ({ json, where: `${path}: record ${index + 1}` }))
  } else {
    items = []
    for (const [index, line] of text.split('\n').entries()) {
      if (line.trim() === '') continue
      const json = tryParse(line)
      if (json === undefined) throw new SanadError('invalid_request', `${path}:${index + 1}: not valid JSON`)
      items.push({ json, where: `${path}:${index + 1}` })
    }
  }
  const records = items.map(({ json, where }) => {
    const parsed = readEvaluatorRecord(json)
    if (!parsed.success) throw new SanadError('invalid_request', `${where}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'} ${issue.message}`).join('; ')}`)
    return parsed.data
  })
  if (records.length === 0) throw new SanadError('invalid_request', `${path} holds no answer`)
  return records
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

// One line of results.jsonl: the record's figures, in the names RAGAS and ALCE use where they exist.
function describeResult(result: QuestionResult) {
  return {
    id: result.id,
    format: result.format,
    kind: result.kind,
    question: result.question,
    faithfulness: result.faithfulness,
    grounding_score: result.groundingScore,
    supported: !result.failures.includes('unsupported-sentence') && !result.failures.includes('off-question'),
    answer_relevance: result.relevance?.score ?? null,
    relevant: result.relevance?.relevant ?? null,
    citation_rec: result.citationRecall,
    citation_prec: result.citationPrecision,
    failures: result.failures,
    issues: (result.sentences ?? []).flatMap((sentence) => sentence.issues),
  }
}

// summary.json: the aggregate over all records and by format.
function summarize(report: EvalReport) {
  const formats = [...new Set(report.results.map((result) => result.format ?? 'sanad'))]
  const figures = (results: readonly QuestionResult[]) => {
    const mean = (values: (number | null)[]) => {
      const present = values.filter((value): value is number => value !== null)
      return present.length === 0 ? null : Math.round((present.reduce((sum, value) => sum + value, 0) / present.length) * 1000) / 1000
    }
    return {
      count: results.length,
      faithfulness: mean(results.map((result) => result.faithfulness)),
      grounding_score: mean(results.map((result) => result.groundingScore)),
      answer_relevance: mean(results.map((result) => result.relevance?.score ?? null)),
      supported_share: mean(results.map((result) => (result.failures.length === 0 ? 1 : 0))),
      citation_rec: mean(results.map((result) => result.citationRecall)),
      citation_prec: mean(results.map((result) => result.citationPrecision)),
    }
  }
  return {
    tool: report.tool,
    createdAt: report.createdAt,
    target: report.target,
    overall: figures(report.results),
    byFormat: Object.fromEntries(formats.map((format) => [format, figures(report.results.filter((result) => (result.format ?? 'sanad') === format))])),
    scorer: report.scorer,
  }
}

runScoreAnswers().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`grounding failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(2)
  },
)
