import { scoreSupport, type ScoreSupportOptions, type SupportPassage, type SupportResult } from './score-support.js'
import { splitIntoClaims } from './split-into-claims.js'
import type { SupportIssue } from './support-issue.js'

/** A citation of the answer: a span of a source document, numbered as the answer's [n] markers number it. */
export interface GroundingCitation {
  /** The number that [n] markers use; the citation's position plus one when absent. */
  n?: number
  docId: string
  start: number
  end: number
  quote: string
}

/** A span of a source that supports a sentence, with its exact text. */
export interface SupportingSpan {
  docId: string
  start: number
  end: number
  quote: string
}

/** The grounding verdict on one sentence of an answer. */
export interface SentenceGrounding {
  text: string
  support: number
  supported: boolean
  supportedBy: SupportingSpan[]
  citedNumbers: number[]
  issues: SupportIssue[]
}

/** How well a whole answer is supported by its citations or, without them, by the sources. */
export interface AnswerGrounding {
  /** The mean support of the answer's sentences, in [0,1]; 0 when the answer makes no claim. */
  score: number
  /** True when the answer makes claims and every one of them is supported. */
  supported: boolean
  /** RAGAS faithfulness: supported sentences ÷ all sentences. */
  faithfulness: number
  sentences: SentenceGrounding[]
  unsupported: SentenceGrounding[]
}

/** What answer grounding needs: where to look for support when a sentence cites nothing. */
export interface ScoreAnswerGroundingOptions extends ScoreSupportOptions {
  findSupport: (claim: string) => SupportPassage[]
}

/**
 * Scores every sentence of an answer with `scoreSupport`. A sentence with [n] markers is judged
 * against the passages it cites, and only those (a citation must carry its claim). A sentence
 * without markers is judged against all the answer's citations and, failing that, against what
 * `findSupport` finds in the sources. The score is the mean sentence support, so that one weak
 * sentence in a long answer lowers it without zeroing it; `supported` needs every sentence.
 */
export function scoreAnswerGrounding(
  answer: string,
  citations: readonly GroundingCitation[] | undefined,
  options: ScoreAnswerGroundingOptions,
): AnswerGrounding {
  const numbered = (citations ?? []).map((citation, index) => ({ ...citation, n: citation.n ?? index + 1 }))
  const sentences = splitIntoClaims(answer).map((claim): SentenceGrounding => {
    const cited = numbered.filter((citation) => claim.citedNumbers.includes(citation.n))
    let result: SupportResult
    const invalid = claim.citedNumbers.filter((n) => !numbered.some((citation) => citation.n === n))
    if (claim.citedNumbers.length > 0) {
      result = cited.length > 0 ? scoreSupport(claim.claim, cited.map(toPassage), options) : NOT_CHECKED
      if (invalid.length > 0) result = { ...result, issues: [...invalid.map((n): SupportIssue => ({ kind: 'invalid-citation', n })), ...result.issues] }
    } else {
      result = numbered.length > 0 ? scoreSupport(claim.claim, numbered.map(toPassage), options) : NOT_CHECKED
      if (!result.supported) {
        const found = scoreSupport(claim.claim, options.findSupport(claim.claim), options)
        if (found.score > result.score || result === NOT_CHECKED) result = found
      }
    }
    return {
      text: claim.text,
      support: result.score,
      supported: result.supported,
      supportedBy: result.supportedBy.map(toSpan),
      citedNumbers: claim.citedNumbers,
      issues: result.issues,
    }
  })
  const unsupported = sentences.filter((sentence) => !sentence.supported)
  const score = sentences.length === 0 ? 0 : sentences.reduce((sum, sentence) => sum + sentence.support, 0) / sentences.length
  return {
    score: Math.round(score * 1000) / 1000,
    supported: sentences.length > 0 && unsupported.length === 0,
    faithfulness: sentences.length === 0 ? 0 : (sentences.length - unsupported.length) / sentences.length,
    sentences,
    unsupported,
  }
}

const NOT_CHECKED: SupportResult = { score: 0, supported: false, supportedBy: [], issues: [{ kind: 'no-passages' }] }

function toPassage(citation: GroundingCitation): SupportPassage {
  return { docId: citation.docId, start: citation.start, end: citation.end, text: citation.quote }
}

function toSpan(passage: SupportPassage): SupportingSpan {
  return { docId: passage.docId, start: passage.start, end: passage.end, quote: passage.text }
}
