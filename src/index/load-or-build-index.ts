import { mkdir } from 'node:fs/promises'
import type { ChunkOptions } from '../chunk/corpus.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import { SanadError } from '../errors/sanad-error.js'
import { loadSources } from '../source/load-sources.js'
import { buildIndex, type BuildTimings } from './build-index.js'
import { loadIndex, StaleIndexError } from './load-index.js'
import type { SanadIndex } from './sanad-index.js'
import { saveIndex } from './save-index.js'

/** Where an index lives and how it is built. */
export interface IndexLocation {
  indexDirectory: string
  sourcesDirectory: string
  embeddings: SanadEmbeddings
  chunker: ChunkOptions
}

/** The loaded index, and why it was rebuilt when it was. */
export interface LoadedIndex {
  index: SanadIndex
  rebuildReason: string | null
  buildTimings: BuildTimings | null
}

/** How to treat a stored index. */
export interface LoadOrBuildOptions {
  /** Rebuild even when the stored index is fresh. */
  forceRebuild?: boolean
  /**
   * Never write: a missing, stale or corrupt index is an `index_unavailable` error naming the reason,
   * so replicas sharing one index folder cannot race each other to rebuild it.
   */
  readOnly?: boolean
}

/** Loads the index, or rebuilds and saves it when it is missing, stale or corrupt (unless read-only). */
export async function loadOrBuildIndex(location: IndexLocation, options: LoadOrBuildOptions = {}): Promise<LoadedIndex> {
  if (options.readOnly && options.forceRebuild) throw new SanadError('config_invalid', 'a read-only index cannot be rebuilt')
  const sources = await loadSources(location.sourcesDirectory)
  let rebuildReason = 'a rebuild was asked for'
  if (!options.forceRebuild) {
    try {
      return { index: await loadIndex(location.indexDirectory, sources, location.embeddings, location.chunker), rebuildReason: null, buildTimings: null }
    } catch (error) {
      if (!(error instanceof StaleIndexError)) throw error
      if (options.readOnly) {
        throw new SanadError('index_unavailable', `the index in ${location.indexDirectory} cannot be used (${error.reason}) and INDEX_READ_ONLY forbids rebuilding it: run \`npm run index\``, { cause: error })
      }
      rebuildReason = error.reason
    }
  }
  try {
    const { index, timings } = await buildIndex(sources, location.embeddings, { chunker: location.chunker })
    await mkdir(location.indexDirectory, { recursive: true })
    await saveIndex(index, location.indexDirectory)
    return { index, rebuildReason, buildTimings: timings }
  } catch (cause) {
    if (SanadError.isInstance(cause)) throw cause
    throw new SanadError('index_unavailable', `the index needed a rebuild (${rebuildReason}) and the rebuild failed: ${(cause as Error).message}`, { cause })
  }
}
