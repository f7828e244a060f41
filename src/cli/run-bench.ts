import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { BenchReport, ScaleFigures, ServerFigures } from '../bench/bench-report.js'
import { createScaleChart } from '../bench/create-scale-chart.js'
import { evaluateTargets } from '../bench/evaluate-targets.js'
import { fitGrowthExponent } from '../bench/fit-growth-exponent.js'
import { formatBenchReport } from '../bench/format-bench-report.js'
import { measureHttpLatency, readTimingsField, type HttpLatency } from '../bench/measure-http-latency.js'
import { measureIndexBuild } from '../bench/measure-index-build.js'
import { measureRetrieval } from '../bench/measure-retrieval.js'
import type { ScalePointOptions, ScalePointResult } from '../bench/measure-scale-point.js'
import { measureThroughput } from '../bench/measure-throughput.js'
import { readProcessMemory } from '../bench/read-process-memory.js'
import { renderLogLogChart } from '../bench/render-log-log-chart.js'
import type { BenchRequest } from '../bench/send-http-request.js'
import { startServerProcess, type ServerProcess } from '../bench/start-server-process.js'
import { summarizeSamples } from '../bench/summarize-samples.js'
import { timeProcessRun } from '../bench/time-process-run.js'
import { createEmbeddings } from '../config/create-index-location.js'
import { loadConfig } from '../config/load-config.js'
import { loadQuestionSet } from '../eval/question-set.js'
import { saveIndex } from '../index/save-index.js'
import { HybridRetriever } from '../retrieve/hybrid-retriever.js'
import { loadSources } from '../source/load-sources.js'
import { VECTOR_STORE_FILES } from '../vector-store/hnsw-vector-store.js'

const USAGE = `Usage: npm run bench -- [--quick] [--json FILE] [--out DIR]

Measures the index build, retrieval against raw hnswlib, the server (cold start, /api/ask latency,
throughput against a bare Hono route, RSS) and a scale curve on synthetic corpora, then judges the
targets of issue 7. Everything runs on 127.0.0.1.

  --quick       a CI-sized run: fewer samples, shorter loads, scale points 1k and 10k only
  --json FILE   also write the report as JSON to FILE
  --out DIR     where report.json and scale.svg go (default bench-out/)
  --help        show this text`

const PROJECT_DIRECTORY = fileURLToPath(new URL('../..', import.meta.url))
const ARTICLE_SOURCES = join(PROJECT_DIRECTORY, 'index', 'sources')
const LOADER_ARGUMENTS = ['--import', 'tsx']
const SERVER_COMMAND = [process.execPath, ...LOADER_ARGUMENTS, 'src/main.ts']
const BARE_HONO_COMMAND = [process.execPath, ...LOADER_ARGUMENTS, 'src/bench/child/serve-bare-hono.ts']
const SCALE_CHILD_COMMAND = [process.execPath, ...LOADER_ARGUMENTS, 'src/bench/child/run-scale-point.ts']
const CONNECTIONS = 50
const SCALE_SEED = 20140907

/** How much each part of the bench samples; every loop is bounded by a count and a time budget. */
const PLANS = {
  quick: {
    buildRuns: 5,
    retrievalSamples: 1000,
    coldStarts: 3,
    askSamples: 200,
    throughputSeconds: 3,
    warmupSeconds: 1,
    scaleChunks: [1_000, 10_000],
    scaleSamples: 300,
    scaleAskSamples: 100,
  },
  full: {
    buildRuns: 15,
    retrievalSamples: 3000,
    coldStarts: 5,
    askSamples: 500,
    throughputSeconds: 10,
    warmupSeconds: 2,
    scaleChunks: [1_000, 10_000, 100_000],
    scaleSamples: 1000,
    scaleAskSamples: 200,
  },
} as const
type Plan = (typeof PLANS)[keyof typeof PLANS]

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        json: { type: 'string' },
        out: { type: 'string', default: 'bench-out' },
        help: { type: 'boolean', default: false },
      },
    }))
  } catch (error) {
    process.stderr.write(`${describeError(error)}\n\n${USAGE}\n`)
    process.exitCode = 2
    return
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const mode = values.quick ? 'quick' : 'full'
  const plan: Plan = PLANS[mode]
  const outDirectory = resolve(values.out)
  const loadAverageAtStart = loadavg()[0]!
  const scratch = await mkdtemp(join(tmpdir(), 'sanad-bench-'))
  const errors: string[] = []
  const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`)

  try {
    // The server's defaults, not this shell's environment: the bench measures what a clean clone runs.
    const config = loadConfig({})
    const embeddings = createEmbeddings(config)
    const chunker = { maxCharacters: config.CHUNK_MAX_CHARACTERS, overlapSentences: config.CHUNK_OVERLAP_SENTENCES }
    const questions = await loadBenchQuestions()

    progress(`article index build × ${plan.buildRuns}`)
    const sources = await loadSources(ARTICLE_SOURCES)
    const build = await measureIndexBuild({ sources, embeddings, chunker, runs: plan.buildRuns, budgetMs: 60_000 })
    const articleIndexDirectory = join(scratch, 'article-index')
    await mkdir(articleIndexDirectory, { recursive: true })
    await saveIndex(build.index, articleIndexDirectory)

    progress(`retrieval × ${plan.retrievalSamples}`)
    const retrieval = await measureRetrieval({
      index: build.index,
      retriever: new HybridRetriever(build.index, config.TOP_K),
      graphPath: join(articleIndexDirectory, VECTOR_STORE_FILES.graph),
      queries: questions,
      topK: config.TOP_K,
      samples: plan.retrievalSamples,
      warmup: 200,
      budgetMs: 60_000,
    })

    const server = await measureServer(plan, articleIndexDirectory, questions, progress).catch((error: unknown) => {
      errors.push(`server: ${describeError(error)}`)
      return null
    })

    const scale: ScaleFigures[] = []
    for (const targetChunks of plan.scaleChunks) {
      progress(`scale point ${targetChunks.toLocaleString('en-US')} chunks`)
      try {
        scale.push(await measureScale(plan, targetChunks, scratch, chunker, config.TOP_K, questions))
      } catch (error) {
        errors.push(`scale ${targetChunks}: ${describeError(error)}`)
      }
    }

    const { counts } = build.index.manifest
    const largest = scale.at(-1)
    const report: BenchReport = {
      date: new Date().toISOString(),
      mode,
      machine: {
        cpu: cpus()[0]?.model.trim() ?? 'unknown',
        cores: cpus().length,
        node: process.version,
        platform: `${platform()} ${release()}`,
        totalMemoryBytes: totalmem(),
        loadAverageAtStart,
        loadAverageAtEnd: loadavg()[0]!,
      },
      article: {
        documents: counts.documents,
        sentences: counts.sentences,
        chunks: counts.chunks,
        build: { runs: build.runs, stagesMs: build.stagesMs, totalMs: build.totalMs },
        retrieval,
      },
      server,
      scale,
      retrievalGrowthExponent: fitGrowthExponent(scale.map((point) => ({ x: point.chunks, y: point.retrieval.retrieval.p50 }))),
      targets: evaluateTargets({
        askThroughputRatio: server?.askRatio ?? null,
        retrievalRatio: retrieval.ratio,
        articleBuildMs: build.totalMs.p50,
        articleGuideMs: build.stagesMs.guide,
        coldStartMs: server?.coldStart.p50 ?? null,
        largestScale: largest
          ? { targetChunks: largest.targetChunks, retrievalP50Ms: largest.retrieval.retrieval.p50, serverRssBytes: largest.server?.rssBytes ?? null }
          : null,
        articleServerRssBytes: server?.rssBytes ?? null,
      }),
      errors,
    }

    await mkdir(outDirectory, { recursive: true })
    const json = `${JSON.stringify(report, null, 2)}\n`
    await writeFile(join(outDirectory, 'report.json'), json)
    if (values.json) await writeFile(resolve(values.json), json)
    if (scale.length > 0) await writeFile(join(outDirectory, 'scale.svg'), renderLogLogChart(createScaleChart(scale)))
    process.stdout.write(formatBenchReport(report))
    process.stdout.write(`\nWrote ${join(outDirectory, 'report.json')}${scale.length > 0 ? ` and ${join(outDirectory, 'scale.svg')}` : ''}\n`)
    if (errors.length > 0) process.exitCode = 1
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

// Arabic questions without history: what one /api/ask request carries.
async function loadBenchQuestions(): Promise<string[]> {
  const questions = (await loadQuestionSet()).filter((question) => question.language === 'ar' && !question.history?.length)
  if (questions.length === 0) throw new Error('the question set has no Arabic questions without history')
  return questions.map((question) => question.question)
}

function askRequests(questions: readonly string[]): BenchRequest[] {
  return questions.map((question) => ({ method: 'POST', path: '/api/ask', body: JSON.stringify({ question }) }))
}

function chatCompletionRequests(questions: readonly string[]): BenchRequest[] {
  return questions.map((question) => ({
    method: 'POST',
    path: '/v1/chat/completions',
    body: JSON.stringify({ model: 'sanad', messages: [{ role: 'user', content: question }] }),
  }))
}

function serverEnvironment(indexDirectory: string, sourcesDirectory: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', INDEX_DIR: indexDirectory, SOURCES_DIR: sourcesDirectory }
}

async function withServer<T>(starting: Promise<ServerProcess>, work: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await starting
  try {
    return await work(server)
  } finally {
    await server.stop()
  }
}

async function measureServer(plan: Plan, indexDirectory: string, questions: readonly string[], progress: (message: string) => void): Promise<ServerFigures> {
  const start = (command: readonly string[], readyPath: string) =>
    startServerProcess({ command, cwd: PROJECT_DIRECTORY, environment: serverEnvironment(indexDirectory, ARTICLE_SOURCES), readyPath, timeoutMs: 60_000 })

  progress(`server cold start × ${plan.coldStarts + 1}`)
  const firstStartMs = await withServer(start(SERVER_COMMAND, '/api/health'), async (server) => server.readyMs)
  const coldStarts: number[] = []
  const nodeBoots: number[] = []
  const loaderBoots: number[] = []
  const boot = (command: readonly string[]) => timeProcessRun(command, { cwd: PROJECT_DIRECTORY, timeoutMs: 60_000 })
  for (let run = 0; run < plan.coldStarts; run++) {
    coldStarts.push(await withServer(start(SERVER_COMMAND, '/api/health'), async (server) => server.readyMs))
    nodeBoots.push(await boot([process.execPath, '-e', '']))
    loaderBoots.push(await boot([process.execPath, ...LOADER_ARGUMENTS, '-e', '']))
  }

  const throughputOf = (baseUrl: string, requests: BenchRequest[]) =>
    measureThroughput({ baseUrl, requests, connections: CONNECTIONS, durationSeconds: plan.throughputSeconds, warmupSeconds: plan.warmupSeconds })

  progress('bare Hono throughput')
  const bareHono = await withServer(start(BARE_HONO_COMMAND, '/'), (server) => throughputOf(server.baseUrl, [{ method: 'GET', path: '/' }]))

  return withServer(start(SERVER_COMMAND, '/api/health'), async (server) => {
    progress(`/api/ask latency × ${plan.askSamples}`)
    const ask = await measureHttpLatency({
      baseUrl: server.baseUrl,
      requests: askRequests(questions),
      samples: plan.askSamples,
      warmup: 50,
      budgetMs: 120_000,
      readServerTimings: readTimingsField,
    })
    progress('/api/health, /api/ask and /v1/chat/completions throughput')
    const sanadHealth = await throughputOf(server.baseUrl, [{ method: 'GET', path: '/api/health' }])
    const askThroughput = await throughputOf(server.baseUrl, askRequests(questions))
    const chatThroughput = await throughputOf(server.baseUrl, chatCompletionRequests(questions))
    const memory = await readProcessMemory(server.pid)
    return {
      command: 'node --import tsx src/main.ts',
      firstStartMs,
      coldStart: summarizeSamples(coldStarts),
      boot: { nodeMs: summarizeSamples(nodeBoots), loaderMs: summarizeSamples(loaderBoots) },
      ask,
      throughput: { bareHono, sanadHealth, ask: askThroughput, chatCompletions: chatThroughput, connections: CONNECTIONS },
      askRatio: askThroughput.requestsPerSecond / bareHono.requestsPerSecond,
      chatCompletionsRatio: chatThroughput.requestsPerSecond / bareHono.requestsPerSecond,
      rssBytes: memory.rssBytes,
      peakRssBytes: memory.peakRssBytes,
    }
  })
}

async function measureScale(
  plan: Plan,
  targetChunks: number,
  scratch: string,
  chunker: ScalePointOptions['chunker'],
  topK: number,
  questions: string[],
): Promise<ScaleFigures> {
  const directory = join(scratch, `scale-${targetChunks}`)
  const resultPath = join(scratch, `scale-${targetChunks}.json`)
  try {
    const options: ScalePointOptions = {
      targetChunks,
      seed: SCALE_SEED,
      directory,
      articleSourcesDirectory: ARTICLE_SOURCES,
      chunker,
      queries: questions,
      topK,
      samples: plan.scaleSamples,
      warmup: 100,
      budgetMs: 120_000,
    }
    await runChild([...SCALE_CHILD_COMMAND, JSON.stringify(options), resultPath], 60 * 60_000)
    const { indexDirectory, sourcesDirectory, ...result } = JSON.parse(await readFile(resultPath, 'utf8')) as ScalePointResult
    const server = await withServer(
      startServerProcess({
        command: SERVER_COMMAND,
        cwd: PROJECT_DIRECTORY,
        environment: serverEnvironment(indexDirectory, sourcesDirectory),
        readyPath: '/api/health',
        timeoutMs: 20 * 60_000,
      }),
      async (running) => {
        const ask: HttpLatency = await measureHttpLatency({
          baseUrl: running.baseUrl,
          requests: askRequests(questions),
          samples: plan.scaleAskSamples,
          warmup: 20,
          budgetMs: 120_000,
          readServerTimings: readTimingsField,
        })
        return { readyMs: running.readyMs, ask, ...(await readProcessMemory(running.pid)) }
      },
    )
    return { ...result, server }
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

async function runChild(command: readonly string[], timeoutMs: number): Promise<void> {
  const [executable, ...args] = command
  const child = spawn(executable!, args, { cwd: PROJECT_DIRECTORY, stdio: ['ignore', 'inherit', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (piece: string) => (stderr = (stderr + piece).slice(-4000)))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null]
  clearTimeout(timer)
  if (code !== 0) throw new Error(`${args.at(2) ?? executable} failed (${signal ?? `exit ${code}`}): ${stderr.trim().slice(-800)}`)
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
