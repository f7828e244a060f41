import { describe, expect, it } from 'vitest'
import { applyRelevance } from '../../src/grounding/apply-relevance.js'
import { createWordWeigher } from '../../src/grounding/create-word-weigher.js'
import { scoreRelevance, toAskedType } from '../../src/grounding/score-relevance.js'
import type { SupportIssue } from '../../src/grounding/support-issue.js'

const TREATY = 'ووقعت تونس اتفاقية للتعاون التجاري مع فرنسا في 3 مارس 2020 بالعاصمة باريس.'

describe('scoreRelevance', () => {
  it('should find evidence off the question when it gives another country than the one asked about', () => {
    const relevance = scoreRelevance({ question: 'متى وقعت تونس اتفاقية مع إيطاليا؟', quotes: [TREATY], askedType: 'date' })
    expect(relevance.relevant).toBe(false)
    expect(relevance.replaced).toBe(true)
    expect(relevance.missing).toContain('إيطاليا')
    expect(relevance.issues).toEqual([{ kind: 'off-question', missing: relevance.missing, askedType: null }])
  })

  it('should find the same evidence relevant to the question it answers', () => {
    const relevance = scoreRelevance({ question: 'متى وقعت تونس اتفاقية التعاون التجاري مع فرنسا؟', quotes: [TREATY], askedType: 'date' })
    expect(relevance).toMatchObject({ relevant: true, hasAskedType: true, missing: [], issues: [] })
    expect(relevance.score).toBe(1)
  })

  it('should require the kind of answer asked for', () => {
    const relevance = scoreRelevance({ question: 'كم عدد الاتفاقيات التي وقعتها تونس مع فرنسا؟', quotes: ['ووقعت تونس اتفاقيات للتعاون التجاري مع فرنسا.'], askedType: 'number' })
    expect(relevance).toMatchObject({ relevant: false, hasAskedType: false })
    expect(relevance.issues[0]).toMatchObject({ kind: 'off-question', askedType: 'number' })
    expect(scoreRelevance({ question: 'من أعلن الخطة الجديدة؟', quotes: ['أعلن وزير النقل خالد سليم الخطة الجديدة.'], askedType: 'person' }).relevant).toBe(true)
    expect(scoreRelevance({ question: 'أين عقد المؤتمر الطبي؟', quotes: ['عقد المؤتمر الطبي في مدينة ساحلية.'], askedType: 'place' }).relevant).toBe(true)
  })

  it('should let a question paraphrase, and weigh rare words more than common ones', () => {
    const texts = ['يعمل المصنع منذ عام 1990. ويعمل في المصنع ألف عامل. ويصدر المصنع الأقمشة إلى أوروبا.']
    const weighWord = createWordWeigher(texts)
    expect(weighWord('مصنع')).toBeLessThan(weighWord('اقمشه'))
    const relevance = scoreRelevance({ question: 'إلى أين يصدّر المصنع الأقمشة؟', quotes: ['ويصدر المصنع الأقمشة إلى أوروبا.'], askedType: 'place' }, { weighWord })
    expect(relevance.relevant).toBe(true)
  })

  it('should check an English question over Arabic evidence through its renderings', () => {
    const dictionary: Record<string, string[]> = { agreement: ['اتفاقية'], trade: ['التجاري'] }
    const relevance = scoreRelevance({ question: 'When did Tunisia sign the trade agreement with France?', quotes: [TREATY], askedType: 'date' }, { translateWord: (word) => dictionary[word] ?? [] })
    expect(relevance.relevant).toBe(true)
  })
})

describe('toAskedType', () => {
  it('should map the question kinds that name a kind of answer, and no other', () => {
    expect(['date', 'number', 'person', 'place', 'reason', 'thing', undefined].map(toAskedType)).toEqual(['date', 'number', 'person', 'place', null, null, null])
  })
})

describe('applyRelevance', () => {
  it('should keep a supported verdict when relevant and hold it below the threshold when off the question', () => {
    const verdict: { score: number; supported: boolean; issues: SupportIssue[] } = { score: 0.95, supported: true, issues: [] }
    const relevant = scoreRelevance({ question: 'متى وقعت تونس اتفاقية التعاون التجاري مع فرنسا؟', quotes: [TREATY], askedType: 'date' })
    expect(applyRelevance(verdict, relevant)).toEqual(verdict)
    expect(applyRelevance(verdict, null)).toEqual(verdict)
    const off = applyRelevance(verdict, scoreRelevance({ question: 'متى وقعت تونس اتفاقية مع إيطاليا؟', quotes: [TREATY], askedType: 'date' }))
    expect(off.supported).toBe(false)
    expect(off.score).toBeLessThan(0.5)
    expect(off.issues[0]!.kind).toBe('off-question')
  })
})
