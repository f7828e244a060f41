import { beforeAll, describe, expect, it } from 'vitest'
import { createQuestionAnswerer } from '../../src/answer/create-question-answerer.js'
import { loadAnswerModel } from '../../src/answer/load-answer-model.js'
import type { QuestionAnswerer } from '../../src/answer/question-answerer.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { HybridRetriever } from '../../src/retrieve/hybrid-retriever.js'
import { buildMemoryIndex } from '../support/build-memory-index.js'

// Made-up news texts: the rules of language the answerer applies whatever its fitted weights.
const FAIR = [
  'معرض الشارقة للكتاب',
  '',
  'افتتح معرض الشارقة الدولي للكتاب أبوابه أمام الزوار في مدينة الشارقة بمشاركة ناشرين من عشرين دولة.',
  'وقال مدير المعرض إن الدورة الحالية تضم أكثر من ألف وخمسمئة دار نشر.',
  'وشهد المعرض ندوات عن الترجمة والنشر الرقمي.',
  '',
].join('\n')
const MARKET = [
  'أسواق الخليج',
  '',
  'ارتفع مؤشر بورصة قطر بنسبة 2% يوم الأحد 5 مارس 2023 بدعم من أسهم البنوك.',
  'وتراجع مؤشر سوق دبي المالي بسبب عمليات جني الأرباح.',
  '',
].join('\n')

let index: SanadIndex
let answerer: QuestionAnswerer
beforeAll(async () => {
  index = await buildMemoryIndex({ fair: FAIR, market: MARKET })
  answerer = createQuestionAnswerer({
    model: loadAnswerModel(),
    index,
    retriever: new HybridRetriever(index, 5),
    defaultTopK: 5,
    scoreGrounding: () => ({ score: 1, supported: true, explanation: 'not under test' }),
  })
})

describe('the answerer’s rules of language', () => {
  it('should refuse a date question whose topic is there without any date, naming the missing detail', async () => {
    const response = await answerer.ask({ question: 'متى افتتح معرض الشارقة للكتاب؟', documents: ['fair'] })
    expect(response.answered).toBe(false)
    expect(response.refusalReason).toBe('missing-detail')
  })

  it('should answer a question pinned by a date only from evidence holding that date', async () => {
    const answered = await answerer.ask({ question: 'بكم ارتفع مؤشر بورصة قطر يوم 5 مارس 2023؟', documents: ['market'] })
    expect(answered.answered).toBe(true)
    expect(answered.shortAnswer).toBe('2%')
    const pinnedElsewhere = await answerer.ask({ question: 'بكم ارتفع مؤشر بورصة قطر يوم 9 أبريل 2024؟', documents: ['market'] })
    expect(pinnedElsewhere.answered).toBe(false)
  })

  it('should answer a follow-up about a new subject only from evidence naming it', async () => {
    const history = [
      { role: 'user' as const, content: 'بكم ارتفع مؤشر بورصة قطر؟' },
      { role: 'assistant' as const, content: 'بنسبة 2% [1].' },
    ]
    const about = await answerer.ask({ question: 'وماذا عن سوق دبي؟', history, documents: ['market'] })
    if (about.answered) expect(about.citations.every((citation) => citation.quote.includes('دبي'))).toBe(true)
    const absent = await answerer.ask({ question: 'وماذا عن بورصة الكويت؟', history, documents: ['market'] })
    expect(absent.answered).toBe(false)
  })

  it('should answer only from the documents asked of', async () => {
    const response = await answerer.ask({ question: 'بكم ارتفع مؤشر بورصة قطر؟', documents: ['fair'] })
    expect(response.answered).toBe(false)
    const open = await answerer.ask({ question: 'بكم ارتفع مؤشر بورصة قطر؟' })
    expect(open.citations.every((citation) => citation.docId === 'market')).toBe(true)
  })

  it('should answer a standalone question the same after an unrelated exchange', async () => {
    const alone = await answerer.ask({ question: 'كم دولة شاركت في معرض الشارقة للكتاب؟' })
    const after = await answerer.ask({
      question: 'كم دولة شاركت في معرض الشارقة للكتاب؟',
      history: [
        { role: 'user', content: 'لماذا تراجع مؤشر سوق دبي؟' },
        { role: 'assistant', content: 'بسبب عمليات جني الأرباح [1].' },
      ],
    })
    expect(after.answer).toBe(alone.answer)
    expect(after.citations).toEqual(alone.citations)
  })
})

describe('short answers', () => {
  it('should give a reason question no fake short answer', async () => {
    const response = await answerer.ask({ question: 'لماذا تراجع مؤشر سوق دبي المالي؟', documents: ['market'] })
    expect(response.answered).toBe(true)
    expect(response.shortAnswer).toBeNull()
    expect(response.answer).not.toMatch(/^بسبب —/)
    expect(response.citations[0]!.quote).toContain('جني الأرباح')
  })
})
