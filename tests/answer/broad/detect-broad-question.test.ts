import { describe, expect, it } from 'vitest'
import { analyzeQuestion } from '../../../src/answer/analyze-question.js'
import { detectBroadQuestion } from '../../../src/answer/broad/detect-broad-question.js'

const detect = (question: string) => detectBroadQuestion(analyzeQuestion(question))

describe('detectBroadQuestion', () => {
  it('should read overview requests in Arabic and English, with the length they ask for', () => {
    expect(detect('لخص المقال')).toEqual({ kind: 'overview', style: 'summary', count: null, topic: '' })
    expect(detect('لخّص النص في جملتين')).toMatchObject({ kind: 'overview', count: 2 })
    expect(detect('ما أهم النقاط في الخبر؟')).toMatchObject({ kind: 'overview', style: 'main-points' })
    expect(detect('ما الفكرة الرئيسية للمقال؟')).toMatchObject({ kind: 'overview' })
    expect(detect('What is this article about?')).toMatchObject({ kind: 'overview', topic: '' })
    expect(detect('Summarize the text in one sentence')).toMatchObject({ kind: 'overview', count: 1 })
    expect(detect('brief me in detail')).toMatchObject({ kind: 'overview', count: 6 })
  })

  it('should keep what a narrower overview is about', () => {
    expect(detect('ماذا يقول المقال عن «ردود الفعل»؟')).toMatchObject({ kind: 'overview', topic: 'ردود الفعل' })
    expect(detect('What were the key moments of the campaign?')).toMatchObject({ kind: 'overview', style: 'main-points', topic: 'campaign' })
  })

  it('should read who is asked about in a speaker question, and what about', () => {
    expect(detect('ماذا قال سالم الكبير؟')).toEqual({ kind: 'speaker', speaker: 'سالم الكبير', topic: '' })
    expect(detect('ماذا قالت الوزيرة عن الحملة؟')).toEqual({ kind: 'speaker', speaker: 'الوزيره', topic: 'عن الحمله' })
    expect(detect('What did the minister say about vaccines?')).toEqual({ kind: 'speaker', speaker: 'minister', topic: 'vaccines' })
    expect(detect('ماذا يقول المقال؟')).not.toMatchObject({ kind: 'speaker' })
  })

  it('should read timelines, with the period a question pins', () => {
    expect(detect('رتب الأحداث زمنيا')).toEqual({ kind: 'timeline', period: '' })
    expect(detect('Give me a timeline')).toMatchObject({ kind: 'timeline' })
    expect(detect('ماذا حدث في 2025؟')).toEqual({ kind: 'timeline', period: '2025' })
  })

  it('should read lists of things by their plural head and relative pronoun', () => {
    expect(detect('ما الاتفاقيات التي وقعتها الوزارة؟')).toEqual({ kind: 'list' })
    expect(detect('ما المراكز التي افتتحتها الوزارة؟')).toEqual({ kind: 'list' })
    expect(detect('Which agreements did the ministry sign?')).toEqual({ kind: 'list' })
  })

  it('should leave factoid questions to the factoid answerer', () => {
    for (const question of ['متى تنتهي الحملة؟', 'من هو وزير الصحة؟', 'ما الدولة التي استضافت القمة؟', 'Which American journalist was killed?', 'كم تلميذا تشمل الحملة؟']) {
      expect(detect(question), question).toBeNull()
    }
  })
})
