// Child process of `npm run bench`, bundled like the server and run with --expose-gc: the memory of
// every stage of the server's start-up and of answering, one process per run. argv: <options JSON> <result file>.
import { writeFile } from 'node:fs/promises'
import { readMemoryStage, type MemoryStage } from '../memory-stage.js'

const stages: MemoryStage[] = [readMemoryStage('node')]
const [optionsJson, resultPath] = process.argv.slice(2)
if (!optionsJson || !resultPath) throw new Error('usage: measure-memory-stages <options JSON> <result file>')
const options = JSON.parse(optionsJson) as { indexDirectory: string; sourcesDirectory: string; questions: string[]; rounds: number[]; answerCacheBytes: number }

const [{ composeSanad }, { loadConfig }, { createApp }, { createLogger }] = await Promise.all([
  import('../../compose-sanad.js'),
  import('../../config/load-config.js'),
  import('../../server/create-app.js'),
  import('../../server/create-logger.js'),
])
stages.push(readMemoryStage('modules loaded'))
const config = loadConfig({ INDEX_DIR: options.indexDirectory, SOURCES_DIR: options.sourcesDirectory, ANSWER_CACHE_BYTES: String(options.answerCacheBytes) })
const sanad = await composeSanad(config, { onStage: (stage) => stages.push(readMemoryStage(`${stage} ready`)) })
const { readAnswerCache, ...parts } = sanad
const app = createApp({ ...parts, ...(readAnswerCache ? { readAnswerCache } : {}), settings: config, logger: createLogger({ level: 'silent' }), version: 'bench', webDirectory: null })
stages.push(readMemoryStage('app built'))
let asked = 0
for (const rounds of options.rounds) {
  while (asked < rounds) {
    const question = options.questions[asked % options.questions.length]!
    const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
    await response.text()
    asked++
  }
  stages.push(readMemoryStage(`after ${rounds} question${rounds === 1 ? '' : 's'}`))
}
await writeFile(resultPath, JSON.stringify(stages))
