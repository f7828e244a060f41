import type { SanadIndex } from '../index/sanad-index.js'
import { containsInjectedInstructions } from '../text/contains-injected-instructions.js'

export { containsInjectedInstructions } from '../text/contains-injected-instructions.js'

// Documents are fixed for the life of an index, so each index is scanned once.
const poisonedByIndex = new WeakMap<SanadIndex, ReadonlySet<string>>()

/**
 * The documents with any sentence that addresses a model (a poisoned source). Both answerers withhold
 * them whole: once a source is known to carry instructions, none of its statements can be trusted.
 */
export function findPoisonedDocuments(index: SanadIndex): ReadonlySet<string> {
  let poisoned = poisonedByIndex.get(index)
  if (!poisoned) {
    poisoned = new Set(index.corpus.sentences.filter((sentence) => containsInjectedInstructions(index.textOf(sentence))).map((sentence) => sentence.docId))
    poisonedByIndex.set(index, poisoned)
  }
  return poisoned
}
