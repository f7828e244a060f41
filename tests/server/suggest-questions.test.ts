import { describe, expect, it } from 'vitest'
import type { CorpusStructure } from '../../src/chunk/corpus.js'
import { suggestQuestions } from '../../src/server/suggest-questions.js'

const sentence = (id: number, section: string | null) => ({ id, docId: 'doc', section, start: id * 10, end: id * 10 + 9 })

describe('suggestQuestions', () => {
  it('should make one question per distinct heading, in reading order', () => {
    const corpus: CorpusStructure = {
      documents: [{ id: 'doc', title: 'عنوان' }],
      sentences: [sentence(0, null), sentence(1, 'القسم الأول'), sentence(2, 'القسم الأول'), sentence(3, 'القسم الثاني')],
      chunks: [],
    }
    expect(suggestQuestions(corpus)).toEqual([
      { question: 'ماذا يقول المقال عن «القسم الأول»؟', section: 'القسم الأول' },
      { question: 'ماذا يقول المقال عن «القسم الثاني»؟', section: 'القسم الثاني' },
    ])
  })

  it('should stop at the limit', () => {
    const corpus: CorpusStructure = { documents: [], sentences: Array.from({ length: 9 }, (_, id) => sentence(id, `قسم ${id}`)), chunks: [] }
    expect(suggestQuestions(corpus, 4)).toHaveLength(4)
  })

  it('should fall back to the document titles when there are no headings', () => {
    const corpus: CorpusStructure = { documents: [{ id: 'doc', title: 'دور المغرب' }], sentences: [sentence(0, null)], chunks: [] }
    expect(suggestQuestions(corpus)).toEqual([{ question: 'ما أبرز ما جاء في «دور المغرب»؟', section: null }])
  })
})
