import type { AskRequest, AskResponse } from '../answer/answer-schemas.js'
import { isHeldOut, type BroadKind, type BroadQuestion } from './broad-questions.js'

/** How one broad answer did against its gold points. */
export interface BroadOutcome {
  id: string
  docId: string
  kind: BroadKind
  language: 'ar' | 'en'
  heldOut: boolean
  refused: boolean
  points: number
  pointsCited: number
  citations: number
  citationsOnPoints: number
  /** Every citation's quote is its document's text between its offsets. */
  quotesExact: boolean
  /** The gold points no citation covers, for the report. */
  missedPoints: string[]
}

/** Point recall and citation precision over a group of broad questions (micro-averaged). */
export interface BroadFigures {
  questions: number
  /** Share of gold points that a citation covers. */
  pointRecall: number
  /** Share of citations that stand on a gold point. */
  citationPrecision: number
  refusals: number
  inexactQuotes: number
}

/**
 * Whether a cited span covers a gold point: the two overlap by at least half of the point. A citation
 * stands on a gold point when they overlap by at least half of the shorter of the two, so that a
 * narrow clause inside a long point counts as well as a sentence around a short one.
 */
export function overlapOf(left: { start: number; end: number }, right: { start: number; end: number }): number {
  return Math.max(0, Math.min(left.end, right.end) - Math.max(left.start, right.start))
}

/** Scores one answer to a broad question: which gold points its citations cover and which citations stand on one. */
export function scoreBroadAnswer(question: BroadQuestion, response: AskResponse, documentText: string): BroadOutcome {
  const gold = question.goldPoints.map((point) => ({ point, start: documentText.indexOf(point), end: documentText.indexOf(point) + point.length }))
  const citations = response.answered ? response.citations : []
  const own = citations.filter((citation) => citation.docId === question.docId)
  const covered = gold.filter((point) => own.some((citation) => overlapOf(citation, point) >= (point.end - point.start) / 2))
  const onPoints = citations.filter(
    (citation) => citation.docId === question.docId && gold.some((point) => overlapOf(citation, point) >= Math.min(point.end - point.start, citation.end - citation.start) / 2),
  )
  return {
    id: question.id,
    docId: question.docId,
    kind: question.kind,
    language: question.language,
    heldOut: isHeldOut(question),
    refused: !response.answered,
    points: gold.length,
    pointsCited: covered.length,
    citations: citations.length,
    citationsOnPoints: onPoints.length,
    quotesExact: citations.every((citation) => citation.docId !== question.docId || documentText.slice(citation.start, citation.end) === citation.quote),
    missedPoints: gold.filter((point) => !covered.includes(point)).map((point) => point.point),
  }
}

/** Pools outcomes into point recall and citation precision. */
export function summarizeBroadOutcomes(outcomes: readonly BroadOutcome[]): BroadFigures {
  const sum = (pick: (outcome: BroadOutcome) => number) => outcomes.reduce((total, outcome) => total + pick(outcome), 0)
  const points = sum((outcome) => outcome.points)
  const citations = sum((outcome) => outcome.citations)
  return {
    questions: outcomes.length,
    pointRecall: round(points === 0 ? 0 : sum((outcome) => outcome.pointsCited) / points),
    citationPrecision: round(citations === 0 ? 0 : sum((outcome) => outcome.citationsOnPoints) / citations),
    refusals: sum((outcome) => Number(outcome.refused)),
    inexactQuotes: sum((outcome) => Number(!outcome.quotesExact)),
  }
}

/** Figures of the development and the frozen held-out parts, overall and per kind. */
export interface BroadReport {
  dev: { all: BroadFigures; byKind: Record<string, BroadFigures> }
  heldOut: { all: BroadFigures; byKind: Record<string, BroadFigures> }
  outcomes: BroadOutcome[]
}

/**
 * Asks every broad question of its own article (the documents filter, as the UI does when one article
 * is open) and scores the answers; the development and held-out parts are reported apart.
 */
export async function evaluateBroadQuestions(
  questions: readonly BroadQuestion[],
  ask: (request: AskRequest) => Promise<AskResponse>,
  documents: ReadonlyMap<string, string>,
): Promise<BroadReport> {
  const outcomes: BroadOutcome[] = []
  for (const question of questions) {
    const response = await ask({ question: question.question, documents: [question.docId] })
    outcomes.push(scoreBroadAnswer(question, response, documents.get(question.docId) ?? ''))
  }
  const part = (heldOut: boolean) => {
    const chosen = outcomes.filter((outcome) => outcome.heldOut === heldOut)
    const kinds = [...new Set(chosen.map((outcome) => outcome.kind))]
    return { all: summarizeBroadOutcomes(chosen), byKind: Object.fromEntries(kinds.map((kind) => [kind, summarizeBroadOutcomes(chosen.filter((outcome) => outcome.kind === kind))])) }
  }
  return { dev: part(false), heldOut: part(true), outcomes }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
