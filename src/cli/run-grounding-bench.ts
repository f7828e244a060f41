import { parseArgs } from 'node:util'
import { composeSanad } from '../compose-sanad.js'
import { loadConfig } from '../config/load-config.js'
import { measureGroundingCost, type GroundingSample } from '../bench/measure-grounding-cost.js'
import { loadQuestionSet } from '../eval/question-set.js'
import { createGroundingScorer } from '../grounding/create-grounding-scorer.js'

const USAGE = `npm run bench:grounding -- [--rounds N] [--json]

Measures what the grounding badge costs per answer: the question set is answered once in process
(extractive answerer, default configuration), then every answered question's grounding (support
of each sentence against its citations, and relevance to the question) is scored N times (default 50).
`

/** `npm run bench:grounding`: the grounding scorer's cost per answer, p50/p90/p99 in milliseconds. */
async function runGroundingBench(): Promise<number> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '50' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const config = loadConfig({})
  const { index, answerer, supportOptions, findSupport } = await composeSanad(config)
  const samples: GroundingSample[] = []
  for (const question of await loadQuestionSet()) {
    if (question.history) continue
    const response = await answerer.ask({ question: question.question })
    if (response.answered) samples.push({ answer: response.answer, citations: response.citations, language: question.language, question: question.question, kind: response.questionKind })
  }
  const documents = [...index.documents.values()].map(({ id, text }) => ({ docId: id, text }))
  const scoreGrounding = createGroundingScorer(documents, supportOptions, findSupport)
  const cost = measureGroundingCost(samples, (sample) => scoreGrounding(sample.answer, sample.citations, sample.language, { question: sample.question, kind: sample.kind }), { rounds: Number(values.rounds), budgetMs: 120_000 })
  if (values.json) process.stdout.write(`${JSON.stringify(cost, null, 2)}\n`)
  else {
    const { p50, p90, p99, mean } = cost.perAnswer
    process.stdout.write(`grounding per answer over ${cost.answers} answers × ${cost.rounds} rounds: p50 ${p50.toFixed(3)} ms, p90 ${p90.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, mean ${mean.toFixed(3)} ms\n`)
  }
  return 0
}

runGroundingBench().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench:grounding failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(2)
  },
)
