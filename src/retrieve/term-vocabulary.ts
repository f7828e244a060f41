import { consonantSkeleton } from '../text/consonant-skeleton.js'

/** A stem that stands for a question term, and how closely (1 exact, 0.8 spelling variant, 0.7 related form). */
export interface TermVariant {
  stem: string
  quality: number
}

/** How closely an indexed stem matches a query stem: 1 equal, 0.8 same consonant skeleton, 0.7 related form, 0 unrelated. */
export function stemSimilarity(query: string, indexed: string): number {
  if (query === indexed) return 1
  if (/\d/.test(query) || /\d/.test(indexed) || query.length < 3 || indexed.length < 3) return 0
  const querySkeleton = consonantSkeleton(query)
  const indexedSkeleton = consonantSkeleton(indexed)
  if (query.length >= 4 && indexed.length >= 4 && querySkeleton === indexedSkeleton && querySkeleton.length >= 3) return 0.8
  if (Math.abs(query.length - indexed.length) > 2) return 0
  // An imperfect-verb prefix (يبيع/بيع), a masdar or participle (قتل/مقتل/قاتل), or a longer form of the same stem.
  const withoutVerbPrefix = query.length >= 4 && /^[يتن]/.test(query) ? query.slice(1) : null
  if (withoutVerbPrefix === indexed) return 0.7
  if (Math.min(query.length, indexed.length) >= 4 && (indexed.startsWith(query) || query.startsWith(indexed))) return 0.7
  // A mim- or ta-prefixed derivative of the same consonants: قتل/مقتل, قتل/مقتول.
  if (isPrefixedDerivative(querySkeleton, indexedSkeleton) || isPrefixedDerivative(indexedSkeleton, querySkeleton)) return 0.7
  return 0
}

function isPrefixedDerivative(base: string, derived: string): boolean {
  return base.length >= 3 && derived.length === base.length + 1 && /^[مت]/.test(derived) && derived.endsWith(base)
}

const VARIANT_MEMO_SIZE = 20_000

/**
 * The indexed stems, bucketed so that the stems similar to a query stem are found without a scan:
 * by consonant skeleton (spelling variants, mim/ta derivatives) and by first three letters (longer forms).
 */
export class TermVocabulary {
  private readonly bySkeleton = new Map<string, string[]>()
  private readonly byOpening = new Map<string, string[]>()
  private readonly stems: Set<string>
  // Question words recur across questions: the variants of a stem are worked out once (a bounded memo).
  private readonly memo = new Map<string, readonly TermVariant[]>()

  constructor(stems: Iterable<string>) {
    this.stems = new Set(stems)
    for (const stem of this.stems) {
      push(this.bySkeleton, consonantSkeleton(stem), stem)
      if (stem.length >= 4) push(this.byOpening, stem.slice(0, 3), stem)
    }
  }

  /** Indexed stems that match the query stem, each with the quality of the match (shared: do not change it). */
  variantsOf(query: string): readonly TermVariant[] {
    let variants = this.memo.get(query)
    if (!variants) {
      if (this.memo.size >= VARIANT_MEMO_SIZE) this.memo.clear()
      this.memo.set(query, (variants = this.findVariants(query)))
    }
    return variants
  }

  private findVariants(query: string): TermVariant[] {
    const candidates = new Set<string>()
    if (this.stems.has(query)) candidates.add(query)
    const skeleton = consonantSkeleton(query)
    for (const key of [skeleton, `م${skeleton}`, `ت${skeleton}`, skeleton.replace(/^[مت]/, '')]) {
      for (const stem of this.bySkeleton.get(key) ?? []) candidates.add(stem)
    }
    if (query.length >= 4) for (const stem of this.byOpening.get(query.slice(0, 3)) ?? []) candidates.add(stem)
    if (query.length >= 4 && /^[يتن]/.test(query)) candidates.add(query.slice(1))
    const variants: TermVariant[] = []
    for (const stem of candidates) {
      if (!this.stems.has(stem)) continue
      const quality = stemSimilarity(query, stem)
      if (quality > 0) variants.push({ stem, quality })
    }
    return variants
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
