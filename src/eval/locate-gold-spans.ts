/** A gold evidence quote and where it lies in the sources; `docId` is null when it was not found. */
export interface GoldSpan {
  text: string
  docId: string | null
  start: number
  end: number
}

/** A span of a source document. */
export interface DocumentSpan {
  docId: string
  start: number
  end: number
}

/** Finds each gold evidence quote in the documents by exact search (`indexOf`), first document first. */
export function locateGoldSpans(evidence: readonly string[], documents: ReadonlyMap<string, string>): GoldSpan[] {
  return evidence.map((text) => {
    for (const [docId, documentText] of documents) {
      const start = documentText.indexOf(text)
      if (start >= 0) return { text, docId, start, end: start + text.length }
    }
    return { text, docId: null, start: -1, end: -1 }
  })
}

/** True when a span shares at least one character with a located gold span. */
export function overlapsGold(span: DocumentSpan, gold: readonly GoldSpan[]): boolean {
  return gold.some((goldSpan) => goldSpan.docId === span.docId && span.start < goldSpan.end && span.end > goldSpan.start)
}
