import type { QueryConcept } from '../lexical/bm25-index.js'

/** A question in another language, turned into Arabic query terms. */
export interface TranslatedQuery {
  /** Arabic text to embed and to match against. */
  searchText: string
  /** One concept per source word: its Arabic alternatives. */
  concepts: QueryConcept[]
  /** Renders an Arabic short answer for the question's reader (dates, numbers, names). */
  renderShortAnswer: (arabic: string) => string | null
}

/** What the question asks for, as the answer stage read it: it tells how to render a short answer. */
export type AskedFor = 'date' | 'number' | 'place' | 'person' | 'reason' | 'manner' | 'yes-no' | 'list' | 'thing'

/** Translates a non-Arabic question into Arabic query concepts, or says it cannot. */
export type QueryTranslator = (question: string, language: 'en', askedFor?: AskedFor) => Promise<TranslatedQuery | null>
