import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { measureThroughput, type Throughput } from '../bench/measure-throughput.js'
import { readProcessMemory } from '../bench/read-process-memory.js'
import { startPgliteServer, type PgliteServer } from '../bench/start-pglite-server.js'
import { startCluster, type Cluster } from '../cluster/start-cluster.js'
import { findNginx } from '../cluster/find-nginx.js'
import { createIndexLocation } from '../config/create-index-location.js'
import { loadConfig } from '../config/load-config.js'
import { loadQuestionSet } from '../eval/question-set.js'
import { indexIntoPostgres } from '../index/index-into-postgres.js'
import { runMixedLoad } from '../scale/run-mixed-load.js'
import { servePacedModel, type PacedModel } from '../scale/serve-paced-model.js'
import { summarizeScaleRun, type ScaleRunSummary } from '../scale/summarize-scale-run.js'
import { loadSources } from '../source/load-sources.js'
import { PostgresVectorStore } from '../vector-store/postgres-vector-store.js'

const PROJECT_DIRECTORY = fileURLToPath(new URL('../..', import.meta.url))
const REPLICAS = 3
const PACING = { deltas: 8, deltaIntervalMs: 40, wholeDelayMs: 20 }
const MIXED = { workers: 12, durationMs: 24_000, restartAtMs: 6_000 }
const CRASH = { workers: 8, durationMs: 12_000, killAtMs: 4_000 }
const THROUGHPUT = { connections: 12, durationSeconds: 6, warmupSeconds: 1 }
const RATE = { perMinute: 60, burst: 5, requests: 20 }

/**
 * `npm run test:scale`: PostgreSQL (PGlite with pgvector) as the shared index, three read-only replicas
 * of sanad behind nginx, a model stand-in that streams at a model's pace; then a throughput run with
 * one and with three replicas, a mixed load (JSON answers, sanad's SSE and OpenAI streams) during which
 * one replica is stopped (SIGTERM, drained) and restarted, a burst of JSON answers during which one is
 * killed (SIGKILL) and restarted, and a check of nginx's cluster-wide rate limit. Prints the figures
 * and exits 1 unless every check passed. Needs nginx (Debian: apt-get install -y nginx).
 */
async function runScaleTest(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`)
  const checks: { name: string; passed: boolean; detail: string }[] = []
  const check = (name: string, passed: boolean, detail: string) => {
    checks.push({ name, passed, detail })
    say(`  ${passed ? 'ok  ' : 'FAIL'} ${name}: ${detail}`)
  }
  await findNginx()
  // Other work on the machine slows every figure down; say how busy it was.
  say(`machine: ${cpus().length} cores, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} at the start`)
  const directory = await mkdtemp(join(tmpdir(), 'sanad-scale-'))
  let database: PgliteServer | undefined
  let model: PacedModel | undefined
  let cluster: Cluster | undefined
  try {
    say('starting PostgreSQL (PGlite + pgvector) and loading the index…')
    database = await startPgliteServer({ maxConnections: REPLICAS + 1 })
    const location = createIndexLocation(loadConfig({}))
    const loader = PostgresVectorStore.connect(location.embeddings, { connectionString: database.url, poolSize: 1, efSearch: 100 })
    const load = await indexIntoPostgres(loader, await loadSources(location.sourcesDirectory), location.embeddings, location.chunker)
    await loader.close()
    say(`  ${load.chunkCount} chunks in Postgres (${load.milliseconds.total.toFixed(0)} ms)`)

    model = await servePacedModel(PACING)
    const pacingMs = PACING.deltas * PACING.deltaIntervalMs
    say(`starting ${REPLICAS} replicas (VECTOR_STORE=postgres, INDEX_READ_ONLY=true) and nginx…`)
    const started = performance.now()
    cluster = await startCluster({
      replicas: REPLICAS,
      port: 0,
      directory,
      projectDirectory: PROJECT_DIRECTORY,
      environment: {
        ...inheritedEnvironment(),
        VECTOR_STORE: 'postgres',
        DATABASE_URL: database.url,
        // PGlite serves one backend to at most REPLICAS + 1 connections: one per replica.
        DATABASE_POOL_SIZE: '1',
        LLM_BASE_URL: model.url,
        LLM_MODEL: 'paced-model',
        // The mixed load repeats questions: from the answer cache a stream is replayed at once, and the
        // check that nginx does not buffer SSE needs every stream paced by the model.
        ANSWER_CACHE_BYTES: '0',
        LOG_LEVEL: 'info',
      },
      // The load comes from one address; the rate limit is checked on its own at the end.
      ratePerMinute: 6_000_000,
      rateBurst: 100_000,
    })
    say(`  ready in ${((performance.now() - started) / 1000).toFixed(1)} s at ${cluster.url}; files in ${directory}`)
    const replicaNumbers = new Map(cluster.replicas.map((replica) => [`127.0.0.1:${replica.port}`, replica.number]))
    const questions = (await loadQuestionSet()).filter((question) => !question.history && question.language === 'ar').map((question) => question.question)

    say('\nrequest ids')
    const traced = await fetch(`${cluster.url}/api/suggestions`, { headers: { 'x-request-id': 'scale-trace-1' } })
    const replicaLogs = await readReplicaLogs(directory)
    check('a request id passes through nginx to a replica and back', traced.headers.get('x-request-id') === 'scale-trace-1' && replicaLogs.includes('"requestId":"scale-trace-1"'), `X-Request-Id ${traced.headers.get('x-request-id')}`)

    say('\nthroughput, Postgres index (POST /v1/chat/completions, model sanad-extractive, 12 connections)')
    const throughput = await measureReplicaThroughput(cluster, questions, say)
    const memory = await Promise.all(cluster.replicas.map(async (replica) => (await readProcessMemory(replica.process!.pid)).rssBytes))
    say(`  replica memory (RSS): ${memory.map((bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`).join(', ')}`)
    check('1, 2 and 3 replicas answered without errors', throughput.every((result) => result.errors === 0 && result.non2xx === 0), `${describeSpeedUp(throughput)} (PGlite serves every retrieval from one backend)`)

    say(`\nmixed load for ${MIXED.durationMs / 1000} s (${MIXED.workers} clients: /api/ask, /api/chat SSE, OpenAI stream); replica 2 stopped (SIGTERM) and restarted at ${MIXED.restartAtMs / 1000} s`)
    const mixed = await withIncident(cluster, 2, 'SIGTERM', MIXED.restartAtMs, () =>
      runMixedLoad({ url: cluster!.url, kinds: ['ask', 'chat-stream', 'completion-stream'], questions, workers: MIXED.workers, durationMs: MIXED.durationMs, requestIdPrefix: 'mixed', timeoutMs: 30_000 }),
    )
    const mixedSummary = summarizeScaleRun(mixed.records, await readFile(cluster.nginx.accessLogPath, 'utf8'), { requestIdPrefix: 'mixed', replicaNumbers, durationMs: MIXED.durationMs, minimumSpreadMs: pacingMs / 2 })
    say(`  ${mixed.incident}`)
    reportRun(say, mixedSummary)
    say(`  retrieval in Postgres, as the replicas timed it: p50 ${mixedSummary.retrieval.p50Ms.toFixed(1)} ms, p99 ${mixedSummary.retrieval.p99Ms.toFixed(1)} ms`)
    say(`  streams: ${mixedSummary.streams.count}, first event p50 ${mixedSummary.streams.firstEventP50Ms.toFixed(0)} ms, first-to-last event p50 ${mixedSummary.streams.spreadP50Ms.toFixed(0)} ms (the model paces ${pacingMs} ms), ${mixedSummary.streams.arrivalsP50} separate arrivals per stream`)
    check('no request failed while a replica was stopped and restarted', mixedSummary.failed === 0, `${mixedSummary.failed} of ${mixedSummary.requests} failed${mixedSummary.failureSamples.length ? `: ${mixedSummary.failureSamples.join('; ')}` : ''}`)
    check('every replica served a share', [1, 2, 3].every((number) => (mixedSummary.replicaShares[number] ?? 0) > 0.05), formatShares(mixedSummary))
    check('stream events arrived spread out, not buffered', mixedSummary.streams.count > 0 && mixedSummary.streams.spreadOutShare >= 0.9, `${(100 * mixedSummary.streams.spreadOutShare).toFixed(0)}% of streams spread over ≥ ${pacingMs / 2} ms`)

    say(`\ncrash: /api/ask for ${CRASH.durationMs / 1000} s (${CRASH.workers} clients); replica 3 killed (SIGKILL) at ${CRASH.killAtMs / 1000} s and restarted`)
    const crash = await withIncident(cluster, 3, 'SIGKILL', CRASH.killAtMs, () =>
      runMixedLoad({ url: cluster!.url, kinds: ['ask'], questions, workers: CRASH.workers, durationMs: CRASH.durationMs, requestIdPrefix: 'crash', timeoutMs: 30_000 }),
    )
    const crashSummary = summarizeScaleRun(crash.records, await readFile(cluster.nginx.accessLogPath, 'utf8'), { requestIdPrefix: 'crash', replicaNumbers, durationMs: CRASH.durationMs, minimumSpreadMs: 0 })
    say(`  ${crash.incident}`)
    reportRun(say, crashSummary)
    check('no answer failed when a replica crashed (nginx retried the POSTs elsewhere)', crashSummary.failed === 0, `${crashSummary.failed} of ${crashSummary.requests} failed, ${crashSummary.retried} retried${crashSummary.failureSamples.length ? `: ${crashSummary.failureSamples.join('; ')}` : ''}`)

    say(`\ncluster-wide rate limit (nginx limit_req ${RATE.perMinute}/min, burst ${RATE.burst})`)
    await cluster.restartNginx({ ratePerMinute: RATE.perMinute, rateBurst: RATE.burst })
    const statuses: number[] = []
    let problem: { error?: { code?: string } } = {}
    let retryAfter: string | null = null
    for (let attempt = 0; attempt < RATE.requests; attempt++) {
      const response = await fetch(`${cluster.url}/api/suggestions`, { headers: { 'x-request-id': `rate-${attempt}` } })
      statuses.push(response.status)
      if (response.status === 429) {
        problem = (await response.json()) as typeof problem
        retryAfter = response.headers.get('retry-after')
      } else await response.arrayBuffer()
    }
    const allowed = statuses.filter((status) => status === 200).length
    const rateShares = summarizeScaleRun([], await readFile(cluster.nginx.accessLogPath, 'utf8'), { requestIdPrefix: 'rate', replicaNumbers, durationMs: 1, minimumSpreadMs: 0 })
    const servedBy = Object.keys(rateShares.replicaShares).filter((replica) => replica !== 'none')
    check(
      'one budget for the whole cluster, answered as JSON problems',
      allowed >= RATE.burst + 1 && allowed <= RATE.burst + 2 && statuses.every((status) => status === 200 || status === 429) && problem.error?.code === 'rate_limited' && retryAfter !== null,
      `${allowed} of ${RATE.requests} allowed (served by replicas ${servedBy.join(', ')}), then 429 ${problem.error?.code} with Retry-After ${retryAfter}`,
    )

    await cluster.stop()
    say('\nthroughput, hnswlib index folder in every replica (the committed index/, INDEX_READ_ONLY=true)')
    cluster = await startCluster({
      replicas: REPLICAS,
      port: 0,
      directory: join(directory, 'hnswlib'),
      projectDirectory: PROJECT_DIRECTORY,
      environment: { ...inheritedEnvironment(), INDEX_DIR: join(PROJECT_DIRECTORY, 'index'), LOG_LEVEL: 'info' },
      ratePerMinute: 6_000_000,
      rateBurst: 100_000,
    })
    const folderThroughput = await measureReplicaThroughput(cluster, questions, say)
    check('1, 2 and 3 replicas of the folder index answered without errors', folderThroughput.every((result) => result.errors === 0 && result.non2xx === 0), describeSpeedUp(folderThroughput))

    say(`\nload average at the end: ${loadavg().map((load) => load.toFixed(1)).join(' ')}`)
    const failed = checks.filter((item) => !item.passed)
    say(`\nscale test: ${failed.length === 0 ? 'passed' : 'FAILED'} (${checks.length - failed.length} of ${checks.length} checks)`)
    if (failed.length > 0) process.exitCode = 1
  } finally {
    await cluster?.stop()
    await model?.close()
    await database?.stop()
    if (process.exitCode !== 1) await rm(directory, { recursive: true, force: true })
    else say(`logs kept in ${directory}`)
  }
}

// Requests per second through nginx with replica 1 behind it, then 1 and 2, then all three, after a
// warm-up through all three (a replica's first requests run unoptimized code).
async function measureReplicaThroughput(cluster: Cluster, questions: readonly string[], say: (line: string) => void): Promise<Throughput[]> {
  const requests = questions.slice(0, 12).map((question) => ({ method: 'POST' as const, path: '/v1/chat/completions', body: JSON.stringify({ model: 'sanad-extractive', messages: [{ role: 'user', content: question }] }) }))
  await cluster.restartNginx()
  await measureThroughput({ baseUrl: cluster.url, requests, connections: THROUGHPUT.connections, durationSeconds: THROUGHPUT.warmupSeconds * 3, warmupSeconds: 0 })
  const results: Throughput[] = []
  for (const replicas of [[1], [1, 2], [1, 2, 3]]) {
    await cluster.restartNginx({ replicas })
    const result = await measureThroughput({ baseUrl: cluster.url, requests, ...THROUGHPUT })
    results.push(result)
    say(`  ${replicas.length} replica(s): ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, ${result.non2xx} non-2xx, ${result.errors} errors`)
  }
  await cluster.restartNginx()
  return results
}

// Throughput with 2 and 3 replicas as multiples of 1.
function describeSpeedUp(results: readonly Throughput[]): string {
  const [one, two, three] = results.map((result) => result.requestsPerSecond)
  return `×${(two! / one!).toFixed(2)} with 2 replicas, ×${(three! / one!).toFixed(2)} with 3, on ${cpus().length} cores`
}

// Runs the load; meanwhile stops one replica at `atMs` with `signal` and starts it again right away.
async function withIncident<T>(cluster: Cluster, replica: number, signal: 'SIGTERM' | 'SIGKILL', atMs: number, load: () => Promise<T>): Promise<{ records: T; incident: string }> {
  const started = performance.now()
  const incident = (async () => {
    await new Promise((resolve) => setTimeout(resolve, atMs))
    const stopping = performance.now()
    await cluster.stopReplica(replica, signal)
    const stopped = performance.now()
    await cluster.startReplica(replica)
    const back = performance.now()
    const at = (moment: number) => `${((moment - started) / 1000).toFixed(1)} s`
    return `replica ${replica}: ${signal} at ${at(stopping)}, exited at ${at(stopped)}, ready again at ${at(back)}`
  })()
  const records = await load()
  return { records, incident: await incident }
}

function reportRun(say: (line: string) => void, summary: ScaleRunSummary): void {
  const kinds = Object.entries(summary.latency).filter(([, figures]) => figures.count > 0)
  say(`  ${summary.requests} requests, ${summary.failed} failed, ${summary.requestsPerSecond.toFixed(1)} req/s; ${formatShares(summary)}; ${summary.retried} retried by nginx`)
  for (const [kind, figures] of kinds) say(`  ${kind}: ${figures.count} answered, p50 ${figures.p50Ms.toFixed(0)} ms, p99 ${figures.p99Ms.toFixed(0)} ms`)
}

function formatShares(summary: ScaleRunSummary): string {
  return `shares ${Object.entries(summary.replicaShares).map(([replica, share]) => `replica ${replica} ${(100 * share).toFixed(0)}%`).join(', ')}`
}

async function readReplicaLogs(directory: string): Promise<string> {
  const names = (await readdir(directory)).filter((name) => /^replica-\d+\.log$/.test(name))
  return (await Promise.all(names.map((name) => readFile(join(directory, name), 'utf8')))).join('\n')
}

// The replicas need the loader's search path, but none of this process's sanad settings.
function inheritedEnvironment(): Record<string, string> {
  return Object.fromEntries(['PATH', 'HOME', 'TMPDIR'].flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]!]])))
}

runScaleTest().catch((error: unknown) => {
  process.stderr.write(`scale test could not run: ${error instanceof Error ? error.message : String(error)}\n`)
  process.stdout.write('scale test: FAILED (it could not run)\n')
  process.exit(1)
})
