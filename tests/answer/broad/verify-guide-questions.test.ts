import { beforeAll, describe, expect, it } from 'vitest'
import { verifyGuideQuestions } from '../../../src/answer/broad/verify-guide-questions.js'
import type { AskRequest, AskResponse } from '../../../src/answer/answer-schemas.js'
import type { QuestionAnswerer } from '../../../src/answer/question-answerer.js'
import type { SourceGuide } from '../../../src/index/guide/source-guide.js'

let guide: SourceGuide
beforeAll(() => {
  guide = {
    docId: 'news', title: 'عنوان', summary: [], sections: [], timeline: [], entities: [],
    questions: [
      { question: 'لخص المقال', kind: 'overview' },
      { question: 'رتب الأحداث زمنيا', kind: 'timeline' },
      { question: 'ماذا قال سالم؟', kind: 'speaker' },
      { question: 'ماذا يقول المقال عن «ردود الفعل»؟', kind: 'section' },
    ],
  }
})

// Answers as scripted: refuses the timeline, cites another document for the speaker, is unsupported on the section.
function scriptedAnswerer(): QuestionAnswerer & { asked: { request: AskRequest; answerer: string | undefined }[] } {
  const asked: { request: AskRequest; answerer: string | undefined }[] = []
  const citation = (docId: string) => ({ n: 1, docId, start: 0, end: 4, quote: 'نص.' })
  return {
    answerers: ['extractive'],
    asked,
    stream: () => { throw new Error('not used') },
    ask: async (request, options) => {
      asked.push({ request, answerer: options?.answerer })
      const base = { answered: true, answer: 'نص [1]', shortAnswer: null, citations: [citation('news')], passages: [], related: [], grounding: { score: 1, supported: true, explanation: '' }, language: 'ar', questionKind: 'thing', answerer: 'extractive', fallback: null, refusalReason: null, timingsMs: {} } satisfies AskResponse
      if (request.question.includes('زمنيا')) return { ...base, answered: false, citations: [] }
      if (request.question.includes('سالم')) return { ...base, citations: [citation('other')] }
      if (request.question.includes('ردود')) return { ...base, grounding: { score: 0.3, supported: false, explanation: '' } }
      return base
    },
  }
}

describe('verifyGuideQuestions', () => {
  it('should keep only the questions answered from the document with supported citations, asked of the extractive answerer', async () => {
    const answerer = scriptedAnswerer()
    expect(await verifyGuideQuestions(guide, answerer)).toEqual([{ question: 'لخص المقال', kind: 'overview' }])
    expect(answerer.asked.every(({ request, answerer: chosen }) => request.documents?.[0] === 'news' && chosen === 'extractive')).toBe(true)
  })
})
