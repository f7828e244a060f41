import type { ChunkOptions } from '../chunk/corpus.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import { buildIndex, type BuildTimings } from '../index/build-index.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { SourceDocument } from '../source/source-document.js'
import { medianOf, summarizeSamples, type SampleSummary } from './summarize-samples.js'

/** Build cost over several in-memory builds: the median of each stage and of the whole. */
export interface IndexBuildMeasurement {
  runs: number
  /** Median milliseconds of each stage, as buildIndex reports them. */
  stagesMs: BuildTimings
  /** Wall time of each whole buildIndex call. */
  totalMs: SampleSummary
  /** The last index built, for measurements that need one. */
  index: SanadIndex
}

/** Builds the index `runs` times (at least once, within `budgetMs` after the first) and keeps the medians. */
export async function measureIndexBuild(options: {
  sources: readonly SourceDocument[]
  embeddings: SanadEmbeddings
  chunker: ChunkOptions
  runs: number
  budgetMs: number
}): Promise<IndexBuildMeasurement> {
  const stageRuns: BuildTimings[] = []
  const totals: number[] = []
  let index: SanadIndex | undefined
  const deadline = performance.now() + options.budgetMs
  for (let run = 0; run < Math.max(options.runs, 1) && (run === 0 || performance.now() < deadline); run++) {
    const started = performance.now()
    const built = await buildIndex(options.sources, options.embeddings, { chunker: options.chunker })
    totals.push(performance.now() - started)
    stageRuns.push(built.timings)
    index = built.index
  }
  const stagesMs = Object.fromEntries(
    Object.keys(stageRuns[0]!).map((stage) => [stage, medianOf(stageRuns.map((timings) => timings[stage as keyof BuildTimings]))]),
  ) as BuildTimings
  return { runs: totals.length, stagesMs, totalMs: summarizeSamples(totals), index: index! }
}
