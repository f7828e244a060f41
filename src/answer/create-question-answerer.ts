import type { Sentence } from '../chunk/corpus.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { QueryConcept } from '../lexical/bm25-index.js'
import type { ChunkRetriever, RetrievedChunk } from '../retrieve/chunk-retriever.js'
import { detectLatinLanguage } from '../text/detect-language.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import { analyzeQuestion, type QuestionAnalysis } from './analyze-question.js'
import type { AskRequest, AskResponse, Citation, Passage } from './answer-schemas.js'
import { buildEvidenceSentences } from './build-evidence-sentences.js'
import { createBroadQuestionAnswerer, toEvidenceSentences, toExtractedAnswer, type BroadAnswer } from './broad/answer-broad-question.js'
import { composeAnswer } from './compose-answer.js'
import type { LlmAnswerer } from './create-llm-answerer.js'
import { detectInjection } from './detect-injection.js'
import type { AnswerModel } from './answer-model.js'
import { extractAnswer, type AnswerTrace, type ExtractedAnswer } from './extract-answer.js'
import { describeModelFailure, type LlmReply } from './generate-llm-answer.js'
import type { AnswerEvent, AskOptions, QuestionAnswerer } from './question-answerer.js'
import { refusalMessage, type RefusalCode } from './refusal-messages.js'
import type { LlmAnswerInput } from './render-answer-prompt.js'
import { weightTerms } from './weight-terms.js'
import type { QueryTranslator } from '../translate/query-translator.js'

/** The grounding summary of an answer, as the support scorer sees it; given the question, also whether the answer addresses it. */
export type GroundingScorer = (answer: string, citations: readonly Citation[], language?: 'ar' | 'en', asked?: { question: string; kind?: string }) => AskResponse['grounding']

export type { QueryTranslator, TranslatedQuery } from '../translate/query-translator.js'

/** What the answerer is built from; built once in main.ts and passed in. */
export interface QuestionAnswererDependencies {
  index: SanadIndex
  retriever: ChunkRetriever
  defaultTopK: number
  scoreGrounding: GroundingScorer
  translateQuery?: QueryTranslator | undefined
  /** The model-backed answerer; when present it answers requests for the 'default' or 'llm' answerer. */
  llm?: LlmAnswerer | undefined
  /** The extractive answerer's fitted ranker and decider (`npm run train`). */
  model: AnswerModel
  /** Receives what the extractive answerer saw and decided, for debugging; nothing by default. */
  trace?: ((trace: AnswerTrace) => void) | undefined
}

/** Everything retrieval and extraction produced for a question, ready for the extractive or the model answer. */
interface PreparedQuestion {
  kind: 'prepared'
  question: string
  request: AskRequest
  analysis: QuestionAnalysis
  retrieved: RetrievedChunk[]
  passages: Passage[]
  extracted: ExtractedAnswer
  /** The answer to a broad question (summary, statements, list, timeline), which `extracted` then holds; null otherwise. */
  broad: BroadAnswer | null
  renderShortAnswer: ((arabic: string) => string) | undefined
  /** The model to answer with; undefined when it is not configured, not chosen, or already failed. */
  llm: LlmAnswerer | undefined
  fallback: string | null
  started: number
  timings: Record<string, number>
}

/** A question answered (or refused) before retrieval. */
interface SettledQuestion {
  kind: 'settled'
  response: AskResponse
}

interface RefusalDetails {
  code: RefusalCode
  analysis: QuestionAnalysis
  passages: Passage[]
  related: Passage[]
  missingDetail: QuestionAnalysis['kind'] | null
  answerer: AskResponse['answerer']
  fallback: string | null
  started: number
  timings: Record<string, number>
}

/**
 * Builds the question answerer over an index: analyze → (rewrite) → retrieve → extract → (generate
 * and validate with the model) → compose → ground. Any model fault falls back to the extractive
 * answer, with the reason in `fallback`.
 */
export function createQuestionAnswerer(dependencies: QuestionAnswererDependencies): QuestionAnswerer {
  const { index, retriever, defaultTopK, scoreGrounding } = dependencies
  const { translateQuery } = dependencies
  const broadAnswerer = createBroadQuestionAnswerer(index, translateQuery && (async (english) => (await translateQuery(english, 'en'))?.concepts.flatMap((concept) => concept.terms) ?? null))

  async function prepare(request: AskRequest, options: AskOptions): Promise<PreparedQuestion | SettledQuestion> {
    const started = performance.now()
    const timings: Record<string, number> = {}
    const lap = (name: string, since: number) => (timings[name] = round(performance.now() - since))
    const topK = request.topK ?? defaultTopK
    const history = request.history ?? []
    let llm = options.answerer === 'extractive' ? undefined : dependencies.llm
    let fallback: string | null = options.answerer === 'llm' && !dependencies.llm ? 'llm_not_configured' : null
    const settle = (code: RefusalCode, analysis: QuestionAnalysis): SettledQuestion => ({
      kind: 'settled',
      response: refusal({ code, analysis, passages: [], related: [], missingDetail: null, answerer: llm ? 'llm' : 'extractive', fallback, started, timings }),
    })

    const injection = detectInjection(request.question)
    const question = injection.kind === 'stripped' ? injection.question : request.question
    let analysis = analyzeQuestion(question, history)
    if (injection.kind === 'refuse') return settle('injection', analysis)

    // The model resolves follow-ups and translates questions better than the offline analysis, for retrieval only.
    let rewritten: string | null = null
    if (llm && (analysis.language !== 'ar' || analysis.isFollowUp)) {
      const rewriteStarted = performance.now()
      try {
        rewritten = await llm.rewriteQuestion({ question, history }, { signal: options.signal })
      } catch (error) {
        if (options.signal?.aborted) throw error
        const failure = describeModelFailure(error)
        // A model that is down or too slow now would fail the answer as well: answer offline rather than wait twice.
        if (failure === 'model_timeout' || failure === 'model_unavailable') {
          llm = undefined
          fallback = failure
        }
      }
      lap('rewrite', rewriteStarted)
    }

    let concepts: QueryConcept[] | undefined
    let renderShortAnswer: ((arabic: string) => string) | undefined
    if (analysis.language === 'en') {
      if (rewritten) {
        analysis = { ...analysis, searchText: rewritten, terms: analyzeQuestion(rewritten).terms }
      } else {
        // The dictionary is English–Arabic: a question in another Latin-script language is refused, in its own words.
        const written = detectLatinLanguage(question)
        if (written !== 'en') {
          const { response } = settle('unsupported-language', analysis)
          return { kind: 'settled', response: { ...response, answer: refusalMessage('unsupported-language', written), language: written } }
        }
        const translated = dependencies.translateQuery ? await dependencies.translateQuery(analysis.searchText, 'en', analysis.kind) : null
        if (!translated) return settle('unsupported-language', analysis)
        analysis = { ...analysis, searchText: translated.searchText, terms: analyzeQuestion(translated.searchText).terms }
        concepts = translated.concepts
        renderShortAnswer = (arabic) => translated.renderShortAnswer(arabic) ?? arabic
      }
    }
    options.signal?.throwIfAborted()
    const terms = weightTerms(analysis.terms, index.lexical, retriever.vocabulary)
    // An Arabic follow-up keeps its offline terms for extraction; the rewritten query only steers retrieval.
    const retrievalTerms = rewritten && analysis.searchText !== rewritten ? weightTerms(analyzeQuestion(rewritten).terms, index.lexical, retriever.vocabulary) : terms
    timings.analyze = round(performance.now() - started - (timings.rewrite ?? 0))

    const retrieveStarted = performance.now()
    const retrieved = await retriever.retrieve({
      text: rewritten ?? analysis.searchText,
      concepts: concepts ?? retrievalTerms.map((term) => ({ terms: term.variants.map((variant) => variant.stem), weight: term.weight })),
      topK,
      documents: request.documents ? new Set(request.documents) : undefined,
    })
    lap('retrieve', retrieveStarted)
    options.signal?.throwIfAborted()

    const answerStarted = performance.now()
    // Broad questions (summaries, statements by someone, lists across a document, timelines): src/answer/broad/.
    const broad = await broadAnswerer.answer({ analysis, terms, retrieved, history, documents: request.documents })
    const extracted = broad ? toExtractedAnswer(broad) : extractAnswer(analysis, terms, retrieved, index, dependencies.model, dependencies.trace)
    lap('answer', answerStarted)
    const passages = retrieved.map((hit) => toPassage(hit, index))
    return { kind: 'prepared', question, request, analysis, retrieved, passages, extracted, broad, renderShortAnswer, llm, fallback, started, timings }
  }

  // The extractive answer or refusal; `answerer` is 'llm' only when the model's refusal is confirmed by extraction.
  function answerExtractively(prepared: PreparedQuestion, fallback: string | null, answerer: AskResponse['answerer'] = 'extractive'): AskResponse {
    const { analysis, extracted, retrieved, passages, started, timings } = prepared
    if (!extracted.answered) {
      const code: RefusalCode = extracted.reason === 'missing-detail' ? 'missing-detail' : extracted.reason
      const related = extracted.coverage >= 0.3 ? relatedPassages(extracted.related, retrieved, index) : []
      return refusal({ code, analysis, passages, related, missingDetail: extracted.missingDetail, answerer, fallback, started, timings })
    }
    const composed = composeAnswer(extracted, analysis.language, index, prepared.renderShortAnswer)
    const groundingStarted = performance.now()
    // A broad answer (summary, statements, list, timeline) answers the question by construction: each
    // point is judged on its own citation, not on whether it repeats the question's words.
    const asked = prepared.broad ? undefined : { question: analysis.question.normalize('NFC'), kind: analysis.kind }
    const grounding = scoreGrounding(composed.answer, composed.citations, analysis.language, asked)
    timings.grounding = round(performance.now() - groundingStarted)
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
      fallback,
      refusalReason: null,
      timingsMs: timings,
    }
  }

  /**
   * Turns the model's validated reply into the response. A reply with no supported sentence falls
   * back to extraction; so does a model refusal that extraction contradicts, since the extractive
   * answer is itself held to its evidence.
   */
  function respondToReply(prepared: PreparedQuestion, reply: LlmReply): AskResponse {
    if (reply.kind === 'unsupported') return answerExtractively(prepared, 'unsupported_reply')
    if (reply.kind === 'not-in-sources') {
      return prepared.extracted.answered ? answerExtractively(prepared, 'model_refused') : answerExtractively(prepared, prepared.fallback, 'llm')
    }
    const { analysis, passages, started, timings } = prepared
    const groundingStarted = performance.now()
    const grounding = scoreGrounding(reply.answer, reply.citations, analysis.language, { question: analysis.question.normalize('NFC'), kind: analysis.kind })
    timings.grounding = round(performance.now() - groundingStarted)
    timings.total = round(performance.now() - started)
    const corrections = [
      reply.removed > 0 ? `${reply.removed} unsupported sentence(s) removed from the model's reply` : '',
      reply.unknownNumbers > 0 ? `${reply.unknownNumbers} unknown citation number(s) dropped` : '',
    ].filter(Boolean)
    return {
      answered: true,
      answer: reply.answer,
      shortAnswer: findShortAnswerIn(prepared, reply.answer),
      citations: reply.citations,
      passages,
      related: [],
      grounding: corrections.length > 0 ? { ...grounding, explanation: [grounding.explanation, ...corrections].filter(Boolean).join('; ') } : grounding,
      language: analysis.language,
      questionKind: analysis.kind,
      answerer: 'llm',
      fallback: reply.interruptedBy,
      refusalReason: null,
      timingsMs: timings,
    }
  }

  // The extractive short answer ("2 مايو 2011"), when the model's answer states it too.
  function findShortAnswerIn(prepared: PreparedQuestion, answer: string): string | null {
    const { extracted, renderShortAnswer } = prepared
    if (!extracted.answered || !extracted.shortAnswer) return null
    const arabic = index.textOf(extracted.shortAnswer)
    const shortAnswer = renderShortAnswer ? renderShortAnswer(arabic) : arabic
    return normalizeArabic(answer).includes(normalizeArabic(shortAnswer)) ? shortAnswer : null
  }

  function modelInput(prepared: PreparedQuestion): LlmAnswerInput {
    const evidence = prepared.broad ? toEvidenceSentences(prepared.broad, index) : buildEvidenceSentences(prepared.retrieved, index)
    return { question: prepared.question, language: prepared.analysis.language, history: prepared.request.history ?? [], evidence }
  }

  async function ask(request: AskRequest, options: AskOptions = {}): Promise<AskResponse> {
    const prepared = await prepare(request, options)
    if (prepared.kind === 'settled') return prepared.response
    if (!prepared.llm) return answerExtractively(prepared, prepared.fallback)
    const input = modelInput(prepared)
    if (input.evidence.length === 0) return respondToReply(prepared, { kind: 'not-in-sources' })

    const generateStarted = performance.now()
    let reply: LlmReply
    try {
      reply = await prepared.llm.generateAnswer(input, { signal: options.signal })
    } catch (error) {
      if (options.signal?.aborted) throw error
      return answerExtractively(prepared, describeModelFailure(error))
    } finally {
      prepared.timings.generate = round(performance.now() - generateStarted)
    }
    return respondToReply(prepared, reply)
  }

  function refusal(details: RefusalDetails): AskResponse {
    const { analysis, started, timings } = details
    timings.total = round(performance.now() - started)
    return {
      answered: false,
      answer: refusalMessage(details.code, analysis.language, details.missingDetail),
      shortAnswer: null,
      citations: [],
      passages: details.passages,
      related: details.related,
      grounding: { score: 0, supported: false, explanation: analysis.language === 'en' ? 'No answer, so nothing to ground.' : 'لا إجابة، فلا شيء يحتاج إلى سند.' },
      language: analysis.language,
      questionKind: analysis.kind,
      answerer: details.answerer,
      fallback: details.fallback,
      refusalReason: details.code,
      timingsMs: timings,
    }
  }

  async function* streamWhole(response: AskResponse, signal: AbortSignal | undefined): AsyncIterable<AnswerEvent> {
    yield { type: 'passages', passages: response.passages }
    yield* streamText(response.answer, response.citations, signal)
    yield { type: 'answer', answer: response }
  }

  /**
   * Streams an answer. The model's sentences are released one by one once validated; a reply that
   * fails before any sentence is released is replaced by the extractive answer, streamed as text.
   */
  async function* stream(request: AskRequest, options: AskOptions = {}): AsyncIterable<AnswerEvent> {
    const prepared = await prepare(request, options)
    if (prepared.kind === 'settled') return yield* streamWhole(prepared.response, options.signal)
    if (!prepared.llm) return yield* streamWhole(answerExtractively(prepared, prepared.fallback), options.signal)

    yield { type: 'passages', passages: prepared.passages }
    const input = modelInput(prepared)
    let reply: LlmReply | undefined = input.evidence.length === 0 ? { kind: 'not-in-sources' } : undefined
    let failure: string | null = null
    if (!reply) {
      const generateStarted = performance.now()
      try {
        for await (const event of prepared.llm.streamAnswer(input, { signal: options.signal })) {
          if (event.type === 'reply') {
            reply = event.reply
            continue
          }
          yield { type: 'text-delta', delta: event.delta }
          for (const citation of event.citations) yield { type: 'citation', citation }
        }
      } catch (error) {
        if (options.signal?.aborted) throw error
        failure = describeModelFailure(error)
      }
      prepared.timings.generate = round(performance.now() - generateStarted)
    }
    const response = reply ? respondToReply(prepared, reply) : answerExtractively(prepared, failure)
    // Only an answered reply has released text; any other outcome is streamed here in full.
    if (reply?.kind !== 'answered') yield* streamText(response.answer, response.citations, options.signal)
    yield { type: 'answer', answer: response }
  }

  return { answerers: dependencies.llm ? ['extractive', 'llm'] : ['extractive'], ask, stream }
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
