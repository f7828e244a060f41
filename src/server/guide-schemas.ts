import { z } from 'zod'
import { GuideQuestionSchema } from '../index/guide/source-guide.js'

/** A span of the guide's document with its exact text: `quote === document.text.slice(start, end)`. */
export const GuideQuoteSchema = z.object({ start: z.number().int(), end: z.number().int(), quote: z.string() })

/** The body of GET /api/documents/:docId/guide: what a reader gets before asking anything. */
export const DocumentGuideSchema = z.object({
  docId: z.string(),
  title: z.string(),
  /** The document's summary: its most central sentences (LexRank, MMR), in reading order. */
  summary: z.array(GuideQuoteSchema),
  /** The key points of each section; `heading` is null for the lead before the first heading. */
  sections: z.array(z.object({ heading: z.string().nullable(), points: z.array(GuideQuoteSchema) })),
  /** Dated events in chronological order, each with the date as written and where it was placed. */
  timeline: z.array(
    GuideQuoteSchema.extend({
      dateText: z.string(),
      year: z.number().int().nullable(),
      month: z.number().int().nullable(),
      day: z.number().int().nullable(),
      /** `absolute` as written; `inferred` from the article's own dates; `relative` when the text does not allow placing it. */
      placement: z.enum(['absolute', 'inferred', 'relative']),
    }),
  ),
  /** People, places and organisations, each with every mention. */
  entities: z.array(z.object({ kind: z.enum(['person', 'place', 'organisation']), name: z.string(), mentions: z.array(GuideQuoteSchema) })),
  /** Starter questions the answerer answered from this document with supported citations. */
  suggestedQuestions: z.array(GuideQuestionSchema),
})
export type DocumentGuide = z.infer<typeof DocumentGuideSchema>
