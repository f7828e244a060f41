import { z } from 'zod'

/** A span of the guide's document, by offsets into its text. */
export const GuideSpanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })
export type GuideSpan = z.infer<typeof GuideSpanSchema>

/** A dated event: its span, the date expression in it, and where it was placed (see build-timeline.ts). */
export const GuideEventSchema = GuideSpanSchema.extend({
  dateStart: z.number().int().min(0),
  dateEnd: z.number().int().min(0),
  year: z.number().int().nullable(),
  month: z.number().int().min(1).max(12).nullable(),
  day: z.number().int().min(1).max(31).nullable(),
  placement: z.enum(['absolute', 'inferred', 'relative']),
})

/** A question the guide suggests; the answerer confirms it can answer it before it is shown. */
export const GuideQuestionSchema = z.object({
  question: z.string(),
  kind: z.enum(['overview', 'timeline', 'speaker', 'section']),
})
export type GuideQuestion = z.infer<typeof GuideQuestionSchema>

/**
 * What a reader gets before asking anything, computed once per document when the index is built:
 * a summary, the key points of each section, the timeline, the people, places and organisations with
 * every mention, and questions to start with. Every item is a span of the document.
 */
export const SourceGuideSchema = z.object({
  docId: z.string(),
  title: z.string(),
  summary: z.array(GuideSpanSchema),
  sections: z.array(z.object({ heading: z.string().nullable(), points: z.array(GuideSpanSchema) })),
  timeline: z.array(GuideEventSchema),
  entities: z.array(z.object({ kind: z.enum(['person', 'place', 'organisation']), name: z.string(), mentions: z.array(GuideSpanSchema) })),
  questions: z.array(GuideQuestionSchema),
})
export type SourceGuide = z.infer<typeof SourceGuideSchema>

/** The guides of every document of an index, in index order: the index folder's guide.json. */
export const SourceGuidesSchema = z.array(SourceGuideSchema)
