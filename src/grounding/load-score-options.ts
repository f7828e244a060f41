import { readDictdDictionary, type DictdDictionary } from '../translate/read-dictd-dictionary.js'
import { createWordTranslator } from './create-word-translator.js'
import type { ScoreSupportOptions } from './score-support.js'

/**
 * The support scorer's options for this machine: with the FreeDict English–Arabic dictionary when it
 * is installed in `dictionaryDirectory`, English claims over Arabic sources are checked word by word;
 * without it, only through their numbers, dates and names.
 */
export async function loadScoreOptions(
  dictionaryDirectory: string,
): Promise<{ options: ScoreSupportOptions; hasDictionary: boolean; dictionary: DictdDictionary | null }> {
  const dictionary = await readDictdDictionary(dictionaryDirectory, 'freedict-eng-ara')
  return { options: dictionary ? { translateWord: createWordTranslator(dictionary) } : {}, hasDictionary: dictionary !== null, dictionary }
}
