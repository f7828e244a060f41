import type { AskResponse, Citation, Passage } from '../answer/answer-schemas.js'
import type { AnswerEvent } from '../answer/question-answerer.js'
import { SanadError } from '../errors/sanad-error.js'

/** The parts of the Vercel AI SDK UI message stream (v1) that sanad sends. */
export type UiMessageChunk =
  | { type: 'start'; messageId: string }
  | { type: 'text-start'; id: string }
  | { type: 'text-delta'; id: string; delta: string }
  | { type: 'text-end'; id: string }
  | { type: 'source-document'; sourceId: string; mediaType: 'text/plain'; title: string; providerMetadata: { sanad: Citation } }
  | { type: 'data-passages'; data: Passage[]; transient: true }
  | { type: 'data-citations'; data: Citation[] }
  | { type: 'data-answer'; data: AskResponse; transient: true }
  | { type: 'finish' }
  | { type: 'error'; errorText: string }

const TITLE_MAX_CHARACTERS = 120

/**
 * Streamed answer events as UI message stream parts. Each citation becomes a `source-document` whose
 * `providerMetadata.sanad` holds its span and quote; the citations also arrive together as
 * `data-citations`. Passages and the whole answer are transient (`data-passages`, `data-answer`): the
 * client sees them in `onData`, but they are not stored in the message and so not posted back as history.
 */
export async function* toUiMessageChunks(events: AsyncIterable<AnswerEvent>, messageId: string): AsyncGenerator<UiMessageChunk> {
  const textId = `${messageId}-text`
  const sent = new Set<number>()
  const source = (citation: Citation): UiMessageChunk => {
    sent.add(citation.n)
    const quote = citation.quote.length > TITLE_MAX_CHARACTERS ? `${citation.quote.slice(0, TITLE_MAX_CHARACTERS)}…` : citation.quote
    return { type: 'source-document', sourceId: `citation-${citation.n}`, mediaType: 'text/plain', title: `[${citation.n}] ${quote}`, providerMetadata: { sanad: citation } }
  }
  yield { type: 'start', messageId }
  let textStarted = false
  for await (const event of events) {
    if (event.type === 'passages') yield { type: 'data-passages', data: event.passages, transient: true }
    else if (event.type === 'citation') {
      if (!sent.has(event.citation.n)) yield source(event.citation)
    } else if (event.type === 'text-delta') {
      if (!textStarted) yield { type: 'text-start', id: textId }
      textStarted = true
      yield { type: 'text-delta', id: textId, delta: event.delta }
    } else {
      const { answer } = event
      if (!textStarted) {
        yield { type: 'text-start', id: textId }
        yield { type: 'text-delta', id: textId, delta: answer.answer }
      }
      yield { type: 'text-end', id: textId }
      for (const citation of answer.citations) if (!sent.has(citation.n)) yield source(citation)
      yield { type: 'data-citations', data: answer.citations }
      yield { type: 'data-answer', data: answer, transient: true }
      yield { type: 'finish' }
      return
    }
  }
  throw new SanadError('internal_error', 'The answer stream ended without an answer.')
}
