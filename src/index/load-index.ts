import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ChunkOptions } from '../chunk/corpus.js'
import { CorpusStructureSchema, type CorpusStructure } from '../chunk/corpus.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import { Bm25Index } from '../lexical/bm25-index.js'
import type { SourceDocument } from '../source/source-document.js'
import { HnswVectorStore } from '../vector-store/hnsw-vector-store.js'
import { createChunkDocuments } from './build-index.js'
import { hashFile } from './hash-file.js'
import { SourceGuidesSchema } from './guide/source-guide.js'
import { INDEX_FILES, INDEX_FORMAT_VERSION, IndexManifestSchema, TEXT_PIPELINE_VERSION, type IndexManifest } from './index-manifest.js'
import { SanadIndex } from './sanad-index.js'

/** Why a stored index cannot be used as it is; the caller rebuilds and logs the reason. */
export class StaleIndexError extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'StaleIndexError'
  }
}

/**
 * Loads an index folder after proving it matches the present: format, text pipeline, sources,
 * embedder, chunker and a checksum of every file (corpus, lexical index, source guides, vectors). Throws StaleIndexError with the first mismatch.
 */
export async function loadIndex(
  directory: string,
  sources: readonly SourceDocument[],
  embeddings: SanadEmbeddings,
  chunker: ChunkOptions,
): Promise<SanadIndex> {
  const manifest = await readManifest(directory)
  const mismatch = describeMismatch(manifest, sources, embeddings, chunker)
  if (mismatch) throw new StaleIndexError(mismatch)
  // Hashed as streams: the graph of a large corpus is larger than one buffer may be, and only the parsed files need reading whole.
  for (const [name, sha256] of Object.entries(manifest.files)) {
    const actual = await hashFile(join(directory, name)).catch(() => null)
    if (actual === null) throw new StaleIndexError(`index file ${name} is missing`)
    if (actual !== sha256) throw new StaleIndexError(`index file ${name} does not match its checksum`)
  }
  try {
    const corpus = shareRepeatedStrings(CorpusStructureSchema.parse(JSON.parse(await readFile(join(directory, INDEX_FILES.corpus), 'utf8'))))
    const lexical = Bm25Index.fromBinary(await readFile(join(directory, INDEX_FILES.lexical)))
    const textById = new Map(sources.map((source) => [source.id, source.text]))
    const vectorStore = await HnswVectorStore.load(directory, embeddings, { documentOf: createChunkDocuments(corpus, textById) })
    const guides = SourceGuidesSchema.parse(JSON.parse(await readFile(join(directory, INDEX_FILES.guide), 'utf8')))
    if (vectorStore.size !== corpus.chunks.length || lexical.size !== corpus.chunks.length) {
      throw new Error('the vector, lexical and chunk counts differ')
    }
    return new SanadIndex(sources, corpus, vectorStore, lexical, embeddings, manifest, guides)
  } catch (cause) {
    throw new StaleIndexError(`index files are unreadable: ${(cause as Error).message}`)
  }
}

// JSON.parse makes a string per occurrence: the document id and section heading of every sentence and
// chunk would be held once per sentence. Equal strings are made one.
function shareRepeatedStrings(corpus: CorpusStructure): CorpusStructure {
  const shared = new Map<string, string>()
  const share = (text: string) => {
    const known = shared.get(text)
    if (known !== undefined) return known
    shared.set(text, text)
    return text
  }
  const shareFields = (item: { docId: string; section: string | null }) => {
    item.docId = share(item.docId)
    if (item.section !== null) item.section = share(item.section)
  }
  corpus.sentences.forEach(shareFields)
  corpus.chunks.forEach(shareFields)
  return corpus
}

async function readManifest(directory: string): Promise<IndexManifest> {
  let raw: string
  try {
    raw = await readFile(join(directory, INDEX_FILES.manifest), 'utf8')
  } catch {
    throw new StaleIndexError('no index manifest')
  }
  // Parsed once per load: zod's compiled fast path would cost more to write and compile than it saves.
  const parsed = IndexManifestSchema.safeParse(parseJsonOrNull(raw), { jitless: true })
  if (!parsed.success) throw new StaleIndexError('the index manifest is invalid or from another format version')
  return parsed.data
}

function describeMismatch(
  manifest: IndexManifest,
  sources: readonly SourceDocument[],
  embeddings: SanadEmbeddings,
  chunker: ChunkOptions,
): string | null {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return 'the index format version changed'
  const settings = describeSettingsMismatch(manifest, embeddings, chunker)
  if (settings) return settings
  const built = manifest.sources.map((source) => `${source.id}:${source.sha256}`).join(',')
  const present = sources.map((source) => `${source.id}:${source.sha256}`).join(',')
  if (built !== present) return 'the sources changed since the index was built'
  return null
}

/** Why an index built with these settings cannot serve this embedder and chunker (text pipeline, embedder, dimensions, chunker), or null. */
export function describeSettingsMismatch(
  manifest: Pick<IndexManifest, 'textPipelineVersion' | 'embedder' | 'chunker'>,
  embeddings: SanadEmbeddings,
  chunker: ChunkOptions,
): string | null {
  if (manifest.textPipelineVersion !== TEXT_PIPELINE_VERSION) return 'the text pipeline changed'
  if (manifest.embedder.id !== embeddings.id) return `the index was built with embedder ${manifest.embedder.id}, not ${embeddings.id}`
  if (embeddings.dimensions !== undefined && manifest.embedder.dimensions !== embeddings.dimensions) {
    return `the index has ${manifest.embedder.dimensions} dimensions, the embedder ${embeddings.dimensions}`
  }
  // Field by field: the caller's object may list the same settings in another key order.
  if (manifest.chunker.maxCharacters !== chunker.maxCharacters || manifest.chunker.overlapSentences !== chunker.overlapSentences) {
    return 'the chunker settings changed'
  }
  return null
}

function parseJsonOrNull(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return null
  }
}
