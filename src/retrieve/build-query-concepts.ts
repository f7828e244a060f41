import type { Bm25Index, QueryConcept } from '../lexical/bm25-index.js'
import { consonantSkeleton } from '../embed/local-hash-embeddings.js'
import { tokenize } from '../text/tokenize.js'

/** Maps consonant skeletons to the stems of a vocabulary, to find the indexed spelling of a variant. */
export class SpellingVariants {
  private readonly stemsBySkeleton = new Map<string, string[]>()

  constructor(private readonly lexical: Bm25Index, vocabulary: Iterable<string>) {
    for (const stem of vocabulary) {
      if (stem.length < 4) continue
      const skeleton = consonantSkeleton(stem)
      if (skeleton.length < 3) continue
      const stems = this.stemsBySkeleton.get(skeleton)
      if (stems) stems.push(stem)
      else this.stemsBySkeleton.set(skeleton, [stem])
    }
  }

  /** The stem itself when indexed, else indexed stems that share its consonant skeleton. */
  variantsOf(stem: string): string[] {
    if (this.lexical.has(stem) || stem.length < 4) return [stem]
    return [stem, ...(this.stemsBySkeleton.get(consonantSkeleton(stem)) ?? [])]
  }
}

/** One concept per content word of a query, widened with indexed spelling variants. */
export function buildQueryConcepts(query: string, variants: SpellingVariants): QueryConcept[] {
  const concepts: QueryConcept[] = []
  const seen = new Set<string>()
  for (const token of tokenize(query)) {
    if (token.isStopword || seen.has(token.stem)) continue
    seen.add(token.stem)
    concepts.push({ terms: variants.variantsOf(token.stem) })
  }
  return concepts
}
