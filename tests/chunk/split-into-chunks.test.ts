import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Chunk, ChunkOptions, Sentence } from '../../src/chunk/corpus.js'
import { splitIntoChunks } from '../../src/chunk/split-into-chunks.js'
import { splitIntoSentences } from '../../src/chunk/split-into-sentences.js'
import { chunkIndexText } from '../../src/index/build-index.js'
import { cleanDocument, type CleanedDocument } from '../../src/source/clean-document.js'
import { ARTICLE_TEXT, DEFAULT_CHUNKER } from '../fixtures/foundation-article.js'
import { randomChunkOptions, randomDocument } from '../fixtures/foundation-random-documents.js'

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

function cut(text: string, options: ChunkOptions, docId = 'doc'): { cleaned: CleanedDocument; sentences: Sentence[]; chunks: Chunk[] } {
  const cleaned = cleanDocument(text)
  const sentences = splitIntoSentences(docId, text, cleaned)
  const headingStarts = cleaned.blocks.flatMap((block) => (block.kind === 'heading' ? [block.start] : []))
  return { cleaned, sentences, chunks: splitIntoChunks(sentences, options, 0, headingStarts) }
}

/** Every invariant of sentences and chunks that the rest of sanad relies on. */
function expectWellFormed(text: string, options: ChunkOptions): void {
  const { cleaned, sentences, chunks } = cut(text, options)
  const paragraphs = cleaned.blocks.filter((block) => block.kind === 'paragraph')
  const headings = cleaned.blocks.filter((block) => block.kind !== 'paragraph')

  sentences.forEach((sentence, index) => {
    const sentenceText = text.slice(sentence.start, sentence.end)
    expect(sentence.id).toBe(index)
    expect(sentence.start).toBeGreaterThanOrEqual(index === 0 ? 0 : sentences[index - 1]!.end)
    expect(sentence.end).toBeLessThanOrEqual(cleaned.bodyEnd)
    expect(sentenceText).toBe(sentenceText.trim())
    expect(sentenceText).toMatch(LETTER_OR_DIGIT)
    const block = paragraphs.find((paragraph) => paragraph.start <= sentence.start && sentence.end <= paragraph.end)
    expect(block, `sentence ${JSON.stringify(sentenceText)} lies in one paragraph`).toBeDefined()
    expect(sentence.section).toBe(block!.section)
  })

  const covered = new Set<number>()
  chunks.forEach((chunk, index) => {
    const members = chunk.sentenceIds.map((id) => sentences[id]!)
    const chunkText = text.slice(chunk.start, chunk.end)
    expect(chunk.id).toBe(`doc#${index}`)
    expect(members.length).toBeGreaterThan(0)
    expect(chunk.sentenceIds).toEqual(members.map((_, offset) => chunk.sentenceIds[0]! + offset))
    expect(chunk.start).toBe(members[0]!.start)
    expect(chunk.end).toBe(members.at(-1)!.end)
    expect(chunkText).toBe(chunkText.trim())
    for (const member of members) {
      expect(text.slice(member.start, member.end)).toBe(chunkText.slice(member.start - chunk.start, member.end - chunk.start))
      expect(member.section).toBe(chunk.section)
      covered.add(member.id)
    }
    expect(chunkIndexText(chunk, text)).toBe(chunk.section ? `${chunk.section}\n${chunkText}` : chunkText)
    if (members.length > 1) expect(chunk.end - chunk.start).toBeLessThanOrEqual(options.maxCharacters)
    for (const heading of headings) expect(heading.start >= chunk.end || heading.end <= chunk.start, 'a chunk never crosses a heading').toBe(true)

    const previous = chunks[index - 1]
    if (previous) {
      const shared = previous.sentenceIds.at(-1)! - chunk.sentenceIds[0]! + 1
      expect(chunk.sentenceIds[0]!).toBeGreaterThan(previous.sentenceIds[0]!)
      expect(shared).toBeGreaterThanOrEqual(0)
      expect(shared).toBeLessThanOrEqual(previous.section === chunk.section ? options.overlapSentences : 0)
    }
  })
  expect(covered.size).toBe(sentences.length)
}

describe('splitIntoChunks', () => {
  it('should keep the offsets of sentences and chunks exact for any Arabic, Latin and punctuation text', () => {
    fc.assert(fc.property(randomDocument, randomChunkOptions, (text, options) => expectWellFormed(text, options)))
  })

  it('should keep the article well-formed with the default settings and with tight ones', () => {
    expectWellFormed(ARTICLE_TEXT, DEFAULT_CHUNKER)
    expectWellFormed(ARTICLE_TEXT, { maxCharacters: 50, overlapSentences: 3 })
    expectWellFormed(ARTICLE_TEXT, { maxCharacters: 2000, overlapSentences: 0 })
  })

  it('should cover every non-whitespace character of every paragraph of the article body', () => {
    const { cleaned, chunks } = cut(ARTICLE_TEXT, DEFAULT_CHUNKER)
    const covered = new Uint8Array(ARTICLE_TEXT.length)
    for (const chunk of chunks) covered.fill(1, chunk.start, chunk.end)
    const missed: number[] = []
    for (const block of cleaned.blocks.filter((candidate) => candidate.kind === 'paragraph')) {
      for (let index = block.start; index < block.end; index++) if (!covered[index] && !/\s/.test(ARTICLE_TEXT[index]!)) missed.push(index)
    }
    expect(cleaned.blocks.filter((block) => block.kind === 'paragraph').length).toBeGreaterThan(20)
    expect(missed).toEqual([])
  })

  it('should start a new chunk at every section of the article', () => {
    const { cleaned, chunks } = cut(ARTICLE_TEXT, { maxCharacters: 5000, overlapSentences: 1 })
    const sections = [null, ...cleaned.blocks.filter((block) => block.kind === 'heading').map((block) => block.section)]
    expect(chunks.map((chunk) => chunk.section)).toEqual(sections)
  })

  it('should put the Foley sentence in a chunk of its section', () => {
    const { chunks } = cut(ARTICLE_TEXT, DEFAULT_CHUNKER, 'article')
    const holding = chunks.filter((chunk) => ARTICLE_TEXT.slice(chunk.start, chunk.end).includes('جيمس فولي'))
    expect(holding.length).toBeGreaterThan(0)
    for (const chunk of holding) expect(chunk.section).toBe('إعلان الحرب ضد داعش')
  })

  it('should repeat the last sentence of a chunk at the start of the next when it fits', () => {
    const text = 'العنوان\nالجملة الأولى هنا. الجملة الثانية هنا. الجملة الثالثة هنا. الجملة الرابعة هنا. الجملة الخامسة هنا.\n'
    const { sentences, chunks } = cut(text, { maxCharacters: 60, overlapSentences: 1 })
    expect(sentences).toHaveLength(5)
    expect(chunks.map((chunk) => chunk.sentenceIds)).toEqual([[0, 1, 2], [2, 3, 4]])
  })

  it('should not overlap when overlap is off', () => {
    const text = 'العنوان\nالجملة الأولى هنا. الجملة الثانية هنا. الجملة الثالثة هنا. الجملة الرابعة هنا. الجملة الخامسة هنا.\n'
    const { chunks } = cut(text, { maxCharacters: 60, overlapSentences: 0 })
    expect(chunks.map((chunk) => chunk.sentenceIds)).toEqual([[0, 1, 2], [3, 4]])
  })

  it('should let a sentence longer than the limit stand alone, without dragging an overlap along', () => {
    const long = `جملة طويلة ${'جدا '.repeat(30)}تنتهي هنا.`
    const text = `العنوان\nجملة قصيرة. ${long} جملة أخيرة.\n`
    const { sentences, chunks } = cut(text, { maxCharacters: 60, overlapSentences: 1 })
    expect(sentences).toHaveLength(3)
    expect(chunks.map((chunk) => chunk.sentenceIds)).toEqual([[0], [1], [2]])
  })

  it('should never carry an overlap across a section heading', () => {
    const text = 'العنوان\nالقسم الأول\nالجملة الأولى من القسم الأول. والجملة الثانية من القسم الأول هنا.\nالقسم الثاني\nالجملة الأولى من القسم الثاني. والجملة الثانية من القسم الثاني هنا.\n'
    const { chunks } = cut(text, { maxCharacters: 600, overlapSentences: 3 })
    expect(chunks.map((chunk) => [chunk.section, chunk.sentenceIds])).toEqual([
      ['القسم الأول', [0, 1]],
      ['القسم الثاني', [2, 3]],
    ])
  })

  it('should not merge two sections that share a heading', () => {
    const text = 'العنوان\n2014\nداعش تعتمد على النفط. داعش تعتمد على المال\n2014\nالمغرب يوقع اتفاقية تعاون ثنائية.\n'
    const { cleaned, chunks } = cut(text, { maxCharacters: 600, overlapSentences: 1 })
    expect(cleaned.blocks.filter((block) => block.kind === 'heading')).toHaveLength(2)
    expect(chunks.map((chunk) => [chunk.section, chunk.sentenceIds])).toEqual([
      ['2014', [0, 1]],
      ['2014', [2]],
    ])
  })

  it('should merge sections of the same name when it is not told where headings are', () => {
    const text = 'العنوان\n2014\nداعش تعتمد على النفط.\n2014\nالمغرب يوقع اتفاقية تعاون ثنائية.\n'
    const sentences = splitIntoSentences('doc', text, cleanDocument(text))
    expect(splitIntoChunks(sentences, { maxCharacters: 600, overlapSentences: 1 }).map((chunk) => chunk.sentenceIds)).toEqual([[0, 1]])
  })

  it('should number chunk ids from the given first index', () => {
    const { sentences } = cut(ARTICLE_TEXT, DEFAULT_CHUNKER, 'article')
    const chunks = splitIntoChunks(sentences, DEFAULT_CHUNKER, 7)
    expect(chunks[0]!.id).toBe('article#7')
    expect(chunks.at(-1)!.id).toBe(`article#${7 + chunks.length - 1}`)
  })

  it('should give no chunk for no sentence', () => {
    expect(splitIntoChunks([], DEFAULT_CHUNKER)).toEqual([])
  })
})
