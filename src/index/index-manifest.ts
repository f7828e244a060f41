import { z } from 'zod'
import { ChunkOptionsSchema } from '../chunk/corpus.js'

/** Bump when cleaning, segmentation, tokenization or stemming changes, so old indexes are rebuilt. */
export const TEXT_PIPELINE_VERSION = 6
/**
 * Bump when the layout of the index folder changes (2: binary lexical index; vector documents derived,
 * not stored; 3: source guides; 4: each source flagged when it carries instructions to a model).
 */
export const INDEX_FORMAT_VERSION = 4

/** Files of an index folder besides the manifest. */
export const INDEX_FILES = {
  manifest: 'manifest.json',
  corpus: 'corpus.json',
  lexical: 'lexical.bin',
  guide: 'guide.json',
} as const

/** What an index was built from and with; any difference from the present forces a rebuild. */
export const IndexManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  textPipelineVersion: z.number().int(),
  sources: z.array(
    z.object({
      id: z.string(),
      path: z.string(),
      title: z.string(),
      sha256: z.string(),
      /** Whether any sentence of the source addresses a language model (a poisoned source, withheld from answers). */
      carriesInstructions: z.boolean(),
    }),
  ),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  chunker: ChunkOptionsSchema,
  counts: z.object({ documents: z.number().int(), sentences: z.number().int(), chunks: z.number().int() }),
  files: z.record(z.string(), z.string()),
})
export type IndexManifest = z.infer<typeof IndexManifestSchema>

/** Bump when the tables of the Postgres index change, so old ones are rebuilt. */
export const POSTGRES_FORMAT_VERSION = 1

/** What a Postgres index was built with (its sources are its rows); any difference from the present forces a rebuild. */
export const PostgresIndexSettingsSchema = z.object({
  formatVersion: z.literal(POSTGRES_FORMAT_VERSION),
  textPipelineVersion: z.number().int(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  chunker: ChunkOptionsSchema,
})
export type PostgresIndexSettings = z.infer<typeof PostgresIndexSettingsSchema>
