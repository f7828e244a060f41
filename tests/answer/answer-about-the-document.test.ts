import { beforeAll, describe, expect, it } from 'vitest'
import { answerAboutTheDocument } from '../../src/answer/answer-about-the-document.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { loadTestIndex } from '../support/load-test-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await loadTestIndex()
})

describe('answerAboutTheDocument', () => {
  it('should cite the title line for a question about the title', () => {
    const span = answerAboutTheDocument('ما عنوان المقال؟', 'article', index)
    expect(span && index.textOf(span)).toBe('دور المغرب في التحالف الدولي ضد الإرهاب')
  })

  it('should cite the closing attribution line for a question about the source', () => {
    const span = answerAboutTheDocument('ما هو مصدر هذا المقال؟', 'article', index)
    expect(span && index.textOf(span)).toContain('ميدل ايست أونلاين')
  })

  it('should leave questions about the content alone', () => {
    expect(answerAboutTheDocument('اذكر مصادر تمويل داعش كما وردت في المقال', 'article', index)).toBeNull()
    expect(answerAboutTheDocument('ما دور المغرب؟', 'article', index)).toBeNull()
  })
})
