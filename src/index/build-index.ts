import { Document } from '@langchain/core/documents'
import type { ChunkOptions, CorpusStructure, Sentence, Chunk } from '../chunk/corpus.js'
import { splitIntoChunks } from '../chunk/split-into-chunks.js'
import { splitIntoSentences } from '../chunk/split-into-sentences.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import { Bm25Index } from '../lexical/bm25-index.js'
import { cleanDocument } from '../source/clean-document.js'
import type { SourceDocument } from '../source/source-document.js'
import { contentStems } from '../text/tokenize.js'
import { HnswVectorStore, type HnswParameters } from '../vector-store/hnsw-vector-store.js'
import { findDocumentsWithInstructions } from './find-documents-with-instructions.js'
import { buildSourceGuide } from './guide/build-source-guide.js'
import { INDEX_FORMAT_VERSION, TEXT_PIPELINE_VERSION, type IndexManifest } from './index-manifest.js'
import { SanadIndex } from './sanad-index.js'

/** Build settings. */
export interface BuildIndexOptions {
  chunker: ChunkOptions
  hnsw?: Partial<HnswParameters>
  onProgress?: (stage: string, done: number, total: number) => void
}

const DERIVED_DOCUMENT = new Document({ pageContent: '', metadata: {} })

/** Per-stage build times in milliseconds. */
export type BuildTimings = Record<'clean' | 'segment' | 'chunk' | 'embed' | 'hnsw' | 'bm25' | 'guide', number>

/** The text a chunk is embedded and lexically indexed as: its section heading, then its sentences. */
export function chunkIndexText(chunk: Chunk, text: string): string {
  const body = text.slice(chunk.start, chunk.end)
  return chunk.section ? `${chunk.section}\n${body}` : body
}

/**
 * The LangChain document of each chunk label, derived on demand from the corpus and the sources: the
 * vector store of an index keeps no second copy of the chunk texts.
 */
export function createChunkDocuments(corpus: CorpusStructure, textById: ReadonlyMap<string, string>): (label: number) => Document {
  return (label) => {
    const chunk = corpus.chunks[label]
    if (!chunk) throw new RangeError(`no chunk ${label}`)
    return new Document({ pageContent: chunkIndexText(chunk, textById.get(chunk.docId) ?? ''), metadata: { chunkId: chunk.id } })
  }
}

/**
 * Cleans one source and cuts it into sentences and chunks; ids continue from the given offsets (zero:
 * ids local to the document). `time` measures each stage.
 */
export function segmentDocument(
  source: SourceDocument,
  chunker: ChunkOptions,
  offsets: { firstSentenceId: number; firstChunkIndex: number } = { firstSentenceId: 0, firstChunkIndex: 0 },
  time: <T>(stage: 'clean' | 'segment' | 'chunk', work: () => T) => T = (_, work) => work(),
): { sentences: Sentence[]; chunks: Chunk[] } {
  const cleaned = time('clean', () => cleanDocument(source.text))
  const sentences = time('segment', () => splitIntoSentences(source.id, source.text, cleaned, offsets.firstSentenceId))
  const headingStarts = cleaned.blocks.flatMap((block) => (block.kind === 'heading' ? [block.start] : []))
  const chunks = time('chunk', () => splitIntoChunks(sentences, chunker, offsets.firstChunkIndex, headingStarts))
  return { sentences, chunks }
}

/**
 * Cleans, segments and chunks sources: the sentences and chunks of the corpus, numbered across all
 * sources in order. `time` runs each stage and may time it.
 */
export function splitSourcesIntoChunks(
  sources: readonly SourceDocument[],
  chunker: ChunkOptions,
  time: <T>(stage: 'clean' | 'segment' | 'chunk', work: () => T) => T = (_stage, work) => work(),
): { sentences: Sentence[]; chunks: Chunk[] } {
  const sentences: Sentence[] = []
  const chunks: Chunk[] = []
  for (const source of sources) {
    const segmented = segmentDocument(source, chunker, { firstSentenceId: sentences.length, firstChunkIndex: chunks.length }, time)
    for (const sentence of segmented.sentences) sentences.push(sentence)
    for (const chunk of segmented.chunks) chunks.push(chunk)
  }
  return { sentences, chunks }
}

/** Cleans, segments, chunks, embeds and indexes sources in memory; files are written by `saveIndex`. */
export async function buildIndex(
  sources: readonly SourceDocument[],
  embeddings: SanadEmbeddings,
  options: BuildIndexOptions,
): Promise<{ index: SanadIndex; timings: BuildTimings }> {
  const timings: BuildTimings = { clean: 0, segment: 0, chunk: 0, embed: 0, hnsw: 0, bm25: 0, guide: 0 }
  const time = <T>(stage: keyof BuildTimings, work: () => T): T => {
    const started = performance.now()
    const result = work()
    timings[stage] += performance.now() - started
    return result
  }

  const { sentences, chunks } = splitSourcesIntoChunks(sources, options.chunker, time)
  const corpus: CorpusStructure = { documents: sources.map(({ id, title }) => ({ id, title })), sentences, chunks }
  const textById = new Map(sources.map((source) => [source.id, source.text]))
  const indexTextOf = (label: number) => chunkIndexText(chunks[label]!, textById.get(chunks[label]!.docId)!)

  // Embedded and inserted a batch at a time: the vectors of a large corpus are never all held as arrays of numbers.
  const vectorStore = new HnswVectorStore(embeddings, { parameters: options.hnsw ?? {}, capacity: chunks.length, documentOf: createChunkDocuments(corpus, textById) })
  let dimensions = embeddings.dimensions ?? 0
  const batchSize = 256
  for (let offset = 0; offset < chunks.length; offset += batchSize) {
    const labels = Array.from({ length: Math.min(batchSize, chunks.length - offset) }, (_, position) => offset + position)
    let started = performance.now()
    const vectors = await embeddings.embedDocuments(labels.map(indexTextOf))
    timings.embed += performance.now() - started
    dimensions = vectors[0]?.length ?? dimensions
    started = performance.now()
    // The store derives its documents (documentOf), so the ones passed here are only counted.
    await vectorStore.addVectors(vectors, labels.map(() => DERIVED_DOCUMENT))
    timings.hnsw += performance.now() - started
    options.onProgress?.('embed', offset + labels.length, chunks.length)
  }

  // One chunk's stems at a time, so only the index's compact postings outlive the loop.
  const lexical = time('bm25', () => Bm25Index.build((function* () {
    for (let label = 0; label < chunks.length; label++) yield contentStems(indexTextOf(label))
  })()))
  const withInstructions = findDocumentsWithInstructions(sentences, textById)
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    textPipelineVersion: TEXT_PIPELINE_VERSION,
    sources: sources.map(({ id, path, title, sha256 }) => ({ id, path, title, sha256, carriesInstructions: withInstructions.has(id) })),
    embedder: { id: embeddings.id, dimensions },
    // Listed field by field so the manifest's bytes do not depend on the caller's key order.
    chunker: { maxCharacters: options.chunker.maxCharacters, overlapSentences: options.chunker.overlapSentences },
    counts: { documents: sources.length, sentences: sentences.length, chunks: chunks.length },
    files: {},
  }
  const draft = new SanadIndex(sources, corpus, vectorStore, lexical, embeddings, manifest)
  const guides = time('guide', () => sources.map((source) => buildSourceGuide(draft, source.id)))
  return { index: new SanadIndex(sources, corpus, vectorStore, lexical, embeddings, manifest, guides), timings }
}
