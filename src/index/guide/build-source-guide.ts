import { tokenize } from '../../text/tokenize.js'
import type { SanadIndex } from '../sanad-index.js'
import { buildTimeline } from './build-timeline.js'
import { findEntityMentions } from './find-entity-mentions.js'
import { findStatementsBy, isNameWord } from './find-statements-by.js'
import type { GuideQuestion, SourceGuide } from './source-guide.js'
import { buildDocumentGraph, summarizeDocument } from './summarize-document.js'

// Sentences in a guide's summary, and key points per section (one for a short section).
const SUMMARY_SENTENCES = 4
const POINTS_PER_SECTION = 2
const SHORT_SECTION = 3
// Starter questions on speakers and sections, at most.
const SPEAKER_QUESTIONS = 2
const SECTION_QUESTIONS = 3
// A timeline question is offered when the document dates at least this many events.
const MIN_TIMELINE_EVENTS = 3

/**
 * The source guide of one document: its summary (LexRank and MMR), the key points of each section,
 * its timeline, its people, places and organisations with their mentions, and candidate starter
 * questions (an overview, the timeline, what its speakers said, what it says under each heading),
 * which the answerer checks before they are offered.
 */
export function buildSourceGuide(index: SanadIndex, docId: string): SourceGuide {
  const graph = buildDocumentGraph(index, docId)
  const spans = (sentences: readonly { start: number; end: number }[]) => sentences.map(({ start, end }) => ({ start, end }))
  const sentences = index.sentencesOf(docId)
  const headings = [...new Set(sentences.map((sentence) => sentence.section))]
  const sections = headings.map((heading) => {
    const within = sentences.filter((sentence) => sentence.section === heading)
    const count = within.length <= SHORT_SECTION ? 1 : POINTS_PER_SECTION
    return { heading, points: spans(summarizeDocument(graph, { count, within })) }
  }).filter((section) => section.points.length > 0)
  const timeline = buildTimeline(index, docId).map(({ docId: _docId, ...event }) => event)
  const entities = findEntityMentions(index, docId)
  const questions: GuideQuestion[] = [{ question: 'لخص المقال', kind: 'overview' }]
  if (timeline.length >= MIN_TIMELINE_EVENTS) questions.push({ question: 'رتب الأحداث زمنيا', kind: 'timeline' })
  // The people the document quotes most.
  const speakers = entities
    .filter((entity) => entity.kind === 'person')
    .map((entity) => {
      const words = tokenize(entity.name).filter((token) => isNameWord(token, entity.name))
      return { name: entity.name, statements: words.length === 0 ? 0 : findStatementsBy(index, [docId], { names: words.map((token) => [token.stem]), descriptors: [] }).length }
    })
    .filter((speaker) => speaker.statements > 0)
    .sort((left, right) => right.statements - left.statements)
  for (const speaker of speakers.slice(0, SPEAKER_QUESTIONS)) questions.push({ question: `ماذا قال ${speaker.name}؟`, kind: 'speaker' })
  for (const heading of headings.filter((heading): heading is string => heading !== null).slice(0, SECTION_QUESTIONS)) {
    questions.push({ question: `ماذا يقول المقال عن «${heading}»؟`, kind: 'section' })
  }
  const title = index.corpus.documents.find((document) => document.id === docId)?.title ?? ''
  return { docId, title, summary: spans(summarizeDocument(graph, { count: SUMMARY_SENTENCES })), sections, timeline, entities, questions }
}
