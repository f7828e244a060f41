import { normalizeArabic } from '../text/normalize-arabic.js'
import type { DictdDictionary } from './read-dictd-dictionary.js'

/**
 * The reverse of a dictionary into Arabic: each single-word translation (normalized, also without
 * its article) with the headwords it translates, those with the fewest translations first, so that
 * "جيمس" → ["james"] and "الذئب" → ["wolf"]. Reads every entry, so it is built only when needed.
 */
export function invertDictionary(dictionary: DictdDictionary): Map<string, string[]> {
  const headwordsByWord = new Map<string, { headword: string; alternatives: number }[]>()
  const normalizedForms = new Map<string, string>()
  for (const [headword, entry] of dictionary.entries()) {
    if (!/^[a-z][a-z-]*$/.test(headword)) continue
    const translations = entry.filter((translation) => !/\s|\d/.test(translation))
    for (const translation of translations) {
      let normalized = normalizedForms.get(translation)
      if (normalized === undefined) normalizedForms.set(translation, (normalized = normalizeArabic(translation)))
      for (const form of new Set([normalized, normalized.replace(/^ال(?=..)/, '')])) {
        const list = headwordsByWord.get(form)
        const entry = { headword, alternatives: translations.length }
        if (!list) headwordsByWord.set(form, [entry])
        else if (!list.some((other) => other.headword === headword)) list.push(entry)
      }
    }
  }
  const inverted = new Map<string, string[]>()
  for (const [word, entries] of headwordsByWord) {
    entries.sort((left, right) => left.alternatives - right.alternatives || left.headword.length - right.headword.length)
    inverted.set(word, entries.map((entry) => entry.headword))
  }
  return inverted
}
