import { openEnglishArabicDictionary, type DictdDictionary } from '../translate/read-dictd-dictionary.js'
import { createWordTranslator } from './create-word-translator.js'
import type { ScoreSupportOptions } from './score-support.js'

/**
 * The support scorer's options: with the FreeDict English–Arabic dictionary (from `dictionaryDirectory`
 * when it holds one, else the bundled copy), English claims over Arabic sources are checked word by
 * word; without any, only through their numbers, dates and names.
 */
export async function loadScoreOptions(
  dictionaryDirectory?: string,
): Promise<{ options: ScoreSupportOptions; hasDictionary: boolean; dictionary: DictdDictionary | null }> {
  const dictionary = await openEnglishArabicDictionary(dictionaryDirectory)
  return { options: dictionary ? { translateWord: createWordTranslator(dictionary) } : {}, hasDictionary: dictionary !== null, dictionary }
}
