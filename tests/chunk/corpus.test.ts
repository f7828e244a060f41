import { describe, expect, it } from 'vitest'
import { ChunkOptionsSchema, ChunkSchema, CorpusStructureSchema, SentenceSchema } from '../../src/chunk/corpus.js'

describe('corpus schemas', () => {
  it('should default the chunker to 600 characters with one sentence of overlap', () => {
    expect(ChunkOptionsSchema.parse({})).toEqual({ maxCharacters: 600, overlapSentences: 1 })
  })

  it('should refuse chunker settings out of bounds', () => {
    expect(ChunkOptionsSchema.safeParse({ maxCharacters: 10 }).success).toBe(false)
    expect(ChunkOptionsSchema.safeParse({ overlapSentences: 4 }).success).toBe(false)
    expect(ChunkOptionsSchema.safeParse({ overlapSentences: 1.5 }).success).toBe(false)
  })

  it('should accept sentences and chunks by offsets, with or without a section', () => {
    const sentence = { id: 0, docId: 'article', section: null, start: 0, end: 10 }
    const chunk = { id: 'article#0', docId: 'article', section: 'التحدي العالمي', sentenceIds: [0, 1], start: 0, end: 20 }
    expect(SentenceSchema.parse(sentence)).toEqual(sentence)
    expect(ChunkSchema.parse(chunk)).toEqual(chunk)
    expect(CorpusStructureSchema.parse({ documents: [{ id: 'article', title: 'دور المغرب' }], sentences: [sentence], chunks: [chunk] })).toBeTruthy()
  })

  it('should refuse fractional offsets', () => {
    expect(SentenceSchema.safeParse({ id: 0, docId: 'article', section: null, start: 0.5, end: 10 }).success).toBe(false)
  })
})
