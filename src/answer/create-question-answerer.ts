import type { Sentence } from '../chunk/corpus.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { QueryConcept } from '../lexical/bm25-index.js'
import type { HybridRetriever, RetrievedChunk } from '../retrieve/hybrid-retriever.js'
import { analyzeQuestion, type QuestionAnalysis } from './analyze-question.js'
import type { AskRequest, AskResponse, Citation, Passage } from './answer-schemas.js'
import { composeAnswer } from './compose-answer.js'
import { detectInjection } from './detect-injection.js'
import { extractAnswer } from './extract-answer.js'
import type { WeightedTerm } from './match-terms.js'
import type { AnswerEvent, AskOptions, QuestionAnswerer } from './question-answerer.js'
import { refusalMessage, type RefusalCode } from './refusal-messages.js'
import { weightTerms } from './weight-terms.js'

/** The grounding summary of an answer, as the support scorer sees it. */
export type GroundingScorer = (answer: string, citations: readonly Citation[]) => AskResponse['grounding']

/** A question in another language, turned into Arabic query terms (see the translate stage). */
export interface TranslatedQuery {
  /** Arabic text to embed and to match against. */
  searchText: string
  /** One concept per source word: its Arabic alternatives. */
  concepts: QueryConcept[]
  /** Renders an Arabic short answer for the question's reader (dates, numbers, names). */
  renderShortAnswer: (arabic: string) => string | null
}

/** Translates a non-Arabic question into Arabic query concepts, or says it cannot. */
export type QueryTranslator = (question: string, language: 'en') => Promise<TranslatedQuery | null>

/** What the answerer is built from; built once in main.ts and passed in. */
export interface QuestionAnswererDependencies {
  index: SanadIndex
  retriever: HybridRetriever
  defaultTopK: number
  scoreGrounding: GroundingScorer
  translateQuery?: QueryTranslator | undefined
}

/** Builds the question answerer over an index: analyze → retrieve → extract → compose → ground. */
export function createQuestionAnswerer(dependencies: QuestionAnswererDependencies): QuestionAnswerer {
  const { index, retriever, defaultTopK, scoreGrounding } = dependencies

  async function ask(request: AskRequest, options: AskOptions = {}): Promise<AskResponse> {
    const started = performance.now()
    const timings: Record<string, number> = {}
    const lap = (name: string, since: number) => (timings[name] = round(performance.now() - since))
    const topK = request.topK ?? defaultTopK

    const injection = detectInjection(request.question)
    const question = injection.kind === 'stripped' ? injection.question : request.question
    let analysis = analyzeQuestion(question, request.history ?? [])
    if (injection.kind === 'refuse') return refusal('injection', analysis, [], [], null, started, timings)

    let concepts: QueryConcept[] | undefined
    let renderShortAnswer: ((arabic: string) => string) | undefined
    let terms: WeightedTerm[]
    if (analysis.language === 'en') {
      const translated = dependencies.translateQuery ? await dependencies.translateQuery(analysis.searchText, 'en') : null
      if (!translated) return refusal('unsupported-language', analysis, [], [], null, started, timings)
      analysis = { ...analysis, searchText: translated.searchText, terms: analyzeQuestion(translated.searchText).terms }
      concepts = translated.concepts
      renderShortAnswer = (arabic) => translated.renderShortAnswer(arabic) ?? arabic
    }
    options.signal?.throwIfAborted()
    terms = weightTerms(analysis.terms, index.lexical)
    timings.analyze = round(performance.now() - started)

    const retrieveStarted = performance.now()
    const retrieved = await retriever.retrieve({
      text: analysis.searchText,
      concepts: concepts ?? terms.map((term) => ({ terms: term.variants.map((variant) => variant.stem), weight: term.weight })),
      topK,
    })
    lap('retrieve', retrieveStarted)
    options.signal?.throwIfAborted()

    const answerStarted = performance.now()
    const extracted = extractAnswer(analysis, terms, retrieved, index)
    lap('answer', answerStarted)
    const passages = retrieved.map((hit) => toPassage(hit, index))
    if (!extracted.answered) {
      const code: RefusalCode = extracted.reason === 'missing-detail' ? 'missing-detail' : extracted.reason
      const related = extracted.coverage >= 0.3 ? relatedPassages(extracted.related, retrieved, index) : []
      return refusal(code, analysis, passages, related, extracted.missingDetail, started, timings)
    }
    const composed = composeAnswer(extracted, analysis.language, index, renderShortAnswer)
    const groundingStarted = performance.now()
    const grounding = scoreGrounding(composed.answer, composed.citations)
    lap('grounding', groundingStarted)
    timings.total = round(performance.now() - started)
    return {
      answered: true,
      answer: composed.answer,
      shortAnswer: composed.shortAnswer,
      citations: composed.citations,
      passages,
      related: [],
      grounding,
      language: analysis.language,
      questionKind: analysis.kind,
      answerer: 'extractive',
      fallback: null,
      refusalReason: null,
      timingsMs: timings,
    }
  }

  function refusal(
    code: RefusalCode,
    analysis: QuestionAnalysis,
    passages: Passage[],
    related: Passage[],
    missingDetail: QuestionAnalysis['kind'] | null,
    started: number,
    timings: Record<string, number>,
  ): AskResponse {
    timings.total = round(performance.now() - started)
    return {
      answered: false,
      answer: refusalMessage(code, analysis.language, missingDetail),
      shortAnswer: null,
      citations: [],
      passages,
      related,
      grounding: { score: 0, supported: false, explanation: analysis.language === 'en' ? 'No answer, so nothing to ground.' : 'لا إجابة، فلا شيء يحتاج إلى سند.' },
      language: analysis.language,
      questionKind: analysis.kind,
      answerer: 'extractive',
      fallback: null,
      refusalReason: code,
      timingsMs: timings,
    }
  }

  async function* stream(request: AskRequest, options: AskOptions = {}): AsyncIterable<AnswerEvent> {
    const response = await ask(request, options)
    yield { type: 'passages', passages: response.passages }
    yield* streamText(response.answer, response.citations, options.signal)
    yield { type: 'answer', answer: response }
  }

  return { answerers: ['extractive'], ask, stream }
}

/** Streams an answer's text word by word, announcing each citation when its marker first appears. */
export async function* streamText(answer: string, citations: readonly Citation[], signal?: AbortSignal): AsyncIterable<AnswerEvent> {
  const announced = new Set<number>()
  for (const piece of answer.match(/\S+\s*|\s+/g) ?? []) {
    signal?.throwIfAborted()
    yield { type: 'text-delta', delta: piece }
    for (const marker of piece.matchAll(/\[(\d+)\]/g)) {
      const n = Number(marker[1])
      const citation = citations.find((candidate) => candidate.n === n)
      if (citation && !announced.has(n)) {
        announced.add(n)
        yield { type: 'citation', citation }
      }
    }
  }
}

function toPassage(hit: RetrievedChunk, index: SanadIndex): Passage {
  const { chunk } = hit
  return {
    chunkId: chunk.id,
    docId: chunk.docId,
    section: chunk.section,
    start: chunk.start,
    end: chunk.end,
    text: index.textOf(chunk),
    score: round(hit.score, 4),
    scores: { dense: hit.dense === null ? null : round(hit.dense, 4), lexical: hit.lexical === null ? null : round(hit.lexical, 4) },
  }
}

// The retrieved chunks that hold the sentences nearest to an unanswered question.
function relatedPassages(sentences: readonly Sentence[], retrieved: readonly RetrievedChunk[], index: SanadIndex): Passage[] {
  const wanted = new Set(sentences.slice(0, 2).map((sentence) => sentence.id))
  return retrieved.filter((hit) => hit.chunk.sentenceIds.some((id) => wanted.has(id))).slice(0, 2).map((hit) => toPassage(hit, index))
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
