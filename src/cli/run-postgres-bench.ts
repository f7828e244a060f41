import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { extractSyntheticMaterial } from '../bench/measure-scale-point.js'
import { measurePostgresPoint, type PostgresPointResult } from '../bench/measure-postgres-point.js'
import { createEmbeddings } from '../config/create-index-location.js'
import { loadConfig } from '../config/load-config.js'
import { loadQuestionSet } from '../eval/question-set.js'
import { loadSources } from '../source/load-sources.js'

const USAGE = `Usage: npm run bench:postgres -- [--sizes 10000,100000] [--ef-search 10,20,40,64,100,200] [--hybrid-samples 60] [--json FILE]

Indexes synthetic corpora (recombined from the article) of each size in hnswlib and in PostgreSQL
(PGlite with pgvector, over the wire, on disk), then reports load time, table and index sizes, the
ef_search recall curve of pgvector's HNSW against exact neighbours, and hybrid retrieval p50 in both.`

const PROJECT_DIRECTORY = fileURLToPath(new URL('../..', import.meta.url))
const SEED = 20140907

/** `npm run bench:postgres`: the Postgres index beside hnswlib at 10k and 100k chunks. */
async function runPostgresBench(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { sizes: { type: 'string', default: '10000,100000' }, 'hybrid-samples': { type: 'string', default: '60' }, 'ef-search': { type: 'string', default: '10,20,40,64,100,200' }, json: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const sizes = values.sizes.split(',').map(Number)
  const efSearchValues = values['ef-search'].split(',').map(Number)
  if ([...sizes, ...efSearchValues].some((value) => !Number.isInteger(value) || value <= 0)) throw new Error('--sizes and --ef-search take positive whole numbers')
  const config = loadConfig()
  const embeddings = createEmbeddings(config)
  const material = extractSyntheticMaterial(await loadSources(join(PROJECT_DIRECTORY, 'index', 'sources')))
  const queries = (await loadQuestionSet()).filter((question) => !question.history).map((question) => question.question)
  const progress = (line: string) => process.stderr.write(`${line}\n`)

  const results: PostgresPointResult[] = []
  for (const targetChunks of sizes) {
    progress(`— ${targetChunks} chunks —`)
    const started = performance.now()
    const result = await measurePostgresPoint(
      { targetChunks, seed: SEED, material, chunker: { maxCharacters: config.CHUNK_MAX_CHARACTERS, overlapSentences: config.CHUNK_OVERLAP_SENTENCES }, queries, topK: config.TOP_K, efSearchValues, efSearch: config.HNSW_EF_SEARCH, hybridSamples: Number(values['hybrid-samples']), projectDirectory: PROJECT_DIRECTORY, onProgress: (line) => progress(`  ${line}`) },
      embeddings,
    )
    progress(`  done in ${((performance.now() - started) / 60_000).toFixed(1)} min`)
    results.push(result)
    process.stdout.write(formatPoint(result))
  }
  if (values.json) {
    await mkdir(dirname(resolve(values.json)), { recursive: true })
    await writeFile(values.json, `${JSON.stringify({ embedder: embeddings.id, queries: queries.length, results }, null, 2)}\n`)
  }
}

function formatPoint(result: PostgresPointResult): string {
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const relations = Object.entries(result.relationBytes).sort((left, right) => right[1] - left[1])
  const total = relations.reduce((sum, [, bytes]) => sum + bytes, 0)
  const lines = [
    `${result.chunks} chunks in ${result.documents} documents`,
    `  load into Postgres: ${(result.load.totalMs / 1000).toFixed(1)} s (embed ${(result.load.embedMs / 1000).toFixed(1)} s, rows ${(result.load.writeMs / 1000).toFixed(1)} s, HNSW build ${(result.load.vectorIndexMs / 1000).toFixed(1)} s)`,
    `  Postgres size: ${megabytes(total)} (${relations.map(([name, bytes]) => `${name} ${megabytes(bytes)}`).join(', ')}); PGlite RSS ${megabytes(result.pgliteRssBytes)}`,
    '  ef_search  recall@5  recall@24  dense p50 ms  p99 ms',
    ...result.efSearchCurve.map((point) => `  ${String(point.efSearch).padStart(9)}  ${point.recallAt5.toFixed(3).padStart(8)}  ${point.recallAtCandidates.toFixed(3).padStart(9)}  ${point.latency.p50.toFixed(2).padStart(12)}  ${point.latency.p99.toFixed(2).padStart(6)}`),
    `  hnswlib (ef 64): recall@5 ${result.hnswlib.recallAt5.toFixed(3)}, recall@24 ${result.hnswlib.recallAtCandidates.toFixed(3)}, dense p50 ${result.hnswlib.denseLatency.p50.toFixed(3)} ms`,
    `  a replica on the Postgres index: ready in ${(result.replica.readyMs / 1000).toFixed(1)} s, /api/ask p50 ${result.replica.ask.p50.toFixed(1)} ms (retrieval ${result.replica.retrieveMs?.p50.toFixed(1) ?? '?'} ms), RSS ${megabytes(result.replica.rssBytes)}`,
    `  hybrid retrieval p50: hnswlib ${result.hnswlib.retrieval.p50.toFixed(2)} ms, Postgres (ef_search ${result.postgres.efSearch}) ${result.postgres.retrieval.p50.toFixed(2)} ms; same top 5 for ${(100 * result.postgres.sameTop5AsHnswlib).toFixed(0)}% of queries`,
    '',
  ]
  return `${lines.join('\n')}\n`
}

runPostgresBench().catch((error: unknown) => {
  process.stderr.write(`the Postgres bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
