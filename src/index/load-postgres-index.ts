import type { Chunk, ChunkOptions, CorpusStructure, Sentence } from '../chunk/corpus.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import { SanadError } from '../errors/sanad-error.js'
import { Bm25Index } from '../lexical/bm25-index.js'
import type { SourceDocument } from '../source/source-document.js'
import { contentStems } from '../text/tokenize.js'
import type { PostgresVectorStore } from '../vector-store/postgres-vector-store.js'
import { chunkIndexText } from './build-index.js'
import { findDocumentsWithInstructions } from './find-documents-with-instructions.js'
import { INDEX_FORMAT_VERSION, PostgresIndexSettingsSchema, type IndexManifest } from './index-manifest.js'
import { describeSettingsMismatch } from './load-index.js'
import { SanadIndex } from './sanad-index.js'

const BUILD_COMMAND = '`npm run index -- --target postgres`'

/**
 * Reads the index a replica serves from Postgres: refuses (index_unavailable, one line) a missing
 * index, one built with other settings or one whose rows disagree with its statistics, and never
 * writes. Sentence and chunk ids are numbered across documents in path order, exactly as an index
 * built from the same sources in a folder numbers them; the term statistics the answerer weighs words
 * with are recomputed in memory from the chunks, as the folder index stores them.
 */
export async function loadPostgresIndex(store: PostgresVectorStore, embeddings: SanadEmbeddings, chunker: ChunkOptions): Promise<SanadIndex> {
  const refuse = (reason: string, cause?: unknown) =>
    new SanadError('index_unavailable', `the Postgres index (schema ${store.schema}) cannot be used (${reason}): run ${BUILD_COMMAND}`, { cause })
  let meta
  try {
    meta = await store.readMeta()
  } catch (cause) {
    throw refuse(`Postgres did not answer: ${(cause as Error).message}`, cause)
  }
  if (!meta) throw refuse('no index was loaded into it')
  const settings = PostgresIndexSettingsSchema.safeParse(meta.manifest)
  if (!settings.success) throw refuse('it is from another format version')
  const mismatch = describeSettingsMismatch(settings.data, embeddings, chunker)
  if (mismatch) throw refuse(mismatch)

  const stored = await store.readCorpus()
  if (stored.chunks.length !== meta.chunkCount) throw refuse(`it holds ${stored.chunks.length} chunks but its statistics count ${meta.chunkCount}`)
  if (stored.documents.length === 0) throw refuse('it holds no document')

  const sentencesByDocument = groupByDocument(stored.sentences)
  const chunksByDocument = groupByDocument(stored.chunks)
  const sources: SourceDocument[] = stored.documents.map(({ id, path, title, sha256, text }) => ({ id, path, title, sha256, text }))
  const sentences: Sentence[] = []
  const chunks: Chunk[] = []
  for (const document of sources) {
    const documentSentences = sentencesByDocument.get(document.id) ?? []
    const documentChunks = chunksByDocument.get(document.id) ?? []
    // Ordinals number a document's rows from 0 without gaps; a gap means rows went missing.
    if (![...documentSentences, ...documentChunks].every((row, position) => row.ordinal === (position < documentSentences.length ? position : position - documentSentences.length))) {
      throw refuse(`rows of ${document.id} are missing`)
    }
    const firstSentenceId = sentences.length
    for (const sentence of documentSentences) {
      sentences.push({ id: firstSentenceId + sentence.ordinal, docId: document.id, section: sentence.section, start: sentence.start, end: sentence.end })
    }
    for (const chunk of documentChunks) {
      chunks.push({
        id: `${document.id}#${chunks.length}`,
        docId: document.id,
        section: chunk.section,
        sentenceIds: chunk.sentenceOrdinals.map((ordinal) => firstSentenceId + ordinal),
        start: chunk.start,
        end: chunk.end,
      })
    }
  }
  const corpus: CorpusStructure = { documents: sources.map(({ id, title }) => ({ id, title })), sentences, chunks }
  const textById = new Map(sources.map((source) => [source.id, source.text]))
  const lexical = Bm25Index.build(chunks.map((chunk) => contentStems(chunkIndexText(chunk, textById.get(chunk.docId)!))))
  // Recomputed here like the lexical index: the Postgres tables hold rows, not the folder's manifest.
  const withInstructions = findDocumentsWithInstructions(sentences, textById)
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    textPipelineVersion: settings.data.textPipelineVersion,
    sources: sources.map(({ id, path, title, sha256 }) => ({ id, path, title, sha256, carriesInstructions: withInstructions.has(id) })),
    embedder: settings.data.embedder,
    chunker: settings.data.chunker,
    counts: { documents: sources.length, sentences: sentences.length, chunks: chunks.length },
    files: {},
  }
  return new SanadIndex(sources, corpus, store, lexical, embeddings, manifest)
}

function groupByDocument<T extends { docId: string; ordinal: number }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    let group = groups.get(row.docId)
    if (!group) groups.set(row.docId, (group = []))
    group.push(row)
  }
  for (const group of groups.values()) group.sort((left, right) => left.ordinal - right.ordinal)
  return groups
}
