import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { composeSanad } from '../compose-sanad.js'
import { createIndexLocation } from '../config/create-index-location.js'
import { loadConfig } from '../config/load-config.js'
import { SanadError } from '../errors/sanad-error.js'
import { checkThresholds, parseThresholds } from '../eval/check-thresholds.js'
import { compareReports, renderComparison } from '../eval/compare-reports.js'
import { computeMetrics } from '../eval/compute-metrics.js'
import { createHttpAsk } from '../eval/create-http-ask.js'
import type { EvalReport, ScorerCalibration } from '../eval/eval-report-schemas.js'
import { calibrateSupportScorer, createSupportJudge, type Calibration, type SupportJudge } from '../eval/calibrate-support-scorer.js'
import { loadScorerOptions, summarizeCalibration } from '../eval/load-scorer-options.js'
import { HELD_OUT_SUPPORT_PAIRS_PATH, loadQuestionSet, loadSupportPairs, type Question } from '../eval/question-set.js'
import { renderCalibrationPage } from '../eval/render-calibration-html.js'
import { renderMetricsTable } from '../eval/render-metrics-table.js'
import { renderProgressBar } from '../eval/render-progress-bar.js'
import { runQuestionSet, type AskFunction } from '../eval/run-question-set.js'
import { readReport, writeReport } from '../eval/write-report.js'
import { runBroadEvaluation } from '../eval/run-broad-evaluation.js'
import { crossValidateArcd, evaluateQuestionsOver } from '../eval/evaluate-generalization.js'
import { collectTrainingExamples } from '../eval/train-answer-model.js'
import { arcdTrainingQuestions, articlesOf, buildCollection, documentTexts, loadMultiSources, loadTrainingData, MULTI_HELDOUT_PATH, multiTrainingQuestions, TRAINING_NEGATIVE_OFFSET } from '../eval/training-sets.js'
import { createLlmSupportJudge } from '../grounding/create-llm-support-judge.js'
import { loadScoreOptions } from '../grounding/load-score-options.js'
import { OpenAICompatibleClient } from '../llm/openai-compatible-client.js'
import { loadSources } from '../source/load-sources.js'

const USAGE = `npm run eval -- [options]

Runs the question set against the pipeline and writes report.json and report.html.

  --url URL            ask a running server (POST URL/api/ask) instead of the in-process pipeline
  --api-key KEY        bearer token for --url
  --out DIR            where to write the reports (default eval-out)
  --questions FILE     question set (default datasets/questions.json)
  --kind KIND          only questions of this kind (repeatable)
  --id ID              only this question (repeatable)
  --limit N            only the first N questions
  --top-k K            passages to retrieve per question
  --compare FILE       print deltas against an earlier report.json
  --min METRIC=VALUE   exit 1 when a metric is below VALUE (repeatable), e.g. --min containsAnswer=0.8
  --max METRIC=VALUE   exit 1 when a metric is above VALUE (repeatable), e.g. --max falseRefusalRate=0.1
  --dataset NAME       seed (default: the question set above), arcd (5-fold cross-validation by article),
                       multi (the multi-article dev set and its frozen held-out part), or all
  --folds N            with --dataset arcd: folds of the cross-validation (default 5)
  --broad              the broad questions (datasets/multi/broad.json): point recall and citation precision per
                       kind, development and frozen held-out part apart; with --fit, first fit the list settings
                       on the development part (data/broad-settings.json)
  --calibrate          only measure the support judge on the labelled pairs (datasets/support-pairs.json and the
                       frozen datasets/support-pairs.heldout.json); prints and writes calibration.json and .html
  --judge JUDGE        with --calibrate: lexical (default) or llm (the model of LLM_BASE_URL, prompt prompts/judge-support.md)
  -h, --help           show this help
`

/** The pipeline to evaluate and the text of the sources, keyed by document id. */
interface Target {
  name: string
  ask: AskFunction
  documents: Map<string, string>
  topK: number | null
}

/** `npm run eval`: the evaluation harness. Progress goes to stderr, the table to stdout. */
async function runEval(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      'api-key': { type: 'string' },
      out: { type: 'string', default: 'eval-out' },
      questions: { type: 'string' },
      kind: { type: 'string', multiple: true },
      id: { type: 'string', multiple: true },
      limit: { type: 'string' },
      'top-k': { type: 'string' },
      compare: { type: 'string' },
      min: { type: 'string', multiple: true },
      max: { type: 'string', multiple: true },
      calibrate: { type: 'boolean' },
      broad: { type: 'boolean' },
      fit: { type: 'boolean' },
      dataset: { type: 'string', default: 'seed' },
      folds: { type: 'string', default: '5' },
      judge: { type: 'string', default: 'lexical' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  })
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (values.calibrate) return calibrate(values.judge, values.out)
  if (values.broad) return runBroadEvaluation(loadConfig({}), { fit: values.fit === true, out: values.out, log: (line) => process.stdout.write(`${line}\n`) }).then(() => 0)
  if (values.dataset !== 'seed') return runGeneralization(values.dataset, readPositiveInteger('--folds', values.folds), values.out)
  const thresholds = [...parseThresholds(values.min ?? [], 'min'), ...parseThresholds(values.max ?? [], 'max')]
  const topK = values['top-k'] === undefined ? undefined : readPositiveInteger('--top-k', values['top-k'])
  const baseline = values.compare ? await readReport(values.compare) : null
  const questions = selectQuestions(await loadQuestionSet(values.questions), values)
  if (questions.length === 0) throw new SanadError('invalid_request', 'no question matches the filters')

  const scorer = await loadScorerOptions(loadConfig().DICTIONARY_DIR)
  const target = values.url ? await connectToServer(values.url, values['api-key']) : await startInProcess()
  const ask: AskFunction = topK === undefined ? target.ask : (request) => target.ask({ ...request, topK })
  const progress = createProgress(questions.length)
  const records = await runQuestionSet(questions, ask, { onProgress: (done, _total, question) => progress(done, question.id) })
  for (const record of records) {
    for (const item of [...(record.response?.citations ?? []), ...(record.response?.passages ?? [])]) {
      if (!target.documents.has(item.docId) && values.url) target.documents.set(item.docId, await fetchDocument(values.url, item.docId, values['api-key']))
    }
  }

  const computed = computeMetrics(records, target.documents, scorer.options)
  const observedTopK = Math.max(0, ...records.map((record) => record.response?.passages.length ?? 0))
  const report: EvalReport = {
    tool: 'sanad-eval',
    createdAt: new Date().toISOString(),
    target: target.name,
    topK: topK ?? target.topK ?? (observedTopK || null),
    scorer: scorer.calibration,
    ...computed,
  }
  const paths = await writeReport(report, values.out)

  process.stdout.write(renderMetricsTable(report))
  const failed = report.results.filter((result) => result.failures.length > 0).length
  process.stdout.write(`\n${failed} of ${report.results.length} questions have a failure; support scorer accuracy ${scorer.calibration.accuracy.toFixed(3)} on the held-out pairs${scorer.calibration.dictionary ? ' (with the English–Arabic dictionary)' : ''}.\n`)
  process.stdout.write(`wrote ${paths.json} and ${paths.html}\n`)
  if (baseline) process.stdout.write(`\ncompared with ${values.compare}:\n${renderComparison(compareReports(report.metrics, baseline.metrics))}`)
  const broken = checkThresholds(report.metrics, thresholds)
  for (const line of broken) process.stderr.write(`threshold not met: ${line}\n`)
  return broken.length > 0 ? 1 : 0
}

// Prints the judge's agreement with the development and the held-out labelled pairs (overall, by
// perturbation, the calibration table) and every development pair it gets wrong; held-out errors are
// only counted, never listed, so that nothing is tuned on them. Writes calibration.json and .html.
async function calibrate(judgeName: string, outDirectory: string): Promise<number> {
  const config = loadConfig()
  let judge: SupportJudge
  let label = judgeName
  let dictionary = false
  if (judgeName === 'lexical') {
    const { options, hasDictionary } = await loadScoreOptions(config.DICTIONARY_DIR)
    judge = createSupportJudge(options)
    dictionary = hasDictionary
    if (hasDictionary) label = 'lexical (with the English–Arabic dictionary)'
  } else if (judgeName === 'llm') {
    if (!config.LLM_BASE_URL) throw new SanadError('config_invalid', '--judge llm needs LLM_BASE_URL and LLM_MODEL')
    const client = new OpenAICompatibleClient({
      baseUrl: config.LLM_BASE_URL,
      model: config.LLM_MODEL!,
      timeoutMs: config.LLM_TIMEOUT_MS,
      maxRetries: config.LLM_MAX_RETRIES,
      ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}),
    })
    const llmJudge = createLlmSupportJudge(client)
    judge = (claim, passage) => llmJudge(claim, [{ docId: 'passage', start: 0, end: passage.length, text: passage }])
  } else {
    throw new SanadError('invalid_request', '--judge must be lexical or llm')
  }
  const development = await calibrateSupportScorer(await loadSupportPairs(), judge)
  const heldOut = await calibrateSupportScorer(await loadSupportPairs(HELD_OUT_SUPPORT_PAIRS_PATH), judge)
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`
  const describe = (name: string, calibration: Calibration) =>
    `${name.padEnd(11)} ${String(calibration.count).padStart(4)} pairs: accuracy ${percent(calibration.accuracy)} (${calibration.correct}/${calibration.count}), precision ${percent(calibration.precision)}, recall ${percent(calibration.recall)}, balanced accuracy ${percent(calibration.balancedAccuracy)}, ROC AUC ${calibration.rocAuc.toFixed(3)}`
  const perturbations = [...new Set([...Object.keys(development.byPerturbation), ...Object.keys(heldOut.byPerturbation)])].sort()
  const group = (calibration: Calibration, name: string) => {
    const found = calibration.byPerturbation[name]
    return found ? `${String(found.correct).padStart(3)}/${String(found.count).padEnd(3)} ${percent(found.accuracy).padStart(6)}` : '         –    '
  }
  const bucketShare = (calibration: Calibration, index: number) => {
    const bucket = calibration.buckets[index]!
    return `${String(bucket.count).padStart(4)} ${bucket.supportedShare === null ? '    –' : percent(bucket.supportedShare).padStart(6)}`
  }
  const lines = [
    `${label} support judge`,
    describe('held-out', heldOut),
    describe('development', development),
    '',
    `perturbation          development       held-out`,
    ...perturbations.map((name) => `  ${name.padEnd(20)} ${group(development, name)}  ${group(heldOut, name)}`),
    '',
    'score bucket → pairs, share labelled supported',
    `  bucket        development      held-out`,
    ...development.buckets.map((bucket, index) => `  ${bucket.from.toFixed(1)}–${bucket.to.toFixed(1)}    ${bucketShare(development, index)}    ${bucketShare(heldOut, index)}`),
    '',
    `development errors (${development.errors.length}; the ${heldOut.errors.length} held-out errors are not listed):`,
    ...development.errors.map((error) => `  ${error.id} ${error.perturbation}: expected ${error.expected ? 'supported' : 'unsupported'}, score ${error.score} ${error.issues.map((issue) => issue.kind).join(',')} | ${error.claim}`),
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
  const scorer: ScorerCalibration = {
    accuracy: heldOut.accuracy,
    precision: heldOut.precision,
    recall: heldOut.recall,
    count: heldOut.count,
    dictionary,
    development: summarizeCalibration(development),
    heldOut: summarizeCalibration(heldOut),
  }
  await mkdir(outDirectory, { recursive: true })
  await writeFile(join(outDirectory, 'calibration.json'), `${JSON.stringify(scorer, null, 2)}\n`)
  await writeFile(join(outDirectory, 'calibration.html'), renderCalibrationPage(scorer, new Date().toISOString()))
  process.stdout.write(`wrote ${join(outDirectory, 'calibration.json')} and ${join(outDirectory, 'calibration.html')}\n`)
  return 0
}

// The datasets the answer model was not tuned on by hand: ARCD cross-validated by article, the
// multi-article dev set (the model is fitted on it) and its frozen held-out part (never fitted on).
async function runGeneralization(dataset: string, folds: number, out: string): Promise<number> {
  if (!['arcd', 'multi', 'all'].includes(dataset)) throw new SanadError('invalid_request', '--dataset must be seed, arcd, multi or all')
  const config = loadConfig({})
  const data = await loadTrainingData(config)
  const summary: Record<string, unknown> = { tool: 'sanad-eval-generalization', createdAt: new Date().toISOString() }
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)}%`)
  if (dataset === 'arcd' || dataset === 'all') {
    process.stderr.write(`ARCD: ${data.arcd.questions.length} questions over ${data.arcd.sources.length} paragraphs, ${folds}-fold cross-validation by article…\n`)
    const examples = await collectTrainingExamples(data.arcdCollection, arcdTrainingQuestions(data.arcd, data.arcd.questions, TRAINING_NEGATIVE_OFFSET))
    const extra = await collectTrainingExamples(data.multiCollection, multiTrainingQuestions(data.dev, documentTexts(data.multiCollection.index)))
    const figures = await crossValidateArcd({
      arcd: data.arcd, collection: data.arcdCollection, examples, extraExamples: extra, config, folds, trainedOn: data.trainedOn,
      onFold: (fold, foldFigures) => process.stderr.write(`  fold ${fold + 1}: sentence match ${percent(foldFigures.sentenceMatch)}, F1 ${(foldFigures.tokenF1 * 100).toFixed(1)}, other article refused ${percent(foldFigures.otherArticleRefused)}\n`),
    })
    summary.arcd = figures
    process.stdout.write(
      [
        `ARCD (${figures.questions} questions, ${folds}-fold cross-validation by article):`,
        `  restricted to its paragraph: sentence match ${percent(figures.sentenceMatch)}, cited span holds the gold answer ${percent(figures.evidenceHoldsAnswer)}, false refusals ${percent(figures.falseRefusals)}`,
        `  short answer: exact match ${percent(figures.exactMatch)}, token F1 ${(figures.tokenF1 * 100).toFixed(1)}`,
        `  asked of another article's paragraph: refused ${percent(figures.otherArticleRefused)}; of another paragraph of its own article: refused ${percent(figures.sameArticleRefused)}`,
        `  all paragraphs, no filter: sentence match ${percent(figures.openSentenceMatch)}`,
        '',
      ].join('\n'),
    )
  }
  if (dataset === 'multi' || dataset === 'all') {
    const heldout = await loadQuestionSet(MULTI_HELDOUT_PATH)
    const sources = await loadMultiSources([...articlesOf(data.dev), ...articlesOf(heldout)])
    const { index } = await buildCollection(sources, config)
    const parts: [string, Question[]][] = [['dev (fitted on)', data.dev], ['held-out (frozen)', heldout]]
    for (const [name, questions] of parts) {
      for (const restrictToDocument of [false, true]) {
        const { metrics } = await evaluateQuestionsOver(questions, index, config, { restrictToDocument })
        const label = `${name}, ${restrictToDocument ? 'restricted to its article' : `all ${sources.length} documents`}`
        summary[`multi ${label}`] = metrics
        process.stdout.write(
          `multi-article ${label} (${metrics.count} questions): answered correctly ${percent(metrics.answeredCorrectly)}, contains answer ${percent(metrics.containsAnswer)}, exact ${percent(metrics.exactMatch)}, F1 ${((metrics.tokenF1 ?? 0) * 100).toFixed(1)}, false refusals ${percent(metrics.falseRefusalRate)}, missed refusals ${percent(metrics.refusalRecall === null ? null : 1 - metrics.refusalRecall)}, cited gold ${percent(metrics.hitAtK)}\n`,
        )
      }
    }
  }
  await mkdir(out, { recursive: true })
  await writeFile(join(out, 'generalization.json'), `${JSON.stringify(summary, null, 2)}\n`)
  process.stdout.write(`wrote ${join(out, 'generalization.json')}\n`)
  return 0
}

function selectQuestions(all: readonly Question[], filters: { kind?: string[]; id?: string[]; limit?: string }): Question[] {
  let questions = all.filter((question) => (!filters.kind || filters.kind.includes(question.kind)) && (!filters.id || filters.id.includes(question.id)))
  if (filters.limit !== undefined) questions = questions.slice(0, readPositiveInteger('--limit', filters.limit))
  return questions
}

function readPositiveInteger(name: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new SanadError('invalid_request', `${name} must be a positive integer`)
  return number
}

// The same composition as the server's (src/main.ts): the configured index, hybrid retrieval, query
// translation, the model answerer when one is configured, and the grounding scorer.
async function startInProcess(): Promise<Target> {
  const config = loadConfig()
  const { index, answerer } = await composeSanad(config)
  return {
    name: config.LLM_BASE_URL ? `in-process (model ${config.LLM_MODEL})` : 'in-process',
    ask: (request) => answerer.ask(request),
    documents: new Map([...index.documents].map(([id, document]) => [id, document.text])),
    topK: config.TOP_K,
  }
}

// Gold evidence is located in the local sources; documents the server cites that are not local are fetched.
async function connectToServer(url: string, apiKey: string | undefined): Promise<Target> {
  const sources = await loadSources(createIndexLocation(loadConfig()).sourcesDirectory)
  return {
    name: url,
    ask: createHttpAsk(url, apiKey ? { apiKey } : {}),
    documents: new Map(sources.map((source) => [source.id, source.text])),
    topK: null,
  }
}

async function fetchDocument(url: string, docId: string, apiKey: string | undefined): Promise<string> {
  const response = await fetch(new URL(`/api/documents/${encodeURIComponent(docId)}`, url), { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} })
  if (!response.ok) return ''
  return ((await response.json()) as { text?: string }).text ?? ''
}

// On a terminal the bar redraws in place; in a log it prints a line at every tenth.
function createProgress(total: number): (done: number, label: string) => void {
  const interactive = process.stderr.isTTY === true
  let lastTenth = -1
  return (done, label) => {
    const line = renderProgressBar(done, total, label)
    if (interactive) {
      process.stderr.write(`\r${line.padEnd(80)}${done === total ? '\n' : ''}`)
      return
    }
    const tenth = Math.floor((done / total) * 10)
    if (tenth !== lastTenth || done === total) process.stderr.write(`${line}\n`)
    lastTenth = tenth
  }
}

runEval().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`eval failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(2)
  },
)
