import type { GroundingCitation } from './score-answer-grounding.js'

/** A citation as other systems give it: a quote to find in the sources, or a span of a document. */
export type CitationReference = { quote: string; docId?: string } | { docId: string; start: number; end: number; quote?: string }

/** Citations turned into exact spans of the sources, and those that could not be, with why. */
export interface ResolvedCitations {
  /** Numbered by position (the first citation is [1]), only those found. */
  resolved: (GroundingCitation & { n: number })[]
  unresolved: { n: number; reason: 'quote-not-found' | 'unknown-document' | 'span-out-of-range' | 'quote-differs-from-span' }[]
}

/**
 * Locates each citation in the documents: a quote by exact search, then ignoring differences in
 * white space; a span by slicing its document (a given quote must equal the slice). Citations are
 * numbered by their position, as [n] markers number them.
 */
export function resolveCitations(citations: readonly CitationReference[], documents: ReadonlyMap<string, string>): ResolvedCitations {
  const result: ResolvedCitations = { resolved: [], unresolved: [] }
  citations.forEach((citation, index) => {
    const n = index + 1
    if ('start' in citation) {
      const text = documents.get(citation.docId)
      if (text === undefined) return result.unresolved.push({ n, reason: 'unknown-document' })
      if (citation.end > text.length || citation.start >= citation.end) return result.unresolved.push({ n, reason: 'span-out-of-range' })
      const quote = text.slice(citation.start, citation.end)
      if (citation.quote !== undefined && citation.quote !== quote) return result.unresolved.push({ n, reason: 'quote-differs-from-span' })
      return result.resolved.push({ n, docId: citation.docId, start: citation.start, end: citation.end, quote })
    }
    const found = findQuote(citation.quote, documents, citation.docId)
    if (!found) return result.unresolved.push({ n, reason: 'quote-not-found' })
    return result.resolved.push({ n, ...found })
  })
  return result
}

function findQuote(quote: string, documents: ReadonlyMap<string, string>, docId: string | undefined): Omit<GroundingCitation, 'n'> | null {
  const trimmed = quote.trim()
  if (trimmed.length === 0) return null
  const candidates = [...documents].filter(([id]) => docId === undefined || id === docId)
  for (const [id, text] of candidates) {
    const start = text.indexOf(trimmed)
    if (start >= 0) return { docId: id, start, end: start + trimmed.length, quote: trimmed }
  }
  const pattern = new RegExp(trimmed.split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'))
  for (const [id, text] of candidates) {
    const match = pattern.exec(text)
    if (match) return { docId: id, start: match.index, end: match.index + match[0].length, quote: match[0] }
  }
  return null
}
