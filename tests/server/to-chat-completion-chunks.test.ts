import { describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/answer/answer-schemas.js'
import type { AnswerEvent } from '../../src/answer/question-answerer.js'
import { ChatCompletionChunkSchema, ChatCompletionSchema } from '../../src/server/openai-schemas.js'
import { toChatCompletion } from '../../src/server/to-chat-completion.js'
import { toChatCompletionChunks } from '../../src/server/to-chat-completion-chunks.js'

const identity = { id: 'chatcmpl-1', model: 'sanad', created: 1700000000 }
const context = { promptTokens: 5, origin: 'http://127.0.0.1:8787' }
const refusal: AskResponse = {
  answered: false, answer: 'لا يذكر المقال ذلك.', shortAnswer: null, citations: [], passages: [], related: [],
  grounding: { score: 0, supported: false, explanation: '' }, language: 'ar', questionKind: 'number',
  answerer: 'extractive', fallback: null, refusalReason: 'not-in-sources', timingsMs: {},
}
// A made-up source: "قال زيد إن المطر نزل يوم الأحد." with the cited span «المطر نزل يوم الأحد».
const cited: AskResponse = {
  ...refusal,
  answered: true,
  answer: 'يوم الأحد [1].',
  citations: [{ n: 1, docId: 'notes one', start: 11, end: 30, quote: 'المطر نزل يوم الأحد' }],
  refusalReason: null,
}

async function collect(events: AnswerEvent[], includeUsage = false) {
  async function* source() {
    yield* events
  }
  const chunks = []
  for await (const chunk of toChatCompletionChunks(source(), identity, { ...context, includeUsage })) chunks.push(ChatCompletionChunkSchema.parse(chunk))
  return chunks
}

describe('toChatCompletionChunks', () => {
  it('should send the whole text when the answerer streamed none, then a final chunk with the grounding', async () => {
    const chunks = await collect([{ type: 'passages', passages: [] }, { type: 'answer', answer: refusal }])
    expect(chunks.map((chunk) => chunk.choices[0]!.delta)).toEqual([
      { role: 'assistant', content: '' },
      { content: refusal.answer },
      { annotations: [], citations: [] },
    ])
    expect(chunks.at(-1)).toMatchObject({ citations: [], sanad: { answered: false, refusalReason: 'not-in-sources' } })
    expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true)
  })

  it('should not repeat streamed text in the final chunk', async () => {
    const chunks = await collect([{ type: 'text-delta', delta: refusal.answer }, { type: 'answer', answer: refusal }])
    expect(chunks.map((chunk) => chunk.choices[0]!.delta.content ?? '').join('')).toBe(refusal.answer)
  })

  it('should put the citations and an annotation per marker in the final delta', async () => {
    const chunks = await collect([{ type: 'text-delta', delta: 'يوم الأحد ' }, { type: 'text-delta', delta: '[1].' }, { type: 'answer', answer: cited }])
    const final = chunks.at(-1)!
    expect(final.choices[0]!.finish_reason).toBe('stop')
    expect(final.choices[0]!.delta.citations).toEqual(cited.citations)
    expect(final.choices[0]!.delta.annotations).toEqual([
      {
        type: 'url_citation',
        url_citation: { start_index: 10, end_index: 13, url: 'http://127.0.0.1:8787/api/documents/notes%20one#char=11,30', title: 'المطر نزل يوم الأحد' },
      },
    ])
    const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')
    expect(content.slice(10, 13)).toBe('[1]')
  })

  it('should end with a usage chunk without choices when usage is asked for, and null usage before it', async () => {
    const chunks = await collect([{ type: 'text-delta', delta: cited.answer }, { type: 'answer', answer: cited }], true)
    const last = chunks.at(-1)!
    expect(last.choices).toEqual([])
    // «يوم الأحد [1].» is يوم · الأحد · [ · 1 · ] · . = 6 word pieces.
    expect(last.usage).toEqual({ prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 })
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true)
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop')
  })
})

describe('toChatCompletion', () => {
  it('should put the answer in the message and the citations beside it and inside it', () => {
    const completion = ChatCompletionSchema.parse(toChatCompletion(refusal, identity, context))
    expect(completion.choices[0]!.message).toEqual({ role: 'assistant', content: refusal.answer, refusal: null, annotations: [], citations: [] })
    expect(completion).toMatchObject({ id: 'chatcmpl-1', object: 'chat.completion', model: 'sanad', citations: [] })
  })

  it('should report the usage and annotate each cited marker', () => {
    const completion = ChatCompletionSchema.parse(toChatCompletion(cited, identity, context))
    expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 })
    expect(completion.choices[0]!.message.citations).toEqual(cited.citations)
    expect(completion.choices[0]!.message.annotations.map((annotation) => annotation.url_citation.start_index)).toEqual([10])
  })
})
