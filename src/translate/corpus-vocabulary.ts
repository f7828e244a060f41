import { normalizeArabic } from '../text/normalize-arabic.js'
import { tokenize } from '../text/tokenize.js'

/** An Arabic word form of the sources, with the stems the lexical index holds for it. */
export interface VocabularyWord {
  /** The normalized form as written ("بواشنطن"). */
  normalized: string
  /** The form without proclitics and article ("واشنطن"), which names are compared with. */
  bare: string
  stems: readonly string[]
  count: number
}

// و/ف, then ب/ل/ك, then the article: what may precede a name in running text.
const PROCLITICS = /^(?:[وف](?=[\u0621-\u064A]{3}))?(?:[بلك](?=[\u0621-\u064A]{3}))?(?:ال(?=[\u0621-\u064A]{2}))?/
const LAM_ARTICLE = /^(?:[وف])?لل(?=[\u0621-\u064A]{2})/

/** The Arabic word forms of the sources, by form and by stem: what translations are checked against. */
export class CorpusVocabulary {
  private readonly byForm = new Map<string, VocabularyWord>()
  private readonly formsByStem = new Map<string, VocabularyWord[]>()
  private readonly texts: string[] = []

  /** Collects the content words of texts (the indexed documents). */
  static fromTexts(texts: Iterable<string>): CorpusVocabulary {
    const vocabulary = new CorpusVocabulary()
    for (const text of texts) {
      vocabulary.texts.push(normalizeText(text))
      for (const token of tokenize(text)) {
        if (token.isNumber || token.isStopword || !/[\u0621-\u064A]/.test(token.normalized)) continue
        vocabulary.add(token.normalized, [token.stem, ...(token.cliticFreeStem ? [token.cliticFreeStem] : [])])
      }
    }
    return vocabulary
  }

  private add(normalized: string, stems: readonly string[]): void {
    const known = this.byForm.get(normalized)
    if (known) {
      known.count++
      return
    }
    const bare = normalized.replace(LAM_ARTICLE, '').replace(PROCLITICS, '')
    const word: VocabularyWord = { normalized, bare: bare.length >= 2 ? bare : normalized, stems, count: 1 }
    this.byForm.set(normalized, word)
    for (const stem of stems) {
      const list = this.formsByStem.get(stem)
      if (list) list.push(word)
      else this.formsByStem.set(stem, [word])
    }
  }

  /** Whether the sources write these words together, as a phrase (proclitics allowed: "بالدار البيضاء"). */
  containsPhrase(phrase: string): boolean {
    const wanted = normalizeText(phrase).trim()
    return wanted.length > 0 && this.texts.some((text) => text.includes(wanted))
  }

  /** Every distinct word form. */
  words(): IterableIterator<VocabularyWord> {
    return this.byForm.values()
  }

  /** Whether some word of the sources has this stem. */
  hasStem(stem: string): boolean {
    return this.formsByStem.has(stem)
  }

  /** The word form written most often with this stem, for query text; null when no word has it. */
  commonFormOf(stem: string): string | null {
    const words = this.formsByStem.get(stem)
    if (!words) return null
    return words.reduce((best, word) => (word.count > best.count || (word.count === best.count && word.normalized.length < best.normalized.length) ? word : best)).normalized
  }
}

function normalizeText(text: string): string {
  return normalizeArabic(text).replace(/[^\p{L}\p{N}]+/gu, ' ')
}
