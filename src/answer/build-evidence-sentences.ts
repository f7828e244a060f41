import type { SanadIndex } from '../index/sanad-index.js'
import type { RetrievedChunk } from '../retrieve/hybrid-retriever.js'
import { findPoisonedDocuments } from './contains-injected-instructions.js'

/** A numbered sentence of the sources shown to the model; `text === index.textOf(this)`. */
export interface EvidenceSentence {
  n: number
  docId: string
  start: number
  end: number
  text: string
}

// Enough for five 600-character chunks; more only dilutes the model's attention.
const DEFAULT_MAX_SENTENCES = 30

/**
 * Numbers the sentences of the retrieved chunks for the model. Sentences shared by overlapping chunks
 * appear once; the best-ranked chunks' sentences are kept when there are too many; the kept ones are
 * listed document by document in reading order, so that the model reads them as prose. A document
 * with any sentence that addresses a model (a poisoned source) is withheld whole: once it is known to
 * carry instructions, none of its statements can be trusted as evidence.
 */
export function buildEvidenceSentences(
  retrieved: readonly RetrievedChunk[],
  index: SanadIndex,
  options: { maxSentences?: number } = {},
): EvidenceSentence[] {
  const maxSentences = options.maxSentences ?? DEFAULT_MAX_SENTENCES
  const documentRank = new Map<string, number>()
  const picked = new Map<number, Omit<EvidenceSentence, 'n'>>()
  const poisoned = findPoisonedDocuments(index)
  for (const hit of retrieved) {
    if (!documentRank.has(hit.chunk.docId)) documentRank.set(hit.chunk.docId, documentRank.size)
    for (const id of hit.chunk.sentenceIds) {
      if (picked.size >= maxSentences) break
      if (picked.has(id)) continue
      const sentence = index.sentenceAt(id)
      const text = index.textOf(sentence)
      if (poisoned.has(sentence.docId) || !/[\p{L}\p{N}]/u.test(text)) continue
      picked.set(id, { docId: sentence.docId, start: sentence.start, end: sentence.end, text })
    }
  }
  const ordered = [...picked.values()].sort(
    (left, right) => documentRank.get(left.docId)! - documentRank.get(right.docId)! || left.start - right.start,
  )
  return ordered.map((sentence, position) => ({ n: position + 1, ...sentence }))
}
