import { describe, expect, it } from 'vitest'
import { splitIntoSentences } from '../../src/chunk/split-into-sentences.js'
import { cleanDocument } from '../../src/source/clean-document.js'
import { ARTICLE_TEXT } from '../fixtures/foundation-article.js'

describe('splitIntoSentences', () => {
  const cleaned = cleanDocument(ARTICLE_TEXT)
  const sentences = splitIntoSentences('article', ARTICLE_TEXT, cleaned)
  const textOf = (sentence: { start: number; end: number }): string => ARTICLE_TEXT.slice(sentence.start, sentence.end)

  it('should number sentences from the first id, in text order', () => {
    const numbered = splitIntoSentences('article', ARTICLE_TEXT, cleaned, 100)
    expect(numbered.map((sentence) => sentence.id)).toEqual(sentences.map((_, index) => 100 + index))
    for (let index = 1; index < sentences.length; index++) expect(sentences[index]!.start).toBeGreaterThanOrEqual(sentences[index - 1]!.end)
  })

  it('should cut only paragraphs: no title, heading or boilerplate becomes a sentence', () => {
    const texts = sentences.map(textOf)
    expect(texts).not.toContain(cleaned.title)
    expect(texts).not.toContain('التحدي العالمي')
    expect(texts.some((text) => text.includes('اقرأ أيضا') || text.includes('تعليق'))).toBe(false)
    expect(texts.at(-1)).toBe('” ميدل ايست أونلاين”')
  })

  it('should tag each sentence with its document and section', () => {
    const foley = sentences.find((sentence) => textOf(sentence).includes('جيمس فولي'))
    expect(foley).toMatchObject({ docId: 'article', section: 'إعلان الحرب ضد داعش' })
    expect(textOf(foley!)).toMatch(/^فبعد مقتل الصحفي الأميركي/)
    expect(sentences[0]!.section).toBeNull()
  })

  it('should split the glued full stop of the last section', () => {
    const texts = sentences.map(textOf)
    expect(texts).toContain('وقع المغرب على الاتفاقية الدولية لمكافحة عمليات تمويل الإرهاب.')
    expect(texts.some((text) => text.startsWith('إضافة إلى انه صادق'))).toBe(true)
  })

  it('should cover every non-whitespace character of every paragraph', () => {
    const covered = new Uint8Array(ARTICLE_TEXT.length)
    for (const sentence of sentences) covered.fill(1, sentence.start, sentence.end)
    const missed: number[] = []
    for (const block of cleaned.blocks) {
      if (block.kind !== 'paragraph') continue
      for (let index = block.start; index < block.end; index++) if (!covered[index] && !/\s/.test(ARTICLE_TEXT[index]!)) missed.push(index)
    }
    expect(missed).toEqual([])
  })
})
