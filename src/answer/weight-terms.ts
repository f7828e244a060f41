import type { Bm25Index } from '../lexical/bm25-index.js'
import type { QuestionTerm } from './analyze-question.js'
import { stemVariantsOf, type WeightedTerm } from './match-terms.js'
import type { TermVocabulary } from '../retrieve/term-vocabulary.js'

// A word the sources never use may still be a synonym of one they do, so it weighs like a common word.
const ABSENT_TERM_IDF = 1

/** Expands each question term to the indexed stems that match it and weighs it by inverse document frequency. */
export function weightTerms(terms: readonly QuestionTerm[], lexical: Bm25Index, vocabulary: TermVocabulary): WeightedTerm[] {
  return terms.map((term) => {
    const variants = new Map<string, number>()
    for (const stem of stemVariantsOf(term)) {
      for (const variant of vocabulary.variantsOf(stem)) {
        if (variant.quality > (variants.get(variant.stem) ?? 0)) variants.set(variant.stem, variant.quality)
      }
    }
    const matched = [...variants].map(([stem, quality]) => ({ stem, quality }))
    if (matched.length === 0) matched.push({ stem: term.stem, quality: 1 })
    const documentFrequency = Math.max(0, ...matched.map((variant) => lexical.documentFrequency(variant.stem)))
    const idf = documentFrequency === 0 ? ABSENT_TERM_IDF : lexical.inverseDocumentFrequency(documentFrequency)
    return { ...term, variants: matched, documentFrequency, idf }
  })
}
