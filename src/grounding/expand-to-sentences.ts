import { segmentSentences, type SentenceSpan } from '../text/segment-sentences.js'

/**
 * The sentences of the sources that hold each cited span (a quote widened to whole sentences), for
 * judging what the citation says in context: an answer that cites "يوم الخميس 7 أغسطس" cites the
 * agreement that sentence dates. A span in no known document stays as quoted.
 */
export function expandToSentences(
  citations: ReadonlyArray<{ docId: string; start: number; end: number; quote: string }>,
  documents: ReadonlyArray<{ docId: string; text: string }>,
): string[] {
  return citations.map((citation) => {
    const document = documents.find((candidate) => candidate.docId === citation.docId)
    if (!document || citation.start < 0 || document.text.slice(citation.start, citation.end) !== citation.quote) return citation.quote
    const spans = segmentDocument(document.text)
    const covering = spans.filter((span) => span.end > citation.start && span.start < citation.end)
    if (covering.length === 0) return citation.quote
    return document.text.slice(Math.min(covering[0]!.start, citation.start), Math.max(covering.at(-1)!.end, citation.end))
  })
}

// The sources are few and long: their sentences are cut once.
const DOCUMENT_CACHE_SIZE = 64
const documentSentences = new Map<string, SentenceSpan[]>()

function segmentDocument(text: string): SentenceSpan[] {
  let spans = documentSentences.get(text)
  if (!spans) {
    spans = segmentSentences(text)
    documentSentences.set(text, spans)
    if (documentSentences.size > DOCUMENT_CACHE_SIZE) documentSentences.delete(documentSentences.keys().next().value!)
  }
  return spans
}
