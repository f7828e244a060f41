import { z } from 'zod'
import { ChunkOptionsSchema } from '../chunk/corpus.js'

/** Bump when cleaning, segmentation, tokenization or stemming changes, so old indexes are rebuilt. */
export const TEXT_PIPELINE_VERSION = 6
/** Bump when the layout of the index folder changes. */
export const INDEX_FORMAT_VERSION = 2

/** Files of an index folder besides the manifest. */
export const INDEX_FILES = {
  manifest: 'manifest.json',
  corpus: 'corpus.json',
  lexical: 'lexical.json',
  guide: 'guide.json',
} as const

/** What an index was built from and with; any difference from the present forces a rebuild. */
export const IndexManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  textPipelineVersion: z.number().int(),
  sources: z.array(z.object({ id: z.string(), path: z.string(), title: z.string(), sha256: z.string() })),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  chunker: ChunkOptionsSchema,
  counts: z.object({ documents: z.number().int(), sentences: z.number().int(), chunks: z.number().int() }),
  files: z.record(z.string(), z.string()),
})
export type IndexManifest = z.infer<typeof IndexManifestSchema>
