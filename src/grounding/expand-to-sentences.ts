import { segmentSentences } from '../text/segment-sentences.js'

/**
 * The sentences of the sources that hold each cited span (a quote widened to whole sentences), for
 * judging what the citation says in context: an answer that cites "يوم الخميس 7 أغسطس" cites the
 * agreement that sentence dates. A span in no known document stays as quoted.
 */
export function expandToSentences(
  citations: ReadonlyArray<{ docId: string; start: number; end: number; quote: string }>,
  documents: ReadonlyArray<{ docId: string; text: string }>,
): string[] {
  const sentencesOf = new Map<string, ReturnType<typeof segmentSentences>>()
  return citations.map((citation) => {
    const document = documents.find((candidate) => candidate.docId === citation.docId)
    if (!document || citation.start < 0 || document.text.slice(citation.start, citation.end) !== citation.quote) return citation.quote
    const spans = sentencesOf.get(document.docId) ?? segmentSentences(document.text)
    sentencesOf.set(document.docId, spans)
    const covering = spans.filter((span) => span.end > citation.start && span.start < citation.end)
    if (covering.length === 0) return citation.quote
    return document.text.slice(Math.min(covering[0]!.start, citation.start), Math.max(covering.at(-1)!.end, citation.end))
  })
}
