import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ChunkOptionsSchema } from '../chunk/corpus.js'
import { splitIntoChunks } from '../chunk/split-into-chunks.js'
import { splitIntoSentences } from '../chunk/split-into-sentences.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import { buildIndex, type BuildTimings } from '../index/build-index.js'
import { saveIndex } from '../index/save-index.js'
import { HybridRetriever } from '../retrieve/hybrid-retriever.js'
import { cleanDocument } from '../source/clean-document.js'
import { loadSources } from '../source/load-sources.js'
import type { SourceDocument } from '../source/source-document.js'
import { VECTOR_STORE_FILES } from '../vector-store/hnsw-vector-store.js'
import { generateSyntheticDocuments, type SyntheticMaterial } from './generate-synthetic-documents.js'
import { measureRetrieval, type RetrievalMeasurement } from './measure-retrieval.js'
import { readProcessMemory } from './read-process-memory.js'

/** What one scale point is asked to do; passed to the child process as JSON. */
export const ScalePointOptionsSchema = z.object({
  targetChunks: z.number().int().positive(),
  seed: z.number().int(),
  /** An empty scratch folder: sources go to `sources/`, the index to `index/`. */
  directory: z.string(),
  articleSourcesDirectory: z.string(),
  chunker: ChunkOptionsSchema,
  queries: z.array(z.string()).min(1),
  topK: z.number().int().positive(),
  samples: z.number().int().positive(),
  warmup: z.number().int().min(0),
  budgetMs: z.number().positive(),
})
export type ScalePointOptions = z.infer<typeof ScalePointOptionsSchema>

/** What one scale point measured, in the process that built the index. */
export interface ScalePointResult {
  targetChunks: number
  chunks: number
  documents: number
  sentences: number
  sourceBytes: number
  generateMs: number
  buildMs: number
  stagesMs: BuildTimings
  saveMs: number
  indexBytes: number
  retrieval: RetrievalMeasurement
  /** Peak resident memory of the building process (build, save and queries). */
  buildPeakRssBytes: number
  indexDirectory: string
  sourcesDirectory: string
}

/** The sentences and headings of the article sources: what synthetic documents are recombined from. */
export function extractSyntheticMaterial(sources: readonly SourceDocument[]): SyntheticMaterial {
  const sentences: string[] = []
  const headings: string[] = []
  for (const source of sources) {
    const cleaned = cleanDocument(source.text)
    for (const sentence of splitIntoSentences(source.id, source.text, cleaned)) sentences.push(source.text.slice(sentence.start, sentence.end).trim())
    for (const block of cleaned.blocks) if (block.kind === 'heading') headings.push(source.text.slice(block.start, block.end).trim())
  }
  return { sentences: sentences.filter(Boolean), headings: headings.filter(Boolean) }
}

/**
 * Writes a synthetic corpus of at least `targetChunks` chunks (whole documents, so slightly more), builds
 * and saves its index the way `npm run index` does, and measures retrieval on it.
 */
export async function measureScalePoint(options: ScalePointOptions, embeddings: SanadEmbeddings): Promise<ScalePointResult> {
  const sourcesDirectory = join(options.directory, 'sources')
  const indexDirectory = join(options.directory, 'index')
  await mkdir(sourcesDirectory, { recursive: true })
  await mkdir(indexDirectory, { recursive: true })

  const generateStarted = performance.now()
  const material = extractSyntheticMaterial(await loadSources(options.articleSourcesDirectory))
  let plannedChunks = 0
  // Every document gives at least one chunk, so targetChunks documents always suffice.
  for (const document of generateSyntheticDocuments(material, { seed: options.seed, count: options.targetChunks })) {
    if (plannedChunks >= options.targetChunks) break
    // Cut as buildIndex cuts (sections included), so the count planned is the count built.
    const cleaned = cleanDocument(document.text)
    const headingStarts = cleaned.blocks.flatMap((block) => (block.kind === 'heading' ? [block.start] : []))
    plannedChunks += splitIntoChunks(splitIntoSentences(document.fileName, document.text, cleaned), options.chunker, 0, headingStarts).length
    await writeFile(join(sourcesDirectory, document.fileName), document.text)
  }
  const sources = await loadSources(sourcesDirectory)
  const generateMs = performance.now() - generateStarted

  const buildStarted = performance.now()
  const { index, timings } = await buildIndex(sources, embeddings, { chunker: options.chunker })
  const buildMs = performance.now() - buildStarted
  const saveStarted = performance.now()
  await saveIndex(index, indexDirectory)
  const saveMs = performance.now() - saveStarted

  // The build's garbage goes first (the child runs with --expose-gc), so that retrieval is timed on a heap like a server's.
  ;(globalThis as { gc?: () => void }).gc?.()
  const retrieval = await measureRetrieval({
    index,
    retriever: new HybridRetriever(index, options.topK),
    graphPath: join(indexDirectory, VECTOR_STORE_FILES.graph),
    queries: options.queries,
    topK: options.topK,
    samples: options.samples,
    warmup: options.warmup,
    budgetMs: options.budgetMs,
  })
  const { counts } = index.manifest
  return {
    targetChunks: options.targetChunks,
    chunks: counts.chunks,
    documents: counts.documents,
    sentences: counts.sentences,
    sourceBytes: await sumFileSizes(sourcesDirectory),
    generateMs,
    buildMs,
    stagesMs: timings,
    saveMs,
    indexBytes: await sumFileSizes(indexDirectory),
    retrieval,
    buildPeakRssBytes: (await readProcessMemory(process.pid)).peakRssBytes,
    indexDirectory,
    sourcesDirectory,
  }
}

async function sumFileSizes(directory: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(directory, entry.name))).size
  }
  return total
}
