import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { loadQuestionSet } from '../eval/question-set.js'
import { createLoadRequests } from '../load/create-load-requests.js'
import { findLoadFailures } from '../load/find-load-failures.js'
import { fireLoad } from '../load/fire-load.js'
import { formatLoadReport } from '../load/format-load-report.js'
import { parseLoadArguments } from '../load/parse-load-arguments.js'
import { startServerProcess, type ServerProcess } from '../load/start-server-process.js'

const PROJECT_DIRECTORY = fileURLToPath(new URL('../..', import.meta.url))
const QUESTIONS_IN_ROTATION = 8

/**
 * `npm run load`: a bounded load test on loopback. Starts its own server (unless `--url` names one),
 * sends `--requests` mixed requests over `--connections` connections, prints the figures, writes them
 * with `--json FILE`, and exits 1 on any error, 5xx or wrong response.
 */
async function runLoad(): Promise<void> {
  const options = parseLoadArguments(process.argv.slice(2))
  const questionSet = await loadQuestionSet()
  const plain = questionSet.filter((question) => !question.history)
  const step = Math.max(1, Math.floor(plain.length / QUESTIONS_IN_ROTATION))
  const questions = plain.filter((_, position) => position % step === 0).slice(0, QUESTIONS_IN_ROTATION).map((question) => question.question)

  let server: ServerProcess | null = null
  if (!options.url) {
    process.stderr.write('starting a server on loopback…\n')
    server = await startServerProcess({ projectDirectory: PROJECT_DIRECTORY, environment: process.env, timeoutMs: 120_000 })
  }
  const url = options.url ?? server!.url
  process.stderr.write(`sending ${options.requests} requests over ${options.connections} connections to ${url} (at most ${options.duration} s)…\n`)

  const failures: string[] = []
  let report
  try {
    report = await fireLoad({
      url,
      requests: createLoadRequests(questions),
      amount: options.requests,
      connections: options.connections,
      durationSeconds: options.duration,
      timeoutSeconds: options.timeout,
    })
  } finally {
    const code = await server?.stop()
    if (server && code !== 0) failures.push(`the server exited with code ${code}:\n${server.output().slice(-2000)}`)
  }

  process.stdout.write(formatLoadReport(report))
  if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`)
  failures.unshift(...findLoadFailures(report))
  if (failures.length > 0) {
    process.stderr.write(`load test failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}\n`)
    process.exitCode = 1
  }
}

runLoad().catch((error: unknown) => {
  process.stderr.write(`load test could not run: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(2)
})
