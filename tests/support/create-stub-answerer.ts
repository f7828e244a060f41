import { setTimeout as wait } from 'node:timers/promises'
import type { AskRequest, AskResponse, Citation, Passage } from '../../src/answer/answer-schemas.js'
import type { AnswerEvent, AskOptions, QuestionAnswerer } from '../../src/answer/question-answerer.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'

/** How the stub behaves. */
export interface StubAnswererOptions {
  /** Pause before each streamed event, to keep a stream in flight. */
  eventDelayMs?: number
  /** Thrown by `ask`, and by `stream` after the passages event. */
  failWith?: unknown
  /** Streams no text deltas, only the final answer. */
  silent?: boolean
  answerers?: readonly ('extractive' | 'llm')[]
}

/** A recorded call. */
export interface StubCall {
  request: AskRequest
  options: AskOptions
}

/** A test answerer over a real index: answers with the first two sentences of the first document, cited exactly. */
export interface StubAnswerer extends QuestionAnswerer {
  calls: StubCall[]
  /** Streams that stopped early because the client left (their signal aborted or the iteration was closed). */
  abandonedStreams: number
  /** Streams that ran to the answer event. */
  finishedStreams: number
}

/** Builds a deterministic answerer for HTTP tests; the real one is tested in tests/answer. */
export function createStubAnswerer(index: SanadIndex, options: StubAnswererOptions = {}): StubAnswerer {
  const [first, second] = index.corpus.sentences
  if (!first || !second) throw new Error('the test index needs two sentences')
  const citations: Citation[] = [first, second].map((sentence, position) => ({
    n: position + 1,
    docId: sentence.docId,
    start: sentence.start,
    end: sentence.end,
    quote: index.textOf(sentence),
  }))
  const chunk = index.corpus.chunks[0]!
  const passages: Passage[] = [
    { chunkId: chunk.id, docId: chunk.docId, section: chunk.section, start: chunk.start, end: chunk.end, text: index.textOf(chunk), score: 1, scores: { dense: 0.5, lexical: 2 } },
  ]
  const answerFor = (request: AskRequest, choice: AskOptions['answerer']): AskResponse => ({
    answered: true,
    answer: `جواب عن «${request.question.slice(0, 40)}» [1] وتتمة [2].`,
    shortAnswer: 'جواب',
    citations,
    passages,
    related: [],
    grounding: { score: 0.9, supported: true, explanation: 'stub' },
    language: 'ar',
    questionKind: 'thing',
    answerer: choice === 'llm' ? 'llm' : 'extractive',
    fallback: null,
    refusalReason: null,
    timingsMs: { total: 1 },
  })

  const stub: StubAnswerer = {
    answerers: options.answerers ?? ['extractive'],
    calls: [],
    abandonedStreams: 0,
    finishedStreams: 0,
    async ask(request, askOptions = {}) {
      stub.calls.push({ request, options: askOptions })
      if (options.failWith !== undefined) throw options.failWith
      return answerFor(request, askOptions.answerer)
    },
    stream(request, askOptions = {}) {
      stub.calls.push({ request, options: askOptions })
      return streamAnswer(answerFor(request, askOptions.answerer), askOptions.signal)
    },
  }

  async function* streamAnswer(answer: AskResponse, signal: AbortSignal | undefined): AsyncGenerator<AnswerEvent> {
    let finished = false
    const pause = async () => {
      if (options.eventDelayMs) await wait(options.eventDelayMs, undefined, signal ? { signal } : {})
      signal?.throwIfAborted()
    }
    try {
      await pause()
      yield { type: 'passages', passages: answer.passages }
      if (options.failWith !== undefined) throw options.failWith
      if (!options.silent) {
        for (const piece of answer.answer.match(/\S+\s*/g) ?? []) {
          await pause()
          yield { type: 'text-delta', delta: piece }
          const marker = /\[(\d+)\]/.exec(piece)
          const citation = marker ? answer.citations.find((candidate) => candidate.n === Number(marker[1])) : undefined
          if (citation) yield { type: 'citation', citation }
        }
      }
      await pause()
      finished = true
      stub.finishedStreams++
      yield { type: 'answer', answer }
    } finally {
      if (!finished && (signal?.aborted || options.failWith === undefined)) stub.abandonedStreams++
    }
  }

  return stub
}
