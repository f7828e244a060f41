import { z } from 'zod'

/** A source document exactly as read from disk; every offset in sanad indexes into `text`. */
export const SourceDocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  path: z.string(),
  sha256: z.string(),
  text: z.string(),
})
export type SourceDocument = z.infer<typeof SourceDocumentSchema>
