import { mkdir } from 'node:fs/promises'
import { createIndexLocation } from '../config/create-index-location.js'
import { loadConfig } from '../config/load-config.js'
import { buildIndex } from '../index/build-index.js'
import { saveIndex } from '../index/save-index.js'
import { loadSources } from '../source/load-sources.js'

/** `npm run index`: rebuilds the index from the sources with progress on stderr, then prints its figures. */
async function runBuildIndex(): Promise<void> {
  const started = performance.now()
  const config = loadConfig()
  const location = createIndexLocation(config)
  const progress = (line: string) => process.stderr.write(`${line}\n`)

  progress(`reading sources from ${location.sourcesDirectory}`)
  const sources = await loadSources(location.sourcesDirectory)
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

runBuildIndex().catch((error: unknown) => {
  process.stderr.write(`index build failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
