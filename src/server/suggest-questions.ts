import { z } from 'zod'
import type { CorpusStructure } from '../chunk/corpus.js'

/** A starter question and the section heading it was made from (null when made from a title). */
export const SuggestionSchema = z.object({ question: z.string(), section: z.string().nullable() })
export type Suggestion = z.infer<typeof SuggestionSchema>

/**
 * Starter questions made from the section headings, in reading order, or from the document titles when
 * there are no headings. They are plain templates over the headings, so they promise nothing the
 * sources do not cover.
 */
export function suggestQuestions(corpus: CorpusStructure, limit = 6): Suggestion[] {
  const sections = [...new Set(corpus.sentences.map((sentence) => sentence.section?.trim()).filter((section) => !!section))] as string[]
  if (sections.length > 0) return sections.slice(0, limit).map((section) => ({ question: `ماذا يقول المقال عن «${section}»؟`, section }))
  return corpus.documents.slice(0, limit).map((document) => ({ question: `ما أبرز ما جاء في «${document.title}»؟`, section: null }))
}
