import type { ChunkOptions } from '../chunk/corpus.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import type { SourceDocument } from '../source/source-document.js'
import type { PostgresVectorStore } from '../vector-store/postgres-vector-store.js'
import { chunkIndexText, segmentDocument } from './build-index.js'
import { POSTGRES_FORMAT_VERSION, PostgresIndexSettingsSchema, TEXT_PIPELINE_VERSION, type PostgresIndexSettings } from './index-manifest.js'
import { describeSettingsMismatch } from './load-index.js'

/** What a load into Postgres did. */
export interface PostgresLoadReport {
  /** Why everything was dropped and rebuilt (other embedder, chunker, text pipeline or format), or null. */
  rebuildReason: string | null
  added: string[]
  replaced: string[]
  removed: string[]
  unchanged: string[]
  /** Chunks written in this load. */
  chunksWritten: number
  /** Chunks stored after it. */
  chunkCount: number
  milliseconds: { embed: number; write: number; vectorIndex: number; total: number }
}

// Below this many new chunks into an empty table, building the graph as rows arrive costs about the same.
const BULK_LOAD_CHUNKS = 2_000
const EMBED_BATCH = 256

/**
 * Loads sources into the Postgres index idempotently, in one transaction (replicas see the old index
 * or the new one, never half): a document whose sha256 is stored as it is keeps its rows untouched, a
 * changed one has its rows replaced, a document no longer among the sources is deleted. Different
 * index settings drop and rebuild everything. Progress goes to `onProgress`; into an empty table,
 * `bulkLoadChunks` or more chunks are inserted before the HNSW graph is built.
 */
export async function indexIntoPostgres(
  store: PostgresVectorStore,
  sources: readonly SourceDocument[],
  embeddings: SanadEmbeddings,
  chunker: ChunkOptions,
  options: { onProgress?: (line: string) => void; bulkLoadChunks?: number } = {},
): Promise<PostgresLoadReport> {
  const onProgress = options.onProgress ?? (() => {})
  const started = performance.now()
  const milliseconds = { embed: 0, write: 0, vectorIndex: 0, total: 0 }
  const dimensions = embeddings.dimensions ?? (await embeddings.embedQuery('dimensions')).length
  const settings: PostgresIndexSettings = {
    formatVersion: POSTGRES_FORMAT_VERSION,
    textPipelineVersion: TEXT_PIPELINE_VERSION,
    embedder: { id: embeddings.id, dimensions },
    chunker: { maxCharacters: chunker.maxCharacters, overlapSentences: chunker.overlapSentences },
  }

  return store.transaction(async (session) => {
    const meta = await session.readMeta()
    let rebuildReason: string | null = null
    if (meta) {
      const stored = PostgresIndexSettingsSchema.safeParse(meta.manifest)
      rebuildReason = stored.success ? describeSettingsMismatch(stored.data, embeddings, chunker) : 'the stored index is from another format version'
      if (rebuildReason) {
        onProgress(`rebuilding the whole index: ${rebuildReason}`)
        await session.dropSchema()
      }
    }
    await session.ensureSchema(dimensions)
    const stored = await session.documentHashes()
    const report: PostgresLoadReport = { rebuildReason, added: [], replaced: [], removed: [], unchanged: [], chunksWritten: 0, chunkCount: 0, milliseconds }

    const present = new Set(sources.map((source) => source.id))
    for (const id of stored.keys()) {
      if (present.has(id)) continue
      await session.deleteDocument(id)
      report.removed.push(id)
      onProgress(`removed ${id}`)
    }
    const changed = sources.filter((source) => {
      if (stored.get(source.id) !== source.sha256) return true
      report.unchanged.push(source.id)
      return false
    })
    const segmented = changed.map((source) => ({ source, ...segmentDocument(source, chunker) }))
    const newChunks = segmented.reduce((sum, document) => sum + document.chunks.length, 0)
    // Into an empty table, inserting every row first and building the graph once is several times faster.
    const bulk = stored.size === 0 && newChunks >= (options.bulkLoadChunks ?? BULK_LOAD_CHUNKS)
    if (bulk) await session.dropVectorIndex()

    let written = 0
    for (const { source, sentences, chunks } of segmented) {
      const texts = chunks.map((chunk) => chunkIndexText(chunk, source.text))
      let mark = performance.now()
      const vectors: number[][] = []
      for (let offset = 0; offset < texts.length; offset += EMBED_BATCH) vectors.push(...(await embeddings.embedDocuments(texts.slice(offset, offset + EMBED_BATCH))))
      milliseconds.embed += performance.now() - mark
      mark = performance.now()
      await session.replaceDocument(
        { id: source.id, path: source.path, title: source.title, sha256: source.sha256, text: source.text },
        sentences.map(({ id, section, start, end }) => ({ ordinal: id, section, start, end })),
        chunks.map((chunk, position) => ({
          ordinal: position,
          section: chunk.section,
          // Local ids: sentence and chunk numbering start at 0 in every document.
          sentenceOrdinals: chunk.sentenceIds,
          start: chunk.start,
          end: chunk.end,
          content: texts[position]!,
          embedding: vectors[position]!,
        })),
      )
      milliseconds.write += performance.now() - mark
      ;(stored.has(source.id) ? report.replaced : report.added).push(source.id)
      written += chunks.length
      onProgress(`${stored.has(source.id) ? 'replaced' : 'added'} ${source.id}: ${chunks.length} chunks (${written}/${newChunks})`)
    }
    report.chunksWritten = written

    if (bulk) {
      onProgress(`building the HNSW index over ${newChunks} vectors…`)
      const mark = performance.now()
      await session.createVectorIndex()
      milliseconds.vectorIndex = performance.now() - mark
    }
    report.chunkCount = (await session.writeMeta(settings)).chunkCount
    milliseconds.total = performance.now() - started
    return report
  })
}
