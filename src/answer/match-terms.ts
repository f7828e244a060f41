import { consonantSkeleton } from '../embed/local-hash-embeddings.js'
import { stripArabicSuffixes } from '../text/stem-word.js'
import { stemWord } from '../text/stem-word.js'
import type { Token } from '../text/tokenize.js'
import type { QuestionTerm } from './analyze-question.js'

/** A stem that stands for a question term, and how closely (1 exact, 0.8 spelling variant, 0.7 related form). */
export interface TermVariant {
  stem: string
  quality: number
}

/** A question term with every indexed stem that counts as it and its weight in this corpus. */
export interface WeightedTerm extends QuestionTerm {
  variants: TermVariant[]
  idf: number
  /** How many indexed chunks mention the term in any variant; 0 means the sources never do. */
  documentFrequency: number
}

/** The stems a question word may stand for: its Light10 stem, without a clitic و/ف, and without a verb prefix. */
export function stemVariantsOf(term: QuestionTerm): string[] {
  const variants = new Set([term.stem])
  if (/^[وف]/.test(term.normalized) && term.normalized.length >= 4) {
    // "وقعها" is "وقع" + "ها", not "و" + "قعها": also try the word with only its suffixes removed.
    variants.add(stripArabicSuffixes(term.normalized))
    variants.add(stemWord(term.normalized.slice(1)))
  }
  if (/^[وف]?[بلك][\u0621-\u064A]{4}/.test(term.normalized)) variants.add(stemWord(term.normalized.replace(/^[وف]?[بلك]/, '')))
  return [...variants].filter((variant) => variant.length >= 2 || /\d/.test(variant))
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

/** The content stems of a run of tokens, for matching question terms. */
export class StemBag {
  private readonly stems: Set<string>

  constructor(tokens: readonly Token[]) {
    this.stems = new Set()
    for (const token of tokens) {
      if (token.isStopword) continue
      this.stems.add(token.stem)
      if (token.cliticFreeStem) this.stems.add(token.cliticFreeStem)
    }
  }

  /** The quality of the best variant of the term present here, or 0. */
  match(term: WeightedTerm): number {
    let best = 0
    for (const variant of term.variants) if (variant.quality > best && this.stems.has(variant.stem)) best = variant.quality
    return best
  }

  /** Whether the stem is present. */
  has(stem: string): boolean {
    return this.stems.has(stem)
  }
}
