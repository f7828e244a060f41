import type { Sentence } from '../chunk/corpus.js'
import { containsInjectedInstructions } from '../text/contains-injected-instructions.js'

/**
 * The ids of the documents with any sentence that addresses a language model (a poisoned source),
 * found once when the index is built so that no answer pays for scanning the corpus.
 */
export function findDocumentsWithInstructions(sentences: readonly Sentence[], textById: ReadonlyMap<string, string>): Set<string> {
  const flagged = new Set<string>()
  for (const sentence of sentences) {
    if (flagged.has(sentence.docId)) continue
    if (containsInjectedInstructions(textById.get(sentence.docId)?.slice(sentence.start, sentence.end) ?? '')) flagged.add(sentence.docId)
  }
  return flagged
}
