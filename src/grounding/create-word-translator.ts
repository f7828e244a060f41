import { normalizeArabic } from '../text/normalize-arabic.js'
import { isStopword } from '../text/stopwords.js'
import { findBaseForms } from '../translate/find-base-forms.js'
import type { DictdDictionary } from '../translate/read-dictd-dictionary.js'

const MAXIMUM_RENDERINGS = 24

/**
 * Turns a bilingual dictionary into the scorer's `translateWord`: the Arabic content words of the
 * entries of an English word, or of its base form when the word itself is absent ("rescued" →
 * "rescue"). Multi-word renderings are split into words, without stopwords.
 */
export function createWordTranslator(dictionary: Pick<DictdDictionary, 'lookup'>): (word: string) => string[] {
  // A dictionary look-up reads and parses entries: each word's renderings are kept once found.
  const renderingsOf = new Map<string, string[]>()
  return (word) => {
    let renderings = renderingsOf.get(word)
    if (!renderings) {
      renderings = translate(dictionary, word)
      if (renderingsOf.size >= MAXIMUM_REMEMBERED) renderingsOf.clear()
      renderingsOf.set(word, renderings)
    }
    return renderings
  }
}

const MAXIMUM_REMEMBERED = 20_000

function translate(dictionary: Pick<DictdDictionary, 'lookup'>, word: string): string[] {
  for (const form of [word, ...findBaseForms(word)]) {
    const words = new Set<string>()
    for (const translation of dictionary.lookup(form)) {
      for (const part of translation.split(/\s+/)) {
        const normalized = normalizeArabic(part)
        if (/[\u0621-\u064A]/.test(normalized) && !isStopword(normalized)) words.add(part)
      }
    }
    if (words.size > 0) return [...words].slice(0, MAXIMUM_RENDERINGS)
  }
  return []
}
