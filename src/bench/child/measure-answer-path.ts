// Child process of `npm run bench`, bundled like the server: the answer path on questions it has never
// seen. ARCD's training paragraphs are indexed with the served configuration and each of their
// questions is asked exactly once (no answer cache), so no question, claim or question-word memo can
// have met it before. argv: <options JSON> <result file>.
import { writeFile } from 'node:fs/promises'
import { z } from 'zod'
import { composeSanadOver } from '../../compose-sanad.js'
import { loadConfig } from '../../config/load-config.js'
import { loadArcd } from '../../eval/arcd.js'
import { buildCollection } from '../../eval/training-sets.js'
import type { AnswerPathFigures } from '../bench-report.js'
import { summarizeSamples } from '../summarize-samples.js'

const OptionsSchema = z.object({ arcdPath: z.string().min(1), questions: z.number().int().positive() })

const [optionsJson, resultPath] = process.argv.slice(2)
if (!optionsJson || !resultPath) throw new Error('usage: measure-answer-path <options JSON> <result file>')
const options = OptionsSchema.parse(JSON.parse(optionsJson))
const config = loadConfig({ ANSWER_CACHE_BYTES: '0' })
const arcd = await loadArcd(options.arcdPath)
const { index } = await buildCollection(arcd.sources, config)
const { answerer } = await composeSanadOver(index, config)
// Warm the code and what loads on first use (the English dictionary, for Latin words in claims), not the
// questions' own data: questions of the last articles, twice, which are then left out.
const WARM_UP_QUESTIONS = 60
const questions = arcd.questions.slice(0, Math.min(options.questions, arcd.questions.length - WARM_UP_QUESTIONS))
for (let round = 0; round < 2; round++) for (const warm of arcd.questions.slice(-WARM_UP_QUESTIONS)) await answerer.ask({ question: warm.question })
const stages = new Map<string, number[]>()
const started = process.cpuUsage()
for (const question of questions) {
  const response = await answerer.ask({ question: question.question })
  for (const [stage, milliseconds] of Object.entries(response.timingsMs)) {
    const samples = stages.get(stage)
    if (samples) samples.push(milliseconds)
    else stages.set(stage, [milliseconds])
  }
}
const cpu = process.cpuUsage(started)
const figures: AnswerPathFigures = {
  questions: questions.length,
  documents: index.documents.size,
  stagesMs: Object.fromEntries([...stages].map(([stage, samples]) => [stage, summarizeSamples(samples)])),
  cpuMicrosecondsPerQuestion: (cpu.user + cpu.system) / questions.length,
}
await writeFile(resultPath, JSON.stringify(figures))
