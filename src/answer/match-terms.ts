import type { TermVariant } from '../retrieve/term-vocabulary.js'
import { stemWord, stripArabicSuffixes } from '../text/stem-word.js'
import type { Token } from '../text/tokenize.js'
import type { QuestionTerm } from './analyze-question.js'

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
  // Light10 reads a final ان as a dual ending; in a masdar it is the word's own (الإعلان → اعلان, not اعل).
  const withoutArticle = term.normalized.replace(/^(وال|بال|كال|فال|لل|ال)(?=[\u0621-\u064A]{3})/, '')
  if (withoutArticle.endsWith('ان') && withoutArticle.length >= 4) variants.add(withoutArticle)
  // A country and its nisba adjective share a stem once the country's final ا goes: بلجيكا ↔ البلجيكية
  // (بلجيك), فرنسا ↔ الفرنسي, أمريكا ↔ الأمريكي; and the other way, an adjective's stem gains the ا.
  for (const variant of [...variants]) {
    if (/^[\u0621-\u064A]{4,}ا$/.test(variant)) variants.add(variant.slice(0, -1))
    else if (/^[\u0621-\u064A]{4,}[^اوي]$/.test(variant) && term.normalized.startsWith('ال')) variants.add(`${variant}ا`)
  }
  return [...variants].filter((variant) => variant.length >= 2 || /\d/.test(variant))
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
