import { describe, expect, it } from 'vitest'
import type { AskResponse, Citation } from '../../src/answer/answer-schemas.js'
import type { AnswerEvent } from '../../src/answer/question-answerer.js'
import { toUiMessageChunks } from '../../src/server/to-ui-message-chunks.js'

const citation = (n: number): Citation => ({ n, docId: 'doc', start: n * 10, end: n * 10 + 5, quote: `quote ${n}` })
const answer = (text: string, citations: Citation[]): AskResponse => ({
  answered: true, answer: text, shortAnswer: null, citations, passages: [], related: [],
  grounding: { score: 1, supported: true, explanation: '' }, language: 'ar', questionKind: 'thing',
  answerer: 'extractive', fallback: null, refusalReason: null, timingsMs: {},
})

async function collect(events: AnswerEvent[]) {
  async function* source() {
    yield* events
  }
  const chunks = []
  for await (const chunk of toUiMessageChunks(source(), 'm')) chunks.push(chunk)
  return chunks
}

describe('toUiMessageChunks', () => {
  it('should frame the text and send each citation once as a source document', async () => {
    const final = answer('a [1] b [2]', [citation(1), citation(2)])
    const chunks = await collect([
      { type: 'passages', passages: [] },
      { type: 'text-delta', delta: 'a [1] ' },
      { type: 'citation', citation: citation(1) },
      { type: 'citation', citation: citation(1) },
      { type: 'text-delta', delta: 'b [2]' },
      { type: 'answer', answer: final },
    ])
    expect(chunks.map((chunk) => chunk.type)).toEqual([
      'start', 'data-passages', 'text-start', 'text-delta', 'source-document', 'text-delta', 'text-end', 'source-document', 'data-citations', 'data-answer', 'finish',
    ])
    const sources = chunks.filter((chunk) => chunk.type === 'source-document')
    expect(sources.map((chunk) => chunk.providerMetadata.sanad)).toEqual([citation(1), citation(2)])
    expect(new Set(sources.map((chunk) => chunk.sourceId)).size).toBe(2)
  })

  it('should shorten long quotes in source titles but keep the whole quote in the metadata', async () => {
    const long = { ...citation(1), quote: 'ق'.repeat(500) }
    const chunks = await collect([{ type: 'answer', answer: answer('x [1]', [long]) }])
    const source = chunks.find((chunk) => chunk.type === 'source-document')!
    expect(source.title.length).toBeLessThan(140)
    expect(source.providerMetadata.sanad.quote).toBe(long.quote)
  })

  it('should fail when the events end without an answer', async () => {
    await expect(collect([{ type: 'text-delta', delta: 'x' }])).rejects.toThrow(/without an answer/)
  })
})
