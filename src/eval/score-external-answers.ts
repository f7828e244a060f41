import { z } from 'zod'
import { CitationReferenceSchema } from '../grounding/grounding-schemas.js'
import { resolveCitations } from '../grounding/resolve-citations.js'
import { scoreAnswerGrounding } from '../grounding/score-answer-grounding.js'
import type { ScoreSupportOptions } from '../grounding/score-support.js'
import type { FindSupport } from '../grounding/create-support-finder.js'
import { detectLanguage } from '../text/detect-language.js'
import type { QuestionResult } from './eval-report-schemas.js'
import { scoreCitations } from './score-citations.js'

/** One answer produced by another system: a line of the JSONL file that `npm run grounding` reads. */
export const ExternalAnswerSchema = z.object({
  id: z.string().min(1).optional(),
  /** A group to break the report down by, such as the system that answered; `answers` when absent. */
  kind: z.string().min(1).optional(),
  question: z.string(),
  answer: z.string(),
  citations: z.array(CitationReferenceSchema).optional(),
})
export type ExternalAnswer = z.infer<typeof ExternalAnswerSchema>

/**
 * Scores answers from other systems against the sources: sentence grounding (citations located in
 * the sources, or the best support found there without them), faithfulness, and ALCE citation
 * recall and precision when citations are given. Each answer becomes a report result.
 */
export function scoreExternalAnswers(
  answers: readonly ExternalAnswer[],
  documents: ReadonlyMap<string, string>,
  findSupport: FindSupport,
  options: ScoreSupportOptions = {},
): QuestionResult[] {
  return answers.map((line, index) => {
    const { resolved, unresolved } = resolveCitations(line.citations ?? [], documents)
    const grounding = scoreAnswerGrounding(line.answer, line.citations ? resolved : undefined, { ...options, findSupport })
    const citationScores = line.citations ? scoreCitations(line.answer, resolved, options) : null
    const failures = [
      ...(grounding.unsupported.length > 0 ? ['unsupported-sentence'] : []),
      ...(unresolved.length > 0 ? ['citation-not-found'] : []),
      ...(grounding.sentences.length === 0 ? ['no-claim'] : []),
    ]
    return {
      id: line.id ?? `answer-${index + 1}`,
      kind: line.kind ?? 'answers',
      language: detectLanguage(line.answer),
      question: line.question,
      answerable: null,
      answered: true,
      answer: line.answer,
      shortAnswer: null,
      refusalReason: null,
      citations: [
        ...resolved.map((citation) => ({ n: citation.n, docId: citation.docId, start: citation.start, end: citation.end, quote: citation.quote, valid: true, overlapsGold: false })),
        ...unresolved.map((citation) => ({ n: citation.n, docId: '', start: 0, end: 0, quote: describeReference(line.citations![citation.n - 1]!), valid: false, overlapsGold: false })),
      ].sort((first, second) => first.n - second.n),
      passages: [],
      acceptableAnswers: [],
      gold: [],
      retrievalRank: null,
      contextPrecision: null,
      correct: null,
      answeredCorrectly: null,
      exactMatch: null,
      tokenF1: null,
      citationRecall: citationScores?.recall ?? null,
      citationPrecision: citationScores?.precision ?? null,
      faithfulness: grounding.faithfulness,
      groundingScore: grounding.score,
      latencyMs: null,
      error: null,
      sentences: grounding.sentences,
      failures,
    }
  })
}

function describeReference(reference: z.infer<typeof CitationReferenceSchema>): string {
  return 'start' in reference ? `${reference.docId} ${reference.start}–${reference.end}` : reference.quote
}
