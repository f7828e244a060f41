import type { SanadIndex } from '../index/sanad-index.js'

export { containsInjectedInstructions } from '../text/contains-injected-instructions.js'

/**
 * The documents with any sentence that addresses a model (a poisoned source), as flagged when the index
 * was built. Both answerers withhold them whole: once a source is known to carry instructions, none of
 * its statements can be trusted.
 */
export function findPoisonedDocuments(index: SanadIndex): ReadonlySet<string> {
  return index.poisonedDocuments
}
