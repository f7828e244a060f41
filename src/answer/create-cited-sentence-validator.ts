import { scoreSupport, type ScoreSupportOptions } from '../grounding/score-support.js'
import type { AnswerClaim } from '../grounding/split-into-claims.js'
import type { Citation } from './answer-schemas.js'
import type { EvidenceSentence } from './build-evidence-sentences.js'

/** An answer sentence that passed validation, rewritten with sanad's own citation numbers. */
export interface ValidatedSentence {
  text: string
  /** Citations this sentence uses for the first time, in marker order. */
  newCitations: Citation[]
}

/** What is left of a model's reply after validation. */
export interface ValidatedAnswer {
  answer: string
  citations: Citation[]
  kept: number
  /** Sentences dropped because no known evidence was cited or the cited evidence does not support them. */
  removed: number
  /** Citation numbers that named no evidence sentence. */
  unknownNumbers: number
  /** The model said the sources hold no answer. */
  notInSources: boolean
}

/** Checks a model's answer sentence by sentence; `accept` returns the sentence to release, or null. */
export interface CitedSentenceValidator {
  accept(claim: AnswerClaim): ValidatedSentence | null
  finish(): ValidatedAnswer
}

/** The token the prompts ask the model to reply with when the evidence holds no answer. */
export const NOT_IN_SOURCES = 'NOT_IN_SOURCES'

const TRAILING_PUNCTUATION = /\s*([.!?؟؛…]+["”»)’]*)$/u

/**
 * Validates a model's cited answer against the evidence it was shown. Unknown citation numbers are
 * dropped; a sentence stays only if the evidence it cites supports it (by `scoreSupport`), and then
 * cites only the sentences that contribute. Kept citations are renumbered in order of first use.
 */
export function createCitedSentenceValidator(
  evidence: readonly EvidenceSentence[],
  options: { supportOptions?: ScoreSupportOptions | undefined } = {},
): CitedSentenceValidator {
  const evidenceByNumber = new Map(evidence.map((sentence) => [sentence.n, sentence]))
  const numberByEvidence = new Map<number, number>()
  const citations: Citation[] = []
  const sentences: string[] = []
  const seenClaims = new Set<string>()
  let removed = 0
  let unknownNumbers = 0
  let notInSources = false

  function accept(claim: AnswerClaim): ValidatedSentence | null {
    if (claim.claim.includes(NOT_IN_SOURCES)) {
      notInSources = true
      return null
    }
    if (seenClaims.has(claim.claim)) return null
    const cited = [...new Set(claim.citedNumbers)].flatMap((n) => {
      const sentence = evidenceByNumber.get(n)
      if (!sentence) unknownNumbers++
      return sentence ? [sentence] : []
    })
    if (cited.length === 0) {
      removed++
      return null
    }
    const support = scoreSupport(claim.claim, cited, options.supportOptions)
    if (!support.supported) {
      removed++
      return null
    }
    seenClaims.add(claim.claim)

    // A decoy cited next to the real source adds no word to the support; it is not listed.
    const contributing = new Set(support.supportedBy)
    const kept = cited.filter((sentence) => contributing.has(sentence))
    const newCitations: Citation[] = []
    const markers = (kept.length > 0 ? kept : cited).map((sentence) => {
      let n = numberByEvidence.get(sentence.n)
      if (n === undefined) {
        n = citations.length + 1
        numberByEvidence.set(sentence.n, n)
        const citation = { n, docId: sentence.docId, start: sentence.start, end: sentence.end, quote: sentence.text }
        citations.push(citation)
        newCitations.push(citation)
      }
      return `[${n}]`
    })
    const punctuation = TRAILING_PUNCTUATION.exec(claim.claim)
    const body = punctuation ? claim.claim.slice(0, punctuation.index) : claim.claim
    const text = `${body} ${[...new Set(markers)].join('')}${punctuation?.[1] ?? ''}`
    sentences.push(text)
    return { text, newCitations }
  }

  function finish(): ValidatedAnswer {
    return { answer: sentences.join(' '), citations: [...citations], kept: sentences.length, removed, unknownNumbers, notInSources }
  }

  return { accept, finish }
}
