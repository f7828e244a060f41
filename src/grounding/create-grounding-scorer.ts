import { classifyQuestion } from '../answer/analyze-question.js'
import type { AskResponse, Citation } from '../answer/answer-schemas.js'
import { detectLanguage } from '../text/detect-language.js'
import { applyRelevance } from './apply-relevance.js'
import { createSupportFinder, type FindSupport, type SupportDocument } from './create-support-finder.js'
import { createWordWeigher } from './create-word-weigher.js'
import { expandToSentences } from './expand-to-sentences.js'
import { explainGrounding } from './explain-grounding.js'
import type { RelevanceSummary } from './grounding-schemas.js'
import { scoreAnswerGrounding, type AnswerGrounding } from './score-answer-grounding.js'
import { scoreWeakestPoint } from './score-weakest-point.js'
import { scoreRelevance, toAskedType, type Relevance, type RelevanceOptions } from './score-relevance.js'
import type { ScoreSupportOptions } from './score-support.js'

/** The question an answer answers, and its kind (src/answer's: date, number, person, place…) when known. */
export interface AskedQuestion {
  question: string
  kind?: string
}

/**
 * Builds the function that fills `grounding` in /api/ask and /api/chat responses: the answer's
 * sentences scored against the spans they cite (or, without markers, against the sources), and,
 * given the question, whether the cited evidence answers it (relevance); an answer that is
 * supported but off the question is not shown as supported. The explanation is in the question's
 * language (the answer's, when not given) and names what the evidence leaves out.
 */
export function createGroundingScorer(
  documents: readonly SupportDocument[],
  options: ScoreSupportOptions = {},
  findSupport: FindSupport = createSupportFinder(documents, options),
) {
  // Words that are rare in the sources say more about what a question asks.
  const relevanceOptions: RelevanceOptions = { ...options, weighWord: createWordWeigher(documents.map((document) => document.text)) }
  const answerOptions = { ...options, findSupport }
  return (answer: string, citations: readonly Citation[], language: 'ar' | 'en' = detectLanguage(answer), asked?: AskedQuestion): AskResponse['grounding'] => {
    // The badge reports the weakest point of the answer, not the average (src/grounding/score-weakest-point.ts).
    const grounding = scoreWeakestPoint(scoreAnswerGrounding(answer, citations, answerOptions), citations)
    const relevance = asked ? judgeRelevance(grounding, asked, documents, relevanceOptions) : null
    const verdict = applyRelevance({ score: grounding.score, supported: grounding.supported, issues: grounding.unsupported.flatMap((sentence) => sentence.issues) }, relevance)
    return {
      score: verdict.score,
      supported: verdict.supported,
      explanation: explainGrounding(grounding, language, relevance),
      issues: verdict.issues,
      ...(relevance ? { relevance: summarizeRelevance(relevance) } : {}),
    }
  }
}

/**
 * Relevance of an answer's evidence to its question: the sentences of the sources that hold the
 * spans its sentences rest on (a narrow quote read in its sentence).
 */
export function judgeRelevance(grounding: AnswerGrounding, asked: AskedQuestion, documents: readonly SupportDocument[], options: RelevanceOptions): Relevance {
  const spans = grounding.sentences.flatMap((sentence) => sentence.supportedBy)
  const quotes = [...new Set(expandToSentences(spans, documents))]
  return scoreRelevance({ question: asked.question, quotes, askedType: toAskedType(asked.kind ?? classifyQuestion(asked.question).kind) }, options)
}

/** The figures of a relevance verdict that responses carry. */
export function summarizeRelevance(relevance: Relevance): RelevanceSummary {
  const { score, relevant, askedType, hasAskedType, missing } = relevance
  return { score, relevant, askedType, hasAskedType, missing }
}
