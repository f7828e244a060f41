import type { CleanedDocument } from '../source/clean-document.js'
import { segmentSentences } from '../text/segment-sentences.js'
import type { Sentence } from './corpus.js'

/** Cuts every paragraph of a cleaned document into sentences, numbered from `firstId`, tagged with their section. */
export function splitIntoSentences(docId: string, text: string, cleaned: CleanedDocument, firstId = 0): Sentence[] {
  const sentences: Sentence[] = []
  for (const block of cleaned.blocks) {
    if (block.kind !== 'paragraph') continue
    for (const span of segmentSentences(text, block.start, block.end)) {
      sentences.push({ id: firstId + sentences.length, docId, section: block.section, start: span.start, end: span.end })
    }
  }
  return sentences
}
