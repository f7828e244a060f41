import { buildTimeline, type TimelineEvent } from '../../index/guide/build-timeline.js'
import { buildDocumentGraph, stemsOf, summarizeDocument, type DocumentGraph } from '../../index/guide/summarize-document.js'
import type { SanadIndex } from '../../index/sanad-index.js'
import type { RetrievedChunk } from '../../retrieve/hybrid-retriever.js'
import { ARABIC_MONTHS, ENGLISH_MONTHS, isYear } from '../../text/calendar-words.js'
import { normalizeArabic } from '../../text/normalize-arabic.js'
import { isStopword } from '../../text/stopwords.js'
import { tokenize, type Token } from '../../text/tokenize.js'
import type { QuestionAnalysis } from '../analyze-question.js'
import type { HistoryMessage } from '../answer-schemas.js'
import { findPoisonedDocuments } from '../contains-injected-instructions.js'
import type { EvidenceSentence } from '../build-evidence-sentences.js'
import type { EvidenceSpan, ExtractedAnswer } from '../extract-answer.js'
import type { WeightedTerm } from '../match-terms.js'
import { detectBroadQuestion, type BroadQuestion } from './detect-broad-question.js'
import { findStatementsBy, isNameWord, type SpeakerStems } from '../../index/guide/find-statements-by.js'
import { gatherListItems } from './gather-list-items.js'

/** What a broad question is answered from: the question, retrieval's results and the conversation. */
export interface BroadQuestionInput {
  analysis: QuestionAnalysis
  /** The question's terms weighed over the index (for lists). */
  terms: readonly WeightedTerm[]
  retrieved: readonly RetrievedChunk[]
  history: readonly HistoryMessage[]
  /** The request's documents filter, if any. */
  documents?: readonly string[] | undefined
}

/** A broad question answered: one claim per point, and the document named when it was picked among several. */
export interface BroadAnswer {
  question: BroadQuestion
  /** The documents the answer was drawn from. */
  documentIds: string[]
  claims: EvidenceSpan[]
  /** The title of the document, when the answer had to pick one of several (the lead says which). */
  documentTitle: EvidenceSpan | null
}

/** Turns English words into the Arabic stems they may stand for (the offline translator); null when it cannot. */
export type TranslateToStems = (english: string) => Promise<string[] | null>

/** Answers broad questions over an index; its document graphs and timelines are built once per document. */
export interface BroadQuestionAnswerer {
  answer(input: BroadQuestionInput): Promise<BroadAnswer | null>
}

// Sentences in an overview when the question does not say: a gist, its points, a topic within it.
const SUMMARY_SENTENCES = 4
const MAIN_POINT_SENTENCES = 5
const TOPIC_SENTENCES = 3
// The share of an English speaker's translated words an attribution must hold.
const ENGLISH_DESCRIPTOR_SHARE = 0.5

/**
 * Builds the broad-question answerer: overviews (LexRank and MMR over the document's sentences),
 * statements by a speaker, lists across a document, and timelines. A question that is not broad, or a
 * broad question the documents give nothing for, gets null and is left to the factoid answerer.
 */
export function createBroadQuestionAnswerer(index: SanadIndex, translate?: TranslateToStems): BroadQuestionAnswerer {
  const graphs = new Map<string, DocumentGraph>()
  const timelines = new Map<string, TimelineEvent[]>()
  const graphOf = (docId: string) => graphs.get(docId) ?? graphs.set(docId, buildDocumentGraph(index, docId)).get(docId)!
  // The timeline was built with the index, in the document's guide; an index without guides builds it here.
  const timelineOf = (docId: string) => {
    const stored = index.guides.get(docId)?.timeline.map((event) => ({ docId, ...event }))
    return timelines.get(docId) ?? timelines.set(docId, stored ?? buildTimeline(index, docId)).get(docId)!
  }

  async function stemsFor(text: string, language: 'ar' | 'en'): Promise<string[]> {
    if (!text.trim()) return []
    if (language === 'ar') return stemsOf(tokenize(text))
    return (await translate?.(text)) ?? []
  }

  async function answer(input: BroadQuestionInput): Promise<BroadAnswer | null> {
    const question = detectBroadQuestion(input.analysis)
    if (!question) return null
    const { language } = input.analysis
    const chosen = chooseDocument(index, input)
    let documentIds: string[]
    let claims: EvidenceSpan[]
    if (question.kind === 'overview') {
      documentIds = chosen.documentIds
      const topicStems = await stemsFor(question.topic, language)
      const count = question.count ?? (topicStems.length > 0 ? TOPIC_SENTENCES : question.style === 'main-points' ? MAIN_POINT_SENTENCES : SUMMARY_SENTENCES)
      const perDocument = documentIds.length > 1 ? Math.max(2, Math.ceil(count / documentIds.length)) : count
      claims = documentIds.flatMap((docId) => {
        // "ماذا يقول المقال عن «التحدي العالمي»؟" names a section: its own sentences are summarized.
        const section = index.sentencesOf(docId).filter((sentence) => sentence.section !== null && sameWords(sentence.section, question.topic))
        const request = section.length > 0 ? { count: perDocument, within: section } : { count: perDocument, topicStems }
        return summarizeDocument(graphOf(docId), request).map(({ docId: id, start, end }) => ({ docId: id, start, end }))
      })
    } else if (question.kind === 'speaker') {
      documentIds = input.documents ? [...input.documents] : retrievedDocuments(input.retrieved)
      const speaker = await speakerStems(question.speaker, language)
      const statements = findStatementsBy(index, documentIds, speaker)
      claims = narrowToTopic(index, statements, await stemsFor(question.topic, language))
    } else if (question.kind === 'timeline') {
      const period = question.period ? readPeriod(question.period) : null
      documentIds = period && !input.documents ? retrievedDocuments(input.retrieved) : chosen.documentIds
      claims = documentIds.flatMap((docId) => timelineOf(docId).filter((event) => !period || inPeriod(event, period)))
      claims = claims.map(({ docId, start, end }) => ({ docId, start, end }))
    } else {
      documentIds = input.documents ? [...input.documents] : retrievedDocuments(input.retrieved).slice(0, 1)
      claims = gatherListItems(index, documentIds, input.terms)
    }
    // A document that addresses a model (a poisoned source) is never quoted, whatever the question.
    const poisoned = findPoisonedDocuments(index)
    claims = claims.filter((claim) => !poisoned.has(claim.docId))
    if (claims.length === 0) return null
    const documentTitle = chosen.picked && question.kind === 'overview' ? titleSpan(index, documentIds[0]!) : null
    return { question, documentIds, claims, documentTitle }
  }

  // An Arabic speaker's words are read as names or descriptions; an English one's are translated word by word.
  async function speakerStems(speaker: string, language: 'ar' | 'en'): Promise<SpeakerStems> {
    if (language === 'en') {
      const words = speaker.split(/\s+/).filter((word) => word.length > 1 && !isStopword(word))
      const translated = await Promise.all(words.map(async (word) => (await translate?.(word)) ?? []))
      // A dictionary translation may be off by a word: half of them must match.
      return { names: [], descriptors: translated.filter((stems) => stems.length > 0), descriptorShare: ENGLISH_DESCRIPTOR_SHARE }
    }
    const tokens = tokenize(speaker).filter((token) => !token.isStopword)
    const alternatives = (token: Token) => [token.stem, ...(token.cliticFreeStem ? [token.cliticFreeStem] : [])]
    return { names: tokens.filter((token) => isNameWord(token, speaker)).map(alternatives), descriptors: tokens.filter((token) => !isNameWord(token, speaker)).map(alternatives) }
  }

  return { answer }
}

/**
 * The documents an overview or a timeline is about: those of the filter; or, among several, the one
 * the conversation is about (the one the last answer quoted); or the top-retrieved one. `picked` is
 * true when one was chosen among several, so that the answer says which.
 */
function chooseDocument(index: SanadIndex, input: BroadQuestionInput): { documentIds: string[]; picked: boolean } {
  if (input.documents && input.documents.length > 0) return { documentIds: [...input.documents], picked: false }
  const all = [...index.documents.keys()]
  if (all.length === 1) return { documentIds: all, picked: false }
  const poisoned = findPoisonedDocuments(index)
  const quoted = documentQuotedLast(index, input.history)
  const top = input.retrieved.find((hit) => !poisoned.has(hit.chunk.docId))?.chunk.docId
  return { documentIds: [quoted ?? top ?? all.find((docId) => !poisoned.has(docId)) ?? all[0]!], picked: true }
}

// Extractive answers quote their sources verbatim: the document holding the last answer's longest quote.
function documentQuotedLast(index: SanadIndex, history: readonly HistoryMessage[]): string | null {
  const answer = [...history].reverse().find((message) => message.role === 'assistant')?.content
  if (!answer) return null
  const pieces = answer.split(/\[\d+(?:\s*[,،]\s*\d+)*\]|\n|•/).map((piece) => piece.trim()).filter((piece) => piece.length >= 20).sort((left, right) => right.length - left.length)
  for (const piece of pieces) {
    for (const [docId, document] of index.documents) if (document.text.includes(piece)) return docId
  }
  return null
}

function sameWords(left: string, right: string): boolean {
  const words = (text: string) => normalizeArabic(text).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim()
  return words(left) === words(right) && words(left).length > 0
}

function retrievedDocuments(retrieved: readonly RetrievedChunk[]): string[] {
  return [...new Set(retrieved.map((hit) => hit.chunk.docId))]
}

function titleSpan(index: SanadIndex, docId: string): EvidenceSpan | null {
  const title = index.corpus.documents.find((document) => document.id === docId)?.title
  const start = title ? (index.documents.get(docId)?.text.indexOf(title) ?? -1) : -1
  return title && start >= 0 ? { docId, start, end: start + title.length } : null
}

// "What did X say about Y?": the statements on Y when any is; all of them otherwise.
function narrowToTopic(index: SanadIndex, statements: readonly EvidenceSpan[], topicStems: readonly string[]): EvidenceSpan[] {
  if (topicStems.length === 0) return [...statements]
  const wanted = new Set(topicStems)
  const onTopic = statements.filter((span) => stemsOf(tokenize(index.textOf(span))).some((stem) => wanted.has(stem)))
  return onTopic.length > 0 ? onTopic : [...statements]
}

interface Period {
  year: number | null
  month: number | null
}

function readPeriod(text: string): Period | null {
  const tokens = tokenize(text)
  const year = tokens.find((token) => token.isNumber && isYear(token.normalized))
  const month = tokens.map((token) => ARABIC_MONTHS.get(token.normalized) ?? ENGLISH_MONTHS.get(token.normalized)).find((value) => value !== undefined && value > 0)
  if (!year && month === undefined) return null
  return { year: year ? Number(year.normalized) : null, month: month ?? null }
}

function inPeriod(event: TimelineEvent, period: Period): boolean {
  return (period.year === null || event.year === period.year) && (period.month === null || event.month === period.month)
}

/** A broad answer as the extractive answerer's decision: one claim per point, the document's title as the lead when it was picked. */
export function toExtractedAnswer(broad: BroadAnswer): ExtractedAnswer {
  return { answered: true, shortAnswer: broad.documentTitle, polarity: null, claims: broad.claims, coverage: 1 }
}

/** The evidence a model answers a broad question from: its points, numbered in reading order. */
export function toEvidenceSentences(broad: BroadAnswer, index: SanadIndex): EvidenceSentence[] {
  return broad.claims.map((claim, position) => ({ n: position + 1, ...claim, text: index.textOf(claim) }))
}
