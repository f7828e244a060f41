import type { AnswerGrounding, GroundingCitation } from './score-answer-grounding.js'
import { stripCitationMarkers } from './split-into-claims.js'

const BULLET = /^\s*(?:[-*•·▪–]|\d+[.)-]|[٠-٩]+[.)-])\s+/

/**
 * Judges a multi-point answer by its weakest point: every sentence is already scored against the
 * citations it carries, and the answer's score becomes the lowest of them, so that one unsupported
 * bullet is not hidden by an average. A sentence that is word for word the text it cites is supported
 * by definition (an exact quotation says neither more nor less than its source).
 */
export function scoreWeakestPoint(grounding: AnswerGrounding, citations: readonly GroundingCitation[]): AnswerGrounding {
  const numbered = citations.map((citation, position) => ({ ...citation, n: citation.n ?? position + 1 }))
  const sentences = grounding.sentences.map((sentence) => {
    const claim = squeeze(stripCitationMarkers(sentence.text.replace(BULLET, '')))
    const cited = numbered.filter((citation) => sentence.citedNumbers.includes(citation.n))
    const verbatim = claim.length > 0 && cited.some((citation) => squeeze(citation.quote).includes(claim))
    return verbatim ? { ...sentence, support: 1, supported: true, issues: [] } : sentence
  })
  const unsupported = sentences.filter((sentence) => !sentence.supported)
  const weakest = sentences.length === 0 ? 0 : Math.min(...sentences.map((sentence) => sentence.support))
  return {
    ...grounding,
    score: Math.round(weakest * 1000) / 1000,
    supported: sentences.length > 0 && unsupported.length === 0,
    faithfulness: sentences.length === 0 ? 0 : (sentences.length - unsupported.length) / sentences.length,
    sentences,
    unsupported,
  }
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
