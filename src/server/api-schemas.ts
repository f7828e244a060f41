import { z } from 'zod'
import { DocumentIdSchema } from '../answer/answer-schemas.js'

/** The body of GET /api/health: liveness and what is loaded. */
export const HealthSchema = z.object({
  status: z.literal('ok'),
  documents: z.number().int(),
  sentences: z.number().int(),
  chunks: z.number().int(),
  embedder: z.string(),
  dimensions: z.number().int(),
  answerers: z.array(z.enum(['extractive', 'llm'])),
  /** The English–Arabic dictionary English questions use: where it was read from and its headword count. */
  englishDictionary: z.object({ source: z.enum(['bundled', 'DICTIONARY_DIR']), path: z.string(), headwords: z.number().int() }).nullable(),
  version: z.string(),
  /** The answer cache's counters since start; absent when ANSWER_CACHE_BYTES is 0. */
  answerCache: z
    .object({
      hits: z.number().int(),
      misses: z.number().int(),
      evictions: z.number().int(),
      oversized: z.number().int(),
      bypasses: z.number().int(),
      entries: z.number().int(),
      bytes: z.number().int(),
      budgetBytes: z.number().int(),
    })
    .optional(),
})
export type Health = z.infer<typeof HealthSchema>

/** The body of GET /api/ready when the server takes requests. */
export const ReadySchema = z.object({ status: z.literal('ready') })

/** The path parameters of GET /api/documents/:docId. */
export const DocumentParametersSchema = z.strictObject({ docId: DocumentIdSchema })

/** The body of GET /api/documents: every indexed document, in index order. */
export const DocumentListSchema = z.object({
  documents: z.array(z.object({ id: z.string(), title: z.string(), sentences: z.number().int(), characters: z.number().int() })),
})
export type DocumentList = z.infer<typeof DocumentListSchema>

/** The body of GET /api/documents/:docId; citation offsets index into `text`. */
export const DocumentSchema = z.object({ id: z.string(), title: z.string(), text: z.string() })

/** A starter question and the section heading it is about (null when it is about the whole document). */
export const SuggestionSchema = z.object({ question: z.string(), section: z.string().nullable() })
export type Suggestion = z.infer<typeof SuggestionSchema>

/** The body of GET /api/suggestions. */
export const SuggestionListSchema = z.object({ suggestions: z.array(SuggestionSchema) })
