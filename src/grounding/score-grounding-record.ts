import { detectLanguage } from '../text/detect-language.js'
import { applyRelevance } from './apply-relevance.js'
import { judgeRelevance } from './create-grounding-scorer.js'
import { createSupportFinder, type FindSupport, type SupportDocument } from './create-support-finder.js'
import { createWordWeigher } from './create-word-weigher.js'
import { explainGrounding } from './explain-grounding.js'
import type { GroundingInput } from './grounding-schemas.js'
import { resolveCitations, type ResolvedCitations } from './resolve-citations.js'
import { scoreAnswerGrounding, type AnswerGrounding } from './score-answer-grounding.js'
import type { Relevance, RelevanceOptions } from './score-relevance.js'
import type { ScoreSupportOptions } from './score-support.js'
import type { SupportIssue } from './support-issue.js'

/** sanad's sources, for records in sanad's shape (their citations point into them). */
export interface GroundingSources {
  documents: readonly SupportDocument[]
  findSupport: FindSupport
  /** How rare each word is in the sources, for relevance. */
  weighWord: (stem: string) => number
}

/** The grounding of one record of any accepted shape, with what it was judged against. */
export interface RecordGrounding {
  format: 'sanad' | 'ragas' | 'alce'
  question: string | null
  answer: string
  /** The evidence: sanad's sources, or the record's own contexts or docs (`context-1`, `doc-1`…). */
  documents: readonly SupportDocument[]
  citations: ResolvedCitations
  /** Whether the record gave citations (sanad), or its answer cites by [n] markers (ALCE). */
  cites: boolean
  grounding: AnswerGrounding
  relevance: Relevance | null
  score: number
  supported: boolean
  issues: SupportIssue[]
  explanation: string
}

/**
 * Scores a record in sanad's shape (an answer with citations into the sources), a RAGAS sample
 * (the response against its retrieved contexts) or an ALCE record (the output's [n] markers
 * against docs[n-1]); with a question, also its relevance, which an off-question answer fails.
 */
export function scoreGroundingRecord(record: GroundingInput, sources: GroundingSources, options: ScoreSupportOptions = {}): RecordGrounding {
  if ('answer' in record) {
    const documents = new Map(sources.documents.map((document) => [document.docId, document.text]))
    const citations = resolveCitations(record.citations ?? [], documents)
    const grounding = scoreAnswerGrounding(record.answer, record.citations ? citations.resolved : undefined, { ...options, findSupport: sources.findSupport })
    return finish('sanad', record.question ?? null, record.answer, sources.documents, citations, record.citations !== undefined, grounding, { ...options, weighWord: sources.weighWord })
  }
  const [format, question, answer, texts] = 'user_input' in record
    ? (['ragas', record.user_input, record.response, record.retrieved_contexts] as const)
    : (['alce', record.question, record.output, record.docs.map((doc) => (doc.title ? `${doc.title}\n${doc.text}` : doc.text))] as const)
  const documents = texts.map((text, index) => ({ docId: `${format === 'ragas' ? 'context' : 'doc'}-${index + 1}`, text }))
  // Every context or doc is a citation numbered by position: ALCE's [n] markers name them, and a
  // sentence without markers is judged against all of them, as RAGAS faithfulness is.
  const citations: ResolvedCitations = { resolved: documents.map((document, index) => ({ n: index + 1, docId: document.docId, start: 0, end: document.text.length, quote: document.text })), unresolved: [] }
  const findSupport = createSupportFinder(documents, options)
  const grounding = scoreAnswerGrounding(answer, citations.resolved, { ...options, findSupport })
  return finish(format, question, answer, documents, citations, format === 'alce', grounding, { ...options, weighWord: createWordWeigher(texts) })
}

function finish(
  format: RecordGrounding['format'],
  question: string | null,
  answer: string,
  documents: readonly SupportDocument[],
  citations: ResolvedCitations,
  cites: boolean,
  grounding: AnswerGrounding,
  relevanceOptions: RelevanceOptions,
): RecordGrounding {
  const relevance = question ? judgeRelevance(grounding, { question }, documents, relevanceOptions) : null
  const verdict = applyRelevance({ score: grounding.score, supported: grounding.supported, issues: grounding.unsupported.flatMap((sentence) => sentence.issues) }, relevance)
  const language = detectLanguage(question ?? answer)
  return { format, question, answer, documents, citations, cites, grounding, relevance, ...verdict, explanation: explainGrounding(grounding, language, relevance) }
}
