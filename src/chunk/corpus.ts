import { z } from 'zod'

/** A sentence of a source document, by offsets; `text.slice(start, end)` is its text. */
export const SentenceSchema = z.object({
  id: z.number().int(),
  docId: z.string(),
  section: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
})
export type Sentence = z.infer<typeof SentenceSchema>

/** A section-aware, sentence-aligned run of sentences; the unit that is embedded and retrieved. */
export const ChunkSchema = z.object({
  id: z.string(),
  docId: z.string(),
  section: z.string().nullable(),
  sentenceIds: z.array(z.number().int()),
  start: z.number().int(),
  end: z.number().int(),
})
export type Chunk = z.infer<typeof ChunkSchema>

/** How chunks are cut; recorded in the index manifest so that a change forces a rebuild. */
export const ChunkOptionsSchema = z.object({
  maxCharacters: z.number().int().min(50).default(600),
  overlapSentences: z.number().int().min(0).max(3).default(1),
})
export type ChunkOptions = z.infer<typeof ChunkOptionsSchema>

/** The sentences and chunks of every document, with the documents' titles: what offsets refer to. */
export const CorpusStructureSchema = z.object({
  documents: z.array(z.object({ id: z.string(), title: z.string() })),
  sentences: z.array(SentenceSchema),
  chunks: z.array(ChunkSchema),
})
export type CorpusStructure = z.infer<typeof CorpusStructureSchema>
