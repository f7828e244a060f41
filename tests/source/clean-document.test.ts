import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanDocument, type Block } from '../../src/source/clean-document.js'
import { ARTICLE_TEXT } from '../fixtures/foundation-article.js'

const NOTES_TEXT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'foundation-notes.md'), 'utf8')
const textOf = (text: string, block: Block): string => text.slice(block.start, block.end)

describe('cleanDocument', () => {
  const article = cleanDocument(ARTICLE_TEXT)

  it('should take the first line of the article as its title', () => {
    expect(article.title).toBe('دور المغرب في التحالف الدولي ضد الإرهاب')
    expect(article.blocks[0]).toMatchObject({ kind: 'title', start: 0, section: null })
    expect(textOf(ARTICLE_TEXT, article.blocks[0]!)).toBe(article.title)
  })

  it('should recognize the five section headings of the article, in order', () => {
    const headings = article.blocks.filter((block) => block.kind === 'heading').map((block) => textOf(ARTICLE_TEXT, block))
    expect(headings).toEqual([
      'إعلان الحرب ضد داعش',
      'التحدي العالمي',
      'مقاربة المغرب لمحاربة الإرهاب',
      'المغرب والحرب على الإرهاب',
      'الاتفاقات الأمنية',
    ])
  })

  it('should attach every paragraph to the heading above it', () => {
    let section: string | null = null
    for (const block of article.blocks) {
      if (block.kind === 'heading') section = textOf(ARTICLE_TEXT, block)
      expect(block.section).toBe(block.kind === 'title' ? null : section)
    }
    const foley = article.blocks.find((block) => textOf(ARTICLE_TEXT, block).includes('جيمس فولي'))
    expect(foley?.section).toBe('إعلان الحرب ضد داعش')
    const opening = article.blocks.find((block) => textOf(ARTICLE_TEXT, block).startsWith('منذ سبتمبر 2001'))
    expect(opening).toMatchObject({ kind: 'paragraph', section: null })
  })

  it('should not index the "اقرأ أيضا" teaser or the comment form', () => {
    const teaser = ARTICLE_TEXT.indexOf('اقرأ أيضا')
    expect(article.bodyEnd).toBeLessThanOrEqual(teaser)
    const kept = article.blocks.map((block) => textOf(ARTICLE_TEXT, block)).join('\n')
    for (const boilerplate of ['اقرأ أيضا', 'الصحراء المغربية', 'المينورسو', 'أضف تعليقاً', 'لن يتم نشر عنوان بريدك', 'الحقول الإلزامية']) {
      expect(kept).not.toContain(boilerplate)
    }
    for (const block of article.blocks) expect(block.end).toBeLessThanOrEqual(article.bodyEnd)
  })

  it('should keep the attribution line as the last paragraph', () => {
    const last = article.blocks.at(-1)!
    expect(last.kind).toBe('paragraph')
    expect(textOf(ARTICLE_TEXT, last)).toBe('” ميدل ايست أونلاين”')
    expect(article.bodyEnd).toBe(last.end)
  })

  it('should give blocks that are whole trimmed lines, in order, without gaps of text between them', () => {
    let previousEnd = 0
    for (const block of article.blocks) {
      const text = textOf(ARTICLE_TEXT, block)
      expect(text).toBe(text.trim())
      expect(text.length).toBeGreaterThan(0)
      expect(text).not.toContain('\n')
      expect(ARTICLE_TEXT.slice(previousEnd, block.start).trim()).toBe('')
      previousEnd = block.end
    }
  })

  it('should read markdown headings without their hashes', () => {
    const notes = cleanDocument(NOTES_TEXT)
    expect(notes.title).toBe('ملاحظات عن التحالف الدولي')
    expect(textOf(NOTES_TEXT, notes.blocks[0]!)).toBe(notes.title)
    const headings = notes.blocks.filter((block) => block.kind === 'heading')
    expect(headings.map((block) => textOf(NOTES_TEXT, block))).toEqual(['مؤتمر جدة', 'The Moroccan approach'])
    expect(headings.map((block) => block.section)).toEqual(['مؤتمر جدة', 'The Moroccan approach'])
    const casablanca = notes.blocks.find((block) => textOf(NOTES_TEXT, block).includes('Casablanca'))
    expect(casablanca).toMatchObject({ kind: 'paragraph', section: 'The Moroccan approach' })
  })

  it('should drop English boilerplate too', () => {
    const notes = cleanDocument(NOTES_TEXT)
    expect(notes.blocks.some((block) => textOf(NOTES_TEXT, block).includes('teaser'))).toBe(false)
    expect(notes.bodyEnd).toBeLessThan(NOTES_TEXT.indexOf('Read more'))
  })

  it('should not take a short line that ends a sentence, or that quotes, for a heading', () => {
    const text = 'العنوان\nانتهى الأمر.\nفقرة طويلة بما يكفي لتلي العنوان وتكون فقرة حقيقية من عدة كلمات\n“الذئب المنفرد”\nفقرة طويلة أخرى بما يكفي لتلي العنوان وتكون فقرة حقيقية من عدة كلمات'
    const cleaned = cleanDocument(text)
    expect(cleaned.blocks.map((block) => block.kind)).toEqual(['title', 'paragraph', 'paragraph', 'paragraph', 'paragraph'])
  })

  it('should keep exact offsets with Windows line endings and indentation', () => {
    const text = 'العنوان\r\n  التحدي العالمي\r\nإن التحالف ضد الإرهاب العالمي يتطلب ضبط تمويل التنظيمات الإرهابية وغير ذلك.\r\n'
    const cleaned = cleanDocument(text)
    expect(cleaned.blocks.map((block) => [block.kind, textOf(text, block)])).toEqual([
      ['title', 'العنوان'],
      ['heading', 'التحدي العالمي'],
      ['paragraph', 'إن التحالف ضد الإرهاب العالمي يتطلب ضبط تمويل التنظيمات الإرهابية وغير ذلك.'],
    ])
  })

  it('should give an empty document no title and no blocks', () => {
    expect(cleanDocument('  \n\n')).toEqual({ title: '', blocks: [], bodyEnd: 0 })
  })
})
