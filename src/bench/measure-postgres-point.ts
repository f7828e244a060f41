import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { ChunkOptions } from '../chunk/corpus.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import { buildIndex, chunkIndexText, segmentDocument } from '../index/build-index.js'
import { indexIntoPostgres } from '../index/index-into-postgres.js'
import { loadPostgresIndex } from '../index/load-postgres-index.js'
import { HybridRetriever } from '../retrieve/hybrid-retriever.js'
import { PostgresHybridRetriever } from '../retrieve/postgres-hybrid-retriever.js'
import { sourceFromText } from '../source/load-sources.js'
import type { SourceDocument } from '../source/source-document.js'
import { HnswVectorStore } from '../vector-store/hnsw-vector-store.js'
import { PostgresVectorStore } from '../vector-store/postgres-vector-store.js'
import { generateSyntheticDocuments, type SyntheticMaterial } from './generate-synthetic-documents.js'
import { measureHttpLatency, readTimingsField } from './measure-http-latency.js'
import { readProcessMemory } from './read-process-memory.js'
import { startPgliteServer } from './start-pglite-server.js'
import { startServerProcess } from './start-server-process.js'
import { summarizeSamples, type SampleSummary } from './summarize-samples.js'

/** One point of the ef_search curve: recall of the dense search against exact cosine neighbours, and its latency. */
export interface EfSearchPoint {
  efSearch: number
  recallAt5: number
  recallAtCandidates: number
  latency: SampleSummary
}

/** What one corpus size measured, for both engines. */
export interface PostgresPointResult {
  targetChunks: number
  chunks: number
  documents: number
  load: { embedMs: number; writeMs: number; vectorIndexMs: number; totalMs: number }
  /** Bytes of each relation in sanad's schema (tables with their TOAST, and indexes). */
  relationBytes: Record<string, number>
  /** Resident memory of the PGlite server process after the load and the queries. */
  pgliteRssBytes: number
  efSearchCurve: EfSearchPoint[]
  hnswlib: { recallAt5: number; recallAtCandidates: number; denseLatency: SampleSummary; retrieval: SampleSummary }
  postgres: { efSearch: number; retrieval: SampleSummary; sameTop5AsHnswlib: number }
  /** A sanad server serving this Postgres index: time to ready (it reads the corpus), /api/ask at concurrency 1, and its memory. */
  replica: { readyMs: number; ask: SampleSummary; retrieveMs: SampleSummary | null; rssBytes: number }
}

/** How one size is measured. */
export interface PostgresPointOptions {
  targetChunks: number
  seed: number
  material: SyntheticMaterial
  chunker: ChunkOptions
  queries: readonly string[]
  topK: number
  efSearchValues: readonly number[]
  /** The ef_search the retriever is configured with for the end-to-end comparison. */
  efSearch: number
  /** How many of the queries time the whole hybrid retrieval (its lexical half is the slow one in Postgres). */
  hybridSamples: number
  /** Where `src/main.ts` is, to start a replica on the loaded index. */
  projectDirectory: string
  onProgress?: (line: string) => void
}

const CANDIDATES = 24

/**
 * Builds a synthetic corpus of about `targetChunks` chunks, indexes it in hnswlib in process and in
 * PostgreSQL (PGlite with pgvector over the wire, data on disk), and measures: load time, relation
 * sizes, the dense search's recall against exact neighbours and its latency at each ef_search, and
 * end-to-end hybrid retrieval latency in both engines.
 */
export async function measurePostgresPoint(options: PostgresPointOptions, embeddings: SanadEmbeddings): Promise<PostgresPointResult> {
  const progress = options.onProgress ?? (() => {})
  const sources: SourceDocument[] = []
  let chunkCount = 0
  for (const document of generateSyntheticDocuments(options.material, { seed: options.seed, count: options.targetChunks })) {
    if (chunkCount >= options.targetChunks) break
    const source = sourceFromText(document.fileName.replace(/\.txt$/, ''), document.text)
    chunkCount += segmentDocument(source, options.chunker).chunks.length
    sources.push(source)
  }
  progress(`${sources.length} synthetic documents, ${chunkCount} chunks`)

  progress('building the hnswlib index in process…')
  let mark = performance.now()
  const { index: folderIndex } = await buildIndex(sources, embeddings, { chunker: options.chunker })
  progress(`  built in ${((performance.now() - mark) / 1000).toFixed(1)} s; computing exact neighbours of ${options.queries.length} queries…`)
  mark = performance.now()
  const hnswStore = folderIndex.vectorStore as HnswVectorStore
  const vectors = await embedChunks(folderIndex.corpus.chunks.map((chunk) => chunkIndexText(chunk, folderIndex.documents.get(chunk.docId)!.text)), embeddings)
  const queryVectors = await Promise.all(options.queries.map((query) => embeddings.embedQuery(query)))
  const exact = queryVectors.map((query) => exactNeighbours(vectors, query, CANDIDATES))
  progress(`  in ${((performance.now() - mark) / 1000).toFixed(1)} s`)

  const dataDirectory = await mkdtemp(join(tmpdir(), 'sanad-pglite-bench-'))
  const server = await startPgliteServer({ dataDirectory, maxConnections: 4 })
  const store = PostgresVectorStore.connect(embeddings, { connectionString: server.url, poolSize: 1, efSearch: options.efSearch })
  const client = new pg.Client({ connectionString: server.url })
  try {
    progress('loading into Postgres…')
    const report = await indexIntoPostgres(store, sources, embeddings, options.chunker, { onProgress: (line) => /HNSW|rebuild/.test(line) && progress(`  ${line}`) })
    progress(`  loaded in ${(report.milliseconds.total / 1000).toFixed(1)} s (HNSW build ${(report.milliseconds.vectorIndex / 1000).toFixed(1)} s)`)
    const relationBytes = await store.measureSize()
    const postgresIndex = await loadPostgresIndex(store, embeddings, options.chunker)
    const firstLabel = new Map<string, number>()
    postgresIndex.corpus.chunks.forEach((chunk, label) => firstLabel.has(chunk.docId) || firstLabel.set(chunk.docId, label))

    await client.connect()
    await client.query('SET hnsw.iterative_scan = relaxed_order')
    const efSearchCurve: EfSearchPoint[] = []
    for (const efSearch of options.efSearchValues) {
      await client.query(`SET hnsw.ef_search = ${Math.trunc(efSearch)}`)
      const latencies: number[] = []
      const found: number[][] = []
      for (const [position, query] of queryVectors.entries()) {
        const started = performance.now()
        const { rows } = await client.query<{ doc_id: string; ordinal: number; distance: number }>(
          `SELECT doc_id, ordinal, embedding <=> $1::vector AS distance FROM ${store.schema}.chunks ORDER BY embedding <=> $1::vector LIMIT ${CANDIDATES}`,
          [`[${query.join(',')}]`],
        )
        if (position > 0) latencies.push(performance.now() - started)
        // Iterative scans return rows in relaxed order; the retriever ranks them by distance, as here.
        found.push(rows.sort((left, right) => left.distance - right.distance).map((row) => firstLabel.get(row.doc_id)! + row.ordinal))
      }
      const point = { efSearch, ...recallOf(found, exact), latency: summarizeSamples(latencies) }
      efSearchCurve.push(point)
      progress(`  ef_search ${efSearch}: recall@5 ${point.recallAt5.toFixed(3)}, recall@${CANDIDATES} ${point.recallAtCandidates.toFixed(3)}, p50 ${point.latency.p50.toFixed(2)} ms`)
    }

    const hnswLatencies: number[] = []
    const hnswFound: number[][] = []
    for (const [position, query] of queryVectors.entries()) {
      const started = performance.now()
      const hits = hnswStore.searchVector(query, CANDIDATES)
      if (position > 0) hnswLatencies.push(performance.now() - started)
      hnswFound.push(hits.map((hit) => hit.label))
    }

    const folderRetriever = new HybridRetriever(folderIndex, options.topK)
    const postgresRetriever = new PostgresHybridRetriever(postgresIndex, options.topK)
    const folderTimes: number[] = []
    const postgresTimes: number[] = []
    let sameTop5 = 0
    const hybridQueries = options.queries.slice(0, options.hybridSamples)
    for (const [position, text] of hybridQueries.entries()) {
      let started = performance.now()
      const fromFolder = await folderRetriever.retrieve({ text, topK: options.topK })
      const folderMs = performance.now() - started
      started = performance.now()
      const fromPostgres = await postgresRetriever.retrieve({ text, topK: options.topK })
      const postgresMs = performance.now() - started
      if (position > 0) {
        folderTimes.push(folderMs)
        postgresTimes.push(postgresMs)
      }
      if (fromFolder.map((hit) => hit.label).join() === fromPostgres.map((hit) => hit.label).join()) sameTop5++
    }
    progress('starting a replica on the Postgres index…')
    const replicaProcess = await startServerProcess({
      command: [process.execPath, '--import', 'tsx', 'src/main.ts'],
      cwd: options.projectDirectory,
      environment: {
        ...(process.env.PATH ? { PATH: process.env.PATH } : {}),
        VECTOR_STORE: 'postgres',
        DATABASE_URL: server.url,
        DATABASE_POOL_SIZE: '1',
        HNSW_EF_SEARCH: String(options.efSearch),
        LOG_LEVEL: 'warn',
      },
      readyPath: '/api/ready',
      timeoutMs: 15 * 60_000,
    })
    let replica: PostgresPointResult['replica']
    try {
      const asked = await measureHttpLatency({
        baseUrl: replicaProcess.baseUrl,
        requests: hybridQueries.map((question) => ({ method: 'POST' as const, path: '/api/ask', body: JSON.stringify({ question }) })),
        samples: hybridQueries.length,
        warmup: 2,
        budgetMs: 5 * 60_000,
        readServerTimings: readTimingsField,
      })
      replica = { readyMs: replicaProcess.readyMs, ask: asked.latency, retrieveMs: asked.serverMs.retrieve ?? null, rssBytes: (await readProcessMemory(replicaProcess.pid)).rssBytes }
      progress(`  ready in ${(replica.readyMs / 1000).toFixed(1)} s, /api/ask p50 ${replica.ask.p50.toFixed(1)} ms, RSS ${(replica.rssBytes / 1024 / 1024).toFixed(0)} MB`)
    } finally {
      await replicaProcess.stop()
    }
    const pgliteRssBytes = (await readProcessMemory(server.pid)).rssBytes
    return {
      targetChunks: options.targetChunks,
      chunks: folderIndex.corpus.chunks.length,
      documents: sources.length,
      load: { embedMs: report.milliseconds.embed, writeMs: report.milliseconds.write, vectorIndexMs: report.milliseconds.vectorIndex, totalMs: report.milliseconds.total },
      relationBytes,
      pgliteRssBytes,
      efSearchCurve,
      hnswlib: { ...recallOf(hnswFound, exact), denseLatency: summarizeSamples(hnswLatencies), retrieval: summarizeSamples(folderTimes) },
      postgres: { efSearch: options.efSearch, retrieval: summarizeSamples(postgresTimes), sameTop5AsHnswlib: sameTop5 / hybridQueries.length },
      replica,
    }
  } finally {
    await client.end().catch(() => undefined)
    await store.close()
    await server.stop()
    await rm(dataDirectory, { recursive: true, force: true })
  }
}

async function embedChunks(texts: readonly string[], embeddings: SanadEmbeddings): Promise<Float32Array[]> {
  const vectors: Float32Array[] = []
  for (let offset = 0; offset < texts.length; offset += 512) {
    for (const vector of await embeddings.embedDocuments(texts.slice(offset, offset + 512))) vectors.push(normalize(vector))
  }
  return vectors
}

function normalize(vector: readonly number[]): Float32Array {
  const result = Float32Array.from(vector)
  let norm = 0
  for (const value of result) norm += value * value
  norm = Math.sqrt(norm) || 1
  for (let position = 0; position < result.length; position++) result[position]! /= norm
  return result
}

// The labels of the k vectors most similar to the query by cosine, computed exhaustively.
function exactNeighbours(vectors: readonly Float32Array[], query: readonly number[], k: number): number[] {
  const normalized = normalize(query)
  const scored = vectors.map((vector, label) => {
    let dot = 0
    for (let position = 0; position < vector.length; position++) dot += vector[position]! * normalized[position]!
    return { label, dot }
  })
  scored.sort((left, right) => right.dot - left.dot || left.label - right.label)
  return scored.slice(0, k).map((entry) => entry.label)
}

// Mean share of the exact top 5 (and top `CANDIDATES`) that a search found among its first 5 (and `CANDIDATES`).
function recallOf(found: readonly number[][], exact: readonly number[][]): { recallAt5: number; recallAtCandidates: number } {
  let at5 = 0
  let atCandidates = 0
  found.forEach((labels, position) => {
    const truth = exact[position]!
    const top5 = new Set(labels.slice(0, 5))
    at5 += truth.slice(0, 5).filter((label) => top5.has(label)).length / Math.min(5, truth.length)
    const all = new Set(labels)
    atCandidates += truth.filter((label) => all.has(label)).length / truth.length
  })
  return { recallAt5: at5 / found.length, recallAtCandidates: atCandidates / found.length }
}
