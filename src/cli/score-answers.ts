import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { createIndexLocation } from '../config/create-index-location.js'
import { loadConfig } from '../config/load-config.js'
import { SanadError } from '../errors/sanad-error.js'
import { checkThresholds, parseThresholds } from '../eval/check-thresholds.js'
import { summarizeResults } from '../eval/compute-metrics.js'
import type { EvalReport } from '../eval/eval-report-schemas.js'
import { loadScorerOptions } from '../eval/load-scorer-options.js'
import { renderMetricsTable } from '../eval/render-metrics-table.js'
import { ExternalAnswerSchema, scoreExternalAnswers, type ExternalAnswer } from '../eval/score-external-answers.js'
import { writeReport } from '../eval/write-report.js'
import { createSupportFinder } from '../grounding/create-support-finder.js'
import { formatSupportIssue } from '../grounding/format-support-issue.js'
import { loadSources } from '../source/load-sources.js'

const USAGE = `npm run grounding -- answers.jsonl [options]

Scores answers produced by other systems against the sources. Each line of the file is
{ "question": "...", "answer": "...", "citations"?: [{ "quote": "..." } | { "docId": "...", "start": 0, "end": 10 }], "id"?: "...", "kind"?: "..." }
Citations are numbered [1], [2]… in order; without citations the best support is looked for in the sources.

  --out DIR            where to write report.json and report.html (default eval-out/grounding)
  --sources DIR        the source documents (default: the configured sources folder)
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
  if (positionals.length !== 1) throw new SanadError('invalid_request', `expected one answers.jsonl file\n\n${USAGE}`)
  const thresholds = parseThresholds(values.min ?? [], 'min')
  const answers = parseAnswers(await readFile(positionals[0]!, 'utf8'), positionals[0]!)
  const config = loadConfig()
  const sources = await loadSources(values.sources ?? createIndexLocation(config).sourcesDirectory)
  const scorer = await loadScorerOptions(config.DICTIONARY_DIR)
  const documents = new Map(sources.map((source) => [source.id, source.text]))
  const findSupport = createSupportFinder(sources.map((source) => ({ docId: source.id, text: source.text })), scorer.options)

  const results = scoreExternalAnswers(answers, documents, findSupport, scorer.options)
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

  const width = Math.max(2, ...results.map((result) => result.id.length))
  process.stdout.write(`${'id'.padEnd(width)}  score  faith  citR  citP  verdict\n`)
  for (const result of results) {
    const firstIssue = result.sentences?.find((sentence) => !sentence.supported)?.issues[0]
    const firstProblem = firstIssue ? formatSupportIssue(firstIssue, 'en') : ''
    const cells = [result.groundingScore, result.faithfulness, result.citationRecall, result.citationPrecision].map((value) => (value === null ? '–' : value.toFixed(2)).padStart(5))
    process.stdout.write(`${result.id.padEnd(width)}  ${cells.join('  ')}  ${result.failures.length === 0 ? 'supported' : `unsupported ${firstProblem}`.trim()}\n`)
  }
  process.stdout.write(`\n${renderMetricsTable(report)}\nwrote ${paths.json} and ${paths.html}\n`)
  const broken = checkThresholds(report.metrics, thresholds)
  for (const line of broken) process.stderr.write(`threshold not met: ${line}\n`)
  return broken.length > 0 ? 1 : 0
}

function parseAnswers(text: string, path: string): ExternalAnswer[] {
  const answers: ExternalAnswer[] = []
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      throw new SanadError('invalid_request', `${path}:${index + 1}: not valid JSON`)
    }
    const parsed = ExternalAnswerSchema.safeParse(json)
    if (!parsed.success) {
      throw new SanadError('invalid_request', `${path}:${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'} ${issue.message}`).join('; ')}`)
    }
    answers.push(parsed.data)
  }
  if (answers.length === 0) throw new SanadError('invalid_request', `${path} holds no answer`)
  return answers
}

runScoreAnswers().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`grounding failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(2)
  },
)
