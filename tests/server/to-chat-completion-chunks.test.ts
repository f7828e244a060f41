import { describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/answer/answer-schemas.js'
import type { AnswerEvent } from '../../src/answer/question-answerer.js'
import { toChatCompletion } from '../../src/server/to-chat-completion.js'
import { toChatCompletionChunks } from '../../src/server/to-chat-completion-chunks.js'

const identity = { id: 'chatcmpl-1', model: 'sanad', created: 1700000000 }
const final: AskResponse = {
  answered: false, answer: 'لا يذكر المقال ذلك.', shortAnswer: null, citations: [], passages: [], related: [],
  grounding: { score: 0, supported: false, explanation: '' }, language: 'ar', questionKind: 'number',
  answerer: 'extractive', fallback: null, refusalReason: 'not-in-sources', timingsMs: {},
}

async function collect(events: AnswerEvent[]) {
  async function* source() {
    yield* events
  }
  const chunks = []
  for await (const chunk of toChatCompletionChunks(source(), identity)) chunks.push(chunk)
  return chunks
}

describe('toChatCompletionChunks', () => {
  it('should send the whole text when the answerer streamed none, then a final chunk with the grounding', async () => {
    const chunks = await collect([{ type: 'passages', passages: [] }, { type: 'answer', answer: final }])
    expect(chunks.map((chunk) => chunk.choices[0]!.delta)).toEqual([{ role: 'assistant', content: '' }, { content: final.answer }, {}])
    expect(chunks.at(-1)).toMatchObject({ citations: [], sanad: { answered: false, refusalReason: 'not-in-sources' } })
  })

  it('should not repeat streamed text in the final chunk', async () => {
    const chunks = await collect([{ type: 'text-delta', delta: final.answer }, { type: 'answer', answer: final }])
    expect(chunks.map((chunk) => chunk.choices[0]!.delta.content ?? '').join('')).toBe(final.answer)
  })
})

describe('toChatCompletion', () => {
  it('should put the answer in the message and the citations beside it', () => {
    const completion = toChatCompletion(final, identity)
    expect(completion.choices[0]!.message).toEqual({ role: 'assistant', content: final.answer, refusal: null })
    expect(completion).toMatchObject({ id: 'chatcmpl-1', object: 'chat.completion', model: 'sanad', citations: [] })
  })
})
