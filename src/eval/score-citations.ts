import type { Citation } from '../answer/answer-schemas.js'
import { scoreSupport, type ScoreSupportOptions, type SupportPassage } from '../grounding/score-support.js'
import { splitIntoClaims } from '../grounding/split-into-claims.js'

/** ALCE citation quality of one answer, with the support scorer as the entailment judge. */
export interface CitationScores {
  /** Mean over sentences: 1 when a sentence cites, every cited number exists, and the cited passages together support it. */
  recall: number
  /** Cited passages that are not irrelevant ÷ all citations of the answer's sentences. */
  precision: number
  sentences: { text: string; cited: number[]; recall: number }[]
}

/**
 * Scores citations the way ALCE (Gao et al. 2023) does, judging entailment with `scoreSupport`.
 * A citation is irrelevant when it does not support its sentence alone while the sentence's other
 * citations still do; citations of sentences their citations do not support count as imprecise.
 * A sentence without markers cites nothing; an answer with claims but no citations scores 0 on both.
 */
export function scoreCitations(answer: string, citations: readonly Citation[], options: ScoreSupportOptions = {}): CitationScores {
  const claims = splitIntoClaims(answer)
  const byNumber = new Map(citations.map((citation) => [citation.n, toPassage(citation)]))
  let citationCount = 0
  let precise = 0
  const sentences = claims.map((claim) => {
    const cited = claim.citedNumbers
    citationCount += cited.length
    const passages = cited.map((n) => byNumber.get(n))
    if (cited.length === 0 || passages.some((passage) => passage === undefined)) return { text: claim.text, cited, recall: 0 }
    const valid = passages as SupportPassage[]
    if (!scoreSupport(claim.claim, valid, options).supported) return { text: claim.text, cited, recall: 0 }
    for (const [index, passage] of valid.entries()) {
      const alone = scoreSupport(claim.claim, [passage], options).supported
      const others = valid.filter((_, other) => other !== index)
      const irrelevant = !alone && others.length > 0 && scoreSupport(claim.claim, others, options).supported
      if (!irrelevant) precise++
    }
    return { text: claim.text, cited, recall: 1 }
  })
  return {
    recall: sentences.length === 0 ? 0 : sentences.reduce((sum, sentence) => sum + sentence.recall, 0) / sentences.length,
    precision: citationCount === 0 ? 0 : precise / citationCount,
    sentences,
  }
}

function toPassage(citation: Citation): SupportPassage {
  return { docId: citation.docId, start: citation.start, end: citation.end, text: citation.quote }
}
