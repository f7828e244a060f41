import { createHash } from 'node:crypto'
import type { SupportPair } from './question-set.js'

/** The seed article: the scorer was developed on its pairs, so they can never be held out. */
export const DEVELOPMENT_ONLY_SOURCE = 'article'

/**
 * Whether a source document's pairs belong to the frozen held-out part: a third of the documents,
 * chosen by the SHA-256 of the document id (its first four bytes modulo 3 equal 0), never the
 * seed article. Nothing is tuned on these pairs.
 */
export function isHeldOutSource(source: string): boolean {
  if (source === DEVELOPMENT_ONLY_SOURCE) return false
  return createHash('sha256').update(source).digest().readUInt32BE(0) % 3 === 0
}

/** Splits labelled pairs into the development part and the held-out part by their source document. */
export function splitSupportPairs(pairs: readonly SupportPair[]): { development: SupportPair[]; heldOut: SupportPair[] } {
  const heldOut = pairs.filter((pair) => isHeldOutSource(pair.source ?? DEVELOPMENT_ONLY_SOURCE))
  return { development: pairs.filter((pair) => !heldOut.includes(pair)), heldOut }
}
