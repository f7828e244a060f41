import type { QueryConcept } from '../lexical/bm25-index.js'
import { tokenize } from '../text/tokenize.js'
import type { TermVocabulary } from './term-vocabulary.js'

/** One concept per content word of a query: the indexed stems that match it (spelling variants, related forms). */
export function buildQueryConcepts(query: string, vocabulary: TermVocabulary): QueryConcept[] {
  const concepts: QueryConcept[] = []
  const seen = new Set<string>()
  for (const token of tokenize(query)) {
    if (token.isStopword || seen.has(token.stem)) continue
    seen.add(token.stem)
    const variants = vocabulary.variantsOf(token.stem).map((variant) => variant.stem)
    concepts.push({ terms: variants.length > 0 ? variants : [token.stem] })
  }
  return concepts
}
