import { mkdir } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { createIndexLocation } from '../config/create-index-location.js'
import { loadConfig, type Config } from '../config/load-config.js'
import { buildIndex } from '../index/build-index.js'
import { indexIntoPostgres } from '../index/index-into-postgres.js'
import type { IndexLocation } from '../index/load-or-build-index.js'
import { saveIndex } from '../index/save-index.js'
import { loadSources } from '../source/load-sources.js'
import { PostgresVectorStore } from '../vector-store/postgres-vector-store.js'

const progress = (line: string) => process.stderr.write(`${line}\n`)

/**
 * `npm run index`: rebuilds the index folder from the sources with progress on stderr, then prints its
 * figures. `npm run index -- --target postgres` loads the sources into DATABASE_URL instead, touching
 * only the documents that changed.
 */
async function runBuildIndex(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { target: { type: 'string', default: 'folder' } }, strict: true })
  if (values.target !== 'folder' && values.target !== 'postgres') throw new Error(`--target is folder or postgres, not ${values.target}`)
  const config = loadConfig()
  const location = createIndexLocation(config)
  progress(`reading sources from ${location.sourcesDirectory}`)
  const sources = await loadSources(location.sourcesDirectory)
  if (values.target === 'postgres') await loadIntoPostgres(config, location, sources)
  else await buildFolder(location, sources)
}

async function buildFolder(location: IndexLocation, sources: Awaited<ReturnType<typeof loadSources>>): Promise<void> {
  const started = performance.now()
  progress(`building the index of ${sources.length} document(s) with ${location.embeddings.id}`)
  const { index, timings } = await buildIndex(sources, location.embeddings, {
    chunker: location.chunker,
    onProgress: (stage, done, total) => progress(`  ${stage}: ${done}/${total}`),
  })
  progress(`saving to ${location.indexDirectory}`)
  await mkdir(location.indexDirectory, { recursive: true })
  await saveIndex(index, location.indexDirectory)

  const summary = index.summary()
  const stages = Object.entries(timings).map(([stage, milliseconds]) => `${stage} ${milliseconds.toFixed(1)} ms`).join(', ')
  process.stdout.write(
    [
      `documents:  ${summary.documents}`,
      `sentences:  ${summary.sentences}`,
      `chunks:     ${summary.chunks}`,
      `embedder:   ${summary.embedder}`,
      `dimension:  ${summary.dimensions}`,
      `time:       ${(performance.now() - started).toFixed(0)} ms (${stages})`,
      `index:      ${location.indexDirectory}`,
      '',
    ].join('\n'),
  )
}

async function loadIntoPostgres(config: Config, location: IndexLocation, sources: Awaited<ReturnType<typeof loadSources>>): Promise<void> {
  if (!config.DATABASE_URL) throw new Error('--target postgres needs DATABASE_URL')
  const store = PostgresVectorStore.connect(location.embeddings, { connectionString: config.DATABASE_URL, poolSize: 1, efSearch: config.HNSW_EF_SEARCH })
  try {
    progress(`loading ${sources.length} document(s) into Postgres with ${location.embeddings.id}, in one transaction`)
    const report = await indexIntoPostgres(store, sources, location.embeddings, location.chunker, { onProgress: (line) => progress(`  ${line}`) })
    const list = (ids: string[]) => `${ids.length}${ids.length > 0 && ids.length <= 5 ? ` (${ids.join(', ')})` : ''}`
    const { embed, write, vectorIndex, total } = report.milliseconds
    process.stdout.write(
      [
        `documents:  ${sources.length}`,
        `added:      ${list(report.added)}`,
        `replaced:   ${list(report.replaced)}`,
        `removed:    ${list(report.removed)}`,
        `unchanged:  ${list(report.unchanged)}`,
        `chunks:     ${report.chunkCount} (${report.chunksWritten} written)`,
        `embedder:   ${location.embeddings.id}`,
        `time:       ${total.toFixed(0)} ms (embed ${embed.toFixed(0)} ms, write ${write.toFixed(0)} ms, HNSW build ${vectorIndex.toFixed(0)} ms)`,
        `index:      postgres (schema ${store.schema})${report.rebuildReason ? `, rebuilt: ${report.rebuildReason}` : ''}`,
        '',
      ].join('\n'),
    )
  } finally {
    await store.close()
  }
}

runBuildIndex().catch((error: unknown) => {
  process.stderr.write(`index build failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
