import type { AskResponse, Citation } from '../answer/answer-schemas.js'
import { detectLanguage } from '../text/detect-language.js'
import { createSupportFinder, type FindSupport, type SupportDocument } from './create-support-finder.js'
import { explainGrounding } from './explain-grounding.js'
import { scoreAnswerGrounding } from './score-answer-grounding.js'
import type { ScoreSupportOptions } from './score-support.js'
import { scoreWeakestPoint } from './score-weakest-point.js'

/**
 * Builds the function that fills `grounding` in /api/ask and /api/chat responses: the answer's
 * sentences scored against the spans they cite (or, without markers, against the sources), and a
 * one-line explanation in the question's language (the answer's, when not given).
 */
export function createGroundingScorer(
  documents: readonly SupportDocument[],
  options: ScoreSupportOptions = {},
  findSupport: FindSupport = createSupportFinder(documents, options),
) {
  return (answer: string, citations: readonly Citation[], language: 'ar' | 'en' = detectLanguage(answer)): AskResponse['grounding'] => {
    // The badge reports the weakest point of the answer, not the average (src/grounding/score-weakest-point.ts).
    const grounding = scoreWeakestPoint(scoreAnswerGrounding(answer, citations, { ...options, findSupport }), citations)
    return { score: grounding.score, supported: grounding.supported, explanation: explainGrounding(grounding, language) }
  }
}
