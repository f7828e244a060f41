import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { AnswerPathFigures, BenchReport, ScaleFigures, ServerFigures, ServerRun, StartupFigures } from '../bench/bench-report.js'
import { createScaleChart } from '../bench/create-scale-chart.js'
import { evaluateTargets, LOADED_RSS_REQUESTS, MILLION_CHUNKS, SCALE_TARGET_CHUNKS } from '../bench/evaluate-targets.js'
import { fitGrowthExponent } from '../bench/fit-growth-exponent.js'
import { formatBenchReport } from '../bench/format-bench-report.js'
import type { PeerCorpusSpec } from '../bench/load-peer-corpus.js'
import { measureHttpLatency, readTimingsField, type HttpLatency } from '../bench/measure-http-latency.js'
import { measureIndexBuild } from '../bench/measure-index-build.js'
import type { PeerMeasurement } from '../bench/measure-peer.js'
import { measureRetrieval } from '../bench/measure-retrieval.js'
import type { ScalePointOptions, ScalePointResult } from '../bench/measure-scale-point.js'
import { measureThroughput } from '../bench/measure-throughput.js'
import type { MemoryStage } from '../bench/memory-stage.js'
import { readProcessMemory } from '../bench/read-process-memory.js'
import { renderLogLogChart } from '../bench/render-log-log-chart.js'
import { sendHttpRequest, type BenchRequest } from '../bench/send-http-request.js'
import { startServerProcess, type ServerProcess } from '../bench/start-server-process.js'
import { medianOf, summarizeSamples } from '../bench/summarize-samples.js'
import { timeProcessRun } from '../bench/time-process-run.js'
import { bundleServer } from '../build/bundle-server.js'
import { createEmbeddings } from '../config/create-index-location.js'
import { loadConfig } from '../config/load-config.js'
import { loadQuestionSet, type Question } from '../eval/question-set.js'
import { saveIndex } from '../index/save-index.js'
import { PROJECT_DIRECTORY } from '../project-directory.js'
import { HybridRetriever } from '../retrieve/hybrid-retriever.js'
import { loadSources } from '../source/load-sources.js'
import { VECTOR_STORE_FILES } from '../vector-store/hnsw-vector-store.js'

const USAGE = `Usage: npm run bench -- [--quick] [--million] [--scale-only] [--arcd FILE] [--json FILE] [--out DIR]

Measures, on 127.0.0.1: the index build and retrieval against raw hnswlib; the compiled server
(node dist/main.js): cold start and its stages, memory idle and after load, /api/ask latency and
throughput with the answer cache on (repeated questions) and off (distinct ones) against a bare Hono
route; the memory of each start-up stage; Orama and LangChain's MemoryVectorStore beside sanad's
retrieval on the same corpora; a scale curve on synthetic corpora. Then judges the targets of issue 16.

  --quick       a CI-sized run: fewer samples, shorter loads, scale points 1k and 10k only
  --million     add the 1M-chunk scale point to a full run (an hour or more, and several GiB)
  --scale-only  measure the article index and the scale curve only (no servers, memory stages or peers)
  --arcd FILE   ARCD's training split for the peer comparison (default ../shared/datasets/arcd/arcd-train.json)
  --json FILE   also write the report as JSON to FILE
  --out DIR     where report.json and scale.svg go (default bench-out/)
  --help        show this text`

const ARTICLE_SOURCES = join(PROJECT_DIRECTORY, 'index', 'sources')
const DEFAULT_ARCD = join(PROJECT_DIRECTORY, '..', 'shared', 'datasets', 'arcd', 'arcd-train.json')
// The bench's own child processes, bundled the way the server is.
const BENCH_BUNDLE_DIRECTORY = join(PROJECT_DIRECTORY, 'dist', 'bench')
const BENCH_CHILDREN = {
  'serve-bare-hono': 'src/bench/child/serve-bare-hono.ts',
  'measure-memory-stages': 'src/bench/child/measure-memory-stages.ts',
  'run-peer': 'src/bench/child/run-peer.ts',
  'measure-answer-path': 'src/bench/child/measure-answer-path.ts',
}
const childCommand = (name: keyof typeof BENCH_CHILDREN, ...flags: string[]) => [process.execPath, ...flags, join(BENCH_BUNDLE_DIRECTORY, `${name}.js`)]
// Scale points build under tsx: the build dominates, and the child needs no bundle of its own.
const SCALE_CHILD_COMMAND = [process.execPath, '--expose-gc', '--import', 'tsx', 'src/bench/child/run-scale-point.ts']
const CONNECTIONS = 50
const SCALE_SEED = 20140907
// From this size on, the scale child and the server get a larger heap.
const LARGE_SCALE_CHUNKS = 500_000
const LARGE_SCALE_HEAP_MIB = 14_000

/** How much each part of the bench samples; every loop is bounded by a count and a time budget. */
const PLANS = {
  quick: {
    buildRuns: 5,
    retrievalSamples: 1000,
    coldStarts: 5,
    askSamples: 200,
    askWarmup: 1000,
    throughputSeconds: 3,
    warmupSeconds: 1,
    loadRequests: 4_000,
    memoryRounds: [1, 200],
    peerSamples: 300,
    unseenQuestions: 200,
    peerSyntheticChunks: 2_000,
    scaleChunks: [1_000, 10_000],
    scaleSamples: 300,
    scaleAskSamples: 100,
  },
  full: {
    buildRuns: 15,
    retrievalSamples: 3000,
    coldStarts: 10,
    askSamples: 500,
    askWarmup: 1000,
    throughputSeconds: 10,
    warmupSeconds: 2,
    loadRequests: LOADED_RSS_REQUESTS,
    memoryRounds: [1, 200, 2000],
    peerSamples: 1000,
    unseenQuestions: 670,
    peerSyntheticChunks: 20_000,
    scaleChunks: [1_000, 10_000, SCALE_TARGET_CHUNKS],
    scaleSamples: 1000,
    scaleAskSamples: 200,
  },
} as const
type Plan = { -readonly [Key in keyof (typeof PLANS)['full']]: (typeof PLANS)['full'][Key] extends readonly number[] ? number[] : number }

type Progress = (message: string) => void

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        million: { type: 'boolean', default: false },
        'scale-only': { type: 'boolean', default: false },
        arcd: { type: 'string' },
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
  const plan: Plan = { ...PLANS[mode], memoryRounds: [...PLANS[mode].memoryRounds], scaleChunks: [...PLANS[mode].scaleChunks] }
  if (values.million && mode === 'full') plan.scaleChunks.push(MILLION_CHUNKS)
  const arcdPath = resolve(values.arcd ?? DEFAULT_ARCD)
  const outDirectory = resolve(values.out)
  const loadAverageAtStart = loadavg()[0]!
  const scratch = await mkdtemp(join(tmpdir(), 'sanad-bench-'))
  const errors: string[] = []
  const progress: Progress = (message) => process.stderr.write(`[bench] ${message}\n`)
  const attempt = async <T>(part: string, work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work()
    } catch (error) {
      errors.push(`${part}: ${describeError(error)}`)
      return null
    }
  }

  try {
    progress('bundling the server and the bench children')
    await bundleServer({ projectDirectory: PROJECT_DIRECTORY })
    await bundleServer({ projectDirectory: PROJECT_DIRECTORY, outDirectory: BENCH_BUNDLE_DIRECTORY, entryPoints: BENCH_CHILDREN })

    // The server as `npm start` runs it (its Node flags included), on the defaults rather than this shell's environment.
    serverCommand = await readStartCommand()
    const config = loadConfig({})
    const embeddings = createEmbeddings(config)
    const chunker = { maxCharacters: config.CHUNK_MAX_CHARACTERS, overlapSentences: config.CHUNK_OVERLAP_SENTENCES }
    const questionSet = await loadQuestionSet()
    const questions = arabicQuestions(questionSet)

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

    const environment = serverEnvironment(articleIndexDirectory, ARTICLE_SOURCES)
    // --scale-only leaves out everything between the article's retrieval and the scale curve.
    const whole = !values['scale-only']
    const startup = whole ? await attempt('startup', () => measureStartup(plan, environment, questionSet, progress)) : null
    const server = whole ? await attempt('server', () => measureServer(plan, environment, questionSet, progress)) : null
    if (whole) progress('memory of each stage, article')
    const memoryStages = whole
      ? ((await attempt('memory stages', () => measureMemoryStages(scratch, articleIndexDirectory, ARTICLE_SOURCES, questions, plan.memoryRounds))) ?? [])
      : []
    if (whole && existsSync(arcdPath)) progress('the answer path on questions never seen (ARCD, each asked once)')
    const unseen = whole && existsSync(arcdPath) ? await attempt('answer path on unseen questions', () => measureAnswerPath(scratch, arcdPath, plan.unseenQuestions)) : null

    const peerCorpora: PeerCorpusSpec[] = [
      { name: 'article', sourcesDirectory: ARTICLE_SOURCES },
      ...(existsSync(arcdPath) ? [{ name: 'arcd' as const, path: arcdPath }] : []),
      { name: 'synthetic', sourcesDirectory: ARTICLE_SOURCES, targetChunks: plan.peerSyntheticChunks, seed: SCALE_SEED },
    ]
    if (whole && !existsSync(arcdPath)) errors.push(`peers: no ARCD file at ${arcdPath} (pass --arcd FILE); compared on the article and synthetic news only`)
    const peers: PeerMeasurement[] = []
    for (const corpus of whole ? peerCorpora : []) {
      for (const system of ['sanad', 'orama', 'langchain'] as const) {
        progress(`peer ${system} on ${corpus.name}`)
        const measured = await attempt(`peer ${system} on ${corpus.name}`, () => measurePeerInChild(scratch, { system, corpus, chunker, dimensions: config.EMBEDDING_DIMENSIONS, samples: plan.peerSamples, warmup: 50, budgetMs: 120_000 }))
        if (measured) peers.push(measured)
      }
    }

    const scale: ScaleFigures[] = []
    for (const targetChunks of plan.scaleChunks) {
      progress(`scale point ${targetChunks.toLocaleString('en-US')} chunks`)
      const point = await attempt(`scale ${targetChunks}`, () => measureScale(plan, targetChunks, scratch, chunker, config.TOP_K, questions, targetChunks === plan.scaleChunks.at(-1)))
      if (point) scale.push(point)
    }

    const { counts } = build.index.manifest
    const growth = (read: (point: ScaleFigures) => number | null | undefined) =>
      fitGrowthExponent(scale.flatMap((point) => {
        const y = read(point)
        return y === null || y === undefined ? [] : [{ x: point.chunks, y }]
      }))
    const loadedRuns = server ? [server.cached.load, server.uncached.load] : []
    const loaded = loadedRuns.length > 0 ? loadedRuns.reduce((worst, run) => (run.rssBytes > worst.rssBytes ? run : worst)) : null
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
      startup,
      server,
      memoryStages,
      unseen,
      peers,
      scale,
      growthExponents: {
        'build time': growth((point) => point.buildMs),
        'index on disk': growth((point) => point.indexBytes),
        'retrieval p50': growth((point) => point.retrieval.retrieval.p50),
        'retrieval p99': growth((point) => point.retrieval.retrieval.p99),
        'raw hnswlib p50': growth((point) => point.retrieval.rawVectorSearch.p50),
        'BM25 p50': growth((point) => point.retrieval.lexicalSearch.p50),
        'server RSS': growth((point) => point.server?.rssBytes),
      },
      targets: evaluateTargets({
        coldStartMs: startup?.coldStart.p50 ?? null,
        idleRssBytes: server?.cached.idleRssBytes ?? null,
        loadedRss: loaded ? { bytes: loaded.rssBytes, requests: loaded.requests } : null,
        distinctAskRatio: server?.distinctAskRatio ?? null,
        repeatedAskRatio: server?.repeatedAskRatio ?? null,
        answererMs: server?.uncached.ask.serverMs.total?.p50 ?? null,
        retrievalRatio: retrieval.ratio,
        articleBuildMs: build.totalMs.p50,
        scale: scale.map((point) => ({ targetChunks: point.targetChunks, retrievalP50Ms: point.retrieval.retrieval.p50, serverRssBytes: point.server?.rssBytes ?? null })),
        articleGuideMs: build.stagesMs.guide,
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
    if (errors.some((error) => !error.startsWith('peers: no ARCD'))) process.exitCode = 1
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

// Arabic questions without history: what one /api/ask request carries.
function arabicQuestions(questionSet: readonly Question[]): string[] {
  const questions = questionSet.filter((question) => question.language === 'ar' && !question.history?.length)
  if (questions.length === 0) throw new Error('the question set has no Arabic questions without history')
  return questions.map((question) => question.question)
}

function askRequests(questions: readonly string[]): BenchRequest[] {
  return questions.map((question) => ({ method: 'POST', path: '/api/ask', body: JSON.stringify({ question }) }))
}

// Every question of the set as the UI would send it: Arabic and English, follow-ups with their history.
function questionSetRequests(questionSet: readonly Question[]): BenchRequest[] {
  return questionSet.map((question) => ({
    method: 'POST',
    path: '/api/ask',
    body: JSON.stringify({ question: question.question, ...(question.history?.length ? { history: question.history } : {}) }),
  }))
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

let serverCommand: string[] = [process.execPath, 'dist/main.js']

// package.json's start script, with `node` as this Node: the bench runs what `npm start` runs, without npm in between.
async function readStartCommand(): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(join(PROJECT_DIRECTORY, 'package.json'), 'utf8')) as { scripts: { start: string } }
  const [program, ...args] = scripts.start.trim().split(/\s+/)
  if (program !== 'node') throw new Error(`npm start runs ${program}, not node`)
  return [process.execPath, ...args]
}

function startServer(environment: Record<string, string>, options: { captureStdout?: boolean; command?: readonly string[]; readyPath?: string; timeoutMs?: number } = {}): Promise<ServerProcess> {
  return startServerProcess({
    command: options.command ?? serverCommand,
    cwd: PROJECT_DIRECTORY,
    environment,
    readyPath: options.readyPath ?? '/api/health',
    timeoutMs: options.timeoutMs ?? 60_000,
    captureStdout: options.captureStdout ?? false,
  })
}

// The `startupMs` field of the server's "listening" log line.
function readStartupStages(log: string): Record<string, number> | null {
  for (const line of log.split('\n')) {
    if (!line.includes('"message":"listening"')) continue
    try {
      return (JSON.parse(line) as { startupMs?: Record<string, number> }).startupMs ?? null
    } catch {
      return null
    }
  }
  return null
}

async function measureStartup(plan: Plan, environment: Record<string, string>, questionSet: readonly Question[], progress: Progress): Promise<StartupFigures> {
  progress(`cold start × ${plan.coldStarts}`)
  const coldStarts: number[] = []
  const nodeBoots: number[] = []
  const stages: Record<string, number>[] = []
  for (let run = 0; run < plan.coldStarts; run++) {
    await withServer(startServer(environment, { captureStdout: true }), async (server) => {
      coldStarts.push(server.readyMs)
      const logged = readStartupStages(server.stdoutTail())
      if (logged) stages.push(logged)
    })
    nodeBoots.push(await timeProcessRun([process.execPath, '-e', ''], { cwd: PROJECT_DIRECTORY, timeoutMs: 60_000 }))
  }
  const stagesMs = Object.fromEntries(Object.keys(stages[0] ?? {}).map((stage) => [stage, medianOf(stages.map((logged) => logged[stage] ?? 0))]))

  progress('deferred parts: first use against the next')
  const english = questionSet.find((question) => question.language === 'en' && !question.history?.length)
  const probes: { name: string; request: BenchRequest }[] = [
    { name: 'GET /openapi.json (builds the OpenAPI document)', request: { method: 'GET', path: '/openapi.json' } },
    { name: 'GET /docs/assets/swagger-ui-bundle.js (Swagger UI)', request: { method: 'GET', path: '/docs/assets/swagger-ui-bundle.js' } },
    ...(english ? [{ name: 'an English question (parses the dictionary)', request: askRequests([english.question])[0]! }] : []),
    { name: 'an Arabic question (first answer)', request: askRequests([arabicQuestions(questionSet)[0]!])[0]! },
  ]
  // The cache off, so the second question is answered again rather than served from memory.
  const deferred = await withServer(startServer({ ...environment, ANSWER_CACHE_BYTES: '0' }), async (server) => {
    const timed = async (request: BenchRequest) => {
      const started = performance.now()
      const response = await sendHttpRequest(server.baseUrl, request, { timeoutMs: 30_000 })
      if (response.status !== 200) throw new Error(`${request.method} ${request.path} answered ${response.status}`)
      return performance.now() - started
    }
    const measured: StartupFigures['deferred'] = []
    for (const probe of probes) measured.push({ name: probe.name, firstMs: await timed(probe.request), nextMs: await timed(probe.request) })
    return measured
  })
  return { command: serverCommand.slice(1).join(' '), coldStart: summarizeSamples(coldStarts), nodeBoot: summarizeSamples(nodeBoots), stagesMs, deferred }
}

async function measureServer(plan: Plan, environment: Record<string, string>, questionSet: readonly Question[], progress: Progress): Promise<ServerFigures> {
  const questions = arabicQuestions(questionSet)
  const throughputOf = (baseUrl: string, requests: BenchRequest[]) =>
    measureThroughput({ baseUrl, requests, connections: CONNECTIONS, durationSeconds: plan.throughputSeconds, warmupSeconds: plan.warmupSeconds })

  progress('bare Hono throughput')
  const bareHono = await withServer(startServer({ PATH: process.env.PATH ?? '' }, { command: childCommand('serve-bare-hono'), readyPath: '/' }), (server) =>
    throughputOf(server.baseUrl, [{ method: 'GET', path: '/' }]),
  )

  const run = async (setting: string, extra: Record<string, string>, throughputs: (baseUrl: string) => Promise<ServerRun['throughput']>): Promise<ServerRun> =>
    withServer(startServer({ ...environment, ...extra }), async (server) => {
      // A moment to settle after the readiness probe, then the memory of a server nobody has asked anything.
      await new Promise((settle) => setTimeout(settle, 500))
      const idleRssBytes = (await readProcessMemory(server.pid)).rssBytes
      progress(`${setting}: /api/ask × ${plan.askSamples}, concurrency 1`)
      const ask: HttpLatency = await measureHttpLatency({
        baseUrl: server.baseUrl,
        requests: askRequests(questions),
        samples: plan.askSamples,
        // V8 optimizes the answer path over its first few hundred questions (CPU p50 per question: ~0.9 ms
        // over requests 50–250, ~0.55 ms after 1,000): the steady state is what a serving replica pays.
        warmup: plan.askWarmup,
        budgetMs: 120_000,
        readServerTimings: readTimingsField,
      })
      progress(`${setting}: throughput`)
      const throughput = await throughputs(server.baseUrl)
      progress(`${setting}: ${plan.loadRequests.toLocaleString('en-US')} requests over the whole question set`)
      const loaded = await measureThroughput({ baseUrl: server.baseUrl, requests: questionSetRequests(questionSet), connections: CONNECTIONS, durationSeconds: 0, warmupSeconds: 0, amount: plan.loadRequests })
      const memory = await readProcessMemory(server.pid)
      return { setting, idleRssBytes, ask, throughput, load: { requests: loaded.completed, non2xx: loaded.non2xx + loaded.errors, rssBytes: memory.rssBytes, peakRssBytes: memory.peakRssBytes } }
    })

  const cached = await run('answer cache on (default)', {}, async (baseUrl) => ({
    'GET /api/health': await throughputOf(baseUrl, [{ method: 'GET', path: '/api/health' }]),
    'POST /api/ask, repeated questions (cache hits)': await throughputOf(baseUrl, askRequests(questions)),
  }))
  const uncached = await run('answer cache off', { ANSWER_CACHE_BYTES: '0' }, async (baseUrl) => ({
    'POST /api/ask, distinct questions': await throughputOf(baseUrl, askRequests(questions)),
    'POST /v1/chat/completions': await throughputOf(baseUrl, chatCompletionRequests(questions)),
  }))
  const ratio = (figures: { requestsPerSecond: number } | undefined) => (figures ? figures.requestsPerSecond / bareHono.requestsPerSecond : Number.NaN)
  return {
    bareHono,
    cached,
    uncached,
    connections: CONNECTIONS,
    distinctAskRatio: ratio(uncached.throughput['POST /api/ask, distinct questions']),
    repeatedAskRatio: ratio(cached.throughput['POST /api/ask, repeated questions (cache hits)']),
    chatCompletionsRatio: ratio(uncached.throughput['POST /v1/chat/completions']),
  }
}

async function measureMemoryStages(scratch: string, indexDirectory: string, sourcesDirectory: string, questions: readonly string[], rounds: readonly number[], nodeFlags: readonly string[] = []): Promise<MemoryStage[]> {
  const resultPath = join(scratch, `memory-stages-${Date.now()}.json`)
  const options = { indexDirectory, sourcesDirectory, questions, rounds, answerCacheBytes: 0 }
  await runChild([...childCommand('measure-memory-stages', '--expose-gc', ...nodeFlags), JSON.stringify(options), resultPath], 60 * 60_000)
  return JSON.parse(await readFile(resultPath, 'utf8')) as MemoryStage[]
}

async function measureAnswerPath(scratch: string, arcdPath: string, questions: number): Promise<AnswerPathFigures> {
  const resultPath = join(scratch, `answer-path-${Date.now()}.json`)
  await runChild([...childCommand('measure-answer-path'), JSON.stringify({ arcdPath, questions }), resultPath], 30 * 60_000)
  return JSON.parse(await readFile(resultPath, 'utf8')) as AnswerPathFigures
}

async function measurePeerInChild(scratch: string, options: Record<string, unknown>): Promise<PeerMeasurement> {
  const resultPath = join(scratch, `peer-${Date.now()}.json`)
  await runChild([...childCommand('run-peer', '--expose-gc'), JSON.stringify(options), resultPath], 60 * 60_000)
  return JSON.parse(await readFile(resultPath, 'utf8')) as PeerMeasurement
}

async function measureScale(
  plan: Plan,
  targetChunks: number,
  scratch: string,
  chunker: ScalePointOptions['chunker'],
  topK: number,
  questions: string[],
  isLargest: boolean,
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
    // A million chunks need more than V8's default heap (about 4 GiB), in the build and in the server.
    const heapFlags = targetChunks >= LARGE_SCALE_CHUNKS ? [`--max-old-space-size=${LARGE_SCALE_HEAP_MIB}`] : []
    await runChild([SCALE_CHILD_COMMAND[0]!, ...heapFlags, ...SCALE_CHILD_COMMAND.slice(1), JSON.stringify(options), resultPath], 6 * 60 * 60_000)
    const { indexDirectory, sourcesDirectory, ...result } = JSON.parse(await readFile(resultPath, 'utf8')) as ScalePointResult
    // The answer cache off: the questions repeat, and the point is what answering costs at this size.
    const serverEnvironmentAtScale = { ...serverEnvironment(indexDirectory, sourcesDirectory), ANSWER_CACHE_BYTES: '0', ...(heapFlags.length > 0 ? { NODE_OPTIONS: heapFlags.join(' ') } : {}) }
    const server = await withServer(startServer(serverEnvironmentAtScale, { timeoutMs: 60 * 60_000 }), async (running) => {
      const ask: HttpLatency = await measureHttpLatency({
        baseUrl: running.baseUrl,
        requests: askRequests(questions),
        samples: plan.scaleAskSamples,
        warmup: 20,
        budgetMs: 300_000,
        readServerTimings: readTimingsField,
      })
      return { readyMs: running.readyMs, ask, ...(await readProcessMemory(running.pid)) }
    })
    // The stage breakdown where memory matters most: the largest index of the run.
    const memoryStages = isLargest ? await measureMemoryStages(scratch, indexDirectory, sourcesDirectory, questions, [1, 200], heapFlags) : undefined
    return { ...result, server, ...(memoryStages ? { memoryStages } : {}) }
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
  const name = args.find((argument) => argument.endsWith('.ts') || argument.endsWith('.js')) ?? executable
  if (code !== 0) throw new Error(`${name} failed (${signal ?? `exit ${code}`}): ${stderr.trim().slice(-800)}`)
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
