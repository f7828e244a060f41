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
    // A one-letter proclitic on a short word ("لبن لادن" is ل + بن): read it off when only that reading is indexed.
    const bare = term.normalized.replace(/^[وفبلك]/, '')
    if (variants.size === 0 && bare !== term.normalized && bare.length >= 2) {
      for (const variant of vocabulary.variantsOf(bare)) if (variant.quality === 1) variants.set(variant.stem, 0.9)
    }
    const matched = [...variants].map(([stem, quality]) => ({ stem, quality }))
    if (matched.length === 0) matched.push({ stem: term.stem, quality: 1 })
    const documentFrequency = Math.max(0, ...matched.map((variant) => lexical.documentFrequency(variant.stem)))
    const idf = documentFrequency === 0 ? ABSENT_TERM_IDF : lexical.inverseDocumentFrequency(documentFrequency)
    return { stem: term.stem, normalized: term.normalized, weight: term.weight, variants: matched, documentFrequency, idf }
  })
}
