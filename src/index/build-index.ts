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
import { buildSourceGuide } from './guide/build-source-guide.js'
import { INDEX_FORMAT_VERSION, TEXT_PIPELINE_VERSION, type IndexManifest } from './index-manifest.js'
import { SanadIndex } from './sanad-index.js'

/** Build settings. */
export interface BuildIndexOptions {
  chunker: ChunkOptions
  hnsw?: Partial<HnswParameters>
  onProgress?: (stage: string, done: number, total: number) => void
}

/** Per-stage build times in milliseconds. */
export type BuildTimings = Record<'clean' | 'segment' | 'chunk' | 'embed' | 'hnsw' | 'bm25' | 'guide', number>

/** The text a chunk is embedded and lexically indexed as: its section heading, then its sentences. */
export function chunkIndexText(chunk: Chunk, text: string): string {
  const body = text.slice(chunk.start, chunk.end)
  return chunk.section ? `${chunk.section}\n${body}` : body
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

  const sentences: Sentence[] = []
  const chunks: Chunk[] = []
  for (const source of sources) {
    const cleaned = time('clean', () => cleanDocument(source.text))
    const documentSentences = time('segment', () => splitIntoSentences(source.id, source.text, cleaned, sentences.length))
    sentences.push(...documentSentences)
    const headingStarts = cleaned.blocks.flatMap((block) => (block.kind === 'heading' ? [block.start] : []))
    chunks.push(...time('chunk', () => splitIntoChunks(documentSentences, options.chunker, chunks.length, headingStarts)))
  }
  const corpus: CorpusStructure = { documents: sources.map(({ id, title }) => ({ id, title })), sentences, chunks }
  const textById = new Map(sources.map((source) => [source.id, source.text]))
  const indexTexts = chunks.map((chunk) => chunkIndexText(chunk, textById.get(chunk.docId)!))

  let started = performance.now()
  const vectors: number[][] = []
  const batchSize = 256
  for (let offset = 0; offset < indexTexts.length; offset += batchSize) {
    vectors.push(...(await embeddings.embedDocuments(indexTexts.slice(offset, offset + batchSize))))
    options.onProgress?.('embed', Math.min(offset + batchSize, indexTexts.length), indexTexts.length)
  }
  timings.embed = performance.now() - started

  started = performance.now()
  const vectorStore = new HnswVectorStore(embeddings, { parameters: options.hnsw ?? {} })
  await vectorStore.addVectors(
    vectors,
    chunks.map((chunk, label) => new Document({ pageContent: indexTexts[label]!, metadata: { chunkId: chunk.id } })),
  )
  timings.hnsw = performance.now() - started

  const lexical = time('bm25', () => Bm25Index.build(indexTexts.map((text) => contentStems(text))))
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    textPipelineVersion: TEXT_PIPELINE_VERSION,
    sources: sources.map(({ id, path, title, sha256 }) => ({ id, path, title, sha256 })),
    embedder: { id: embeddings.id, dimensions: vectors[0]?.length ?? embeddings.dimensions ?? 0 },
    // Listed field by field so the manifest's bytes do not depend on the caller's key order.
    chunker: { maxCharacters: options.chunker.maxCharacters, overlapSentences: options.chunker.overlapSentences },
    counts: { documents: sources.length, sentences: sentences.length, chunks: chunks.length },
    files: {},
  }
  const draft = new SanadIndex(sources, corpus, vectorStore, lexical, embeddings, manifest)
  const guides = time('guide', () => sources.map((source) => buildSourceGuide(draft, source.id)))
  return { index: new SanadIndex(sources, corpus, vectorStore, lexical, embeddings, manifest, guides), timings }
}
