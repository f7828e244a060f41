import { describe, expect, it } from 'vitest'
import { analyzeQuestion, classifyQuestion } from '../../src/answer/analyze-question.js'
import { tokenize } from '../../src/text/tokenize.js'

describe('classifyQuestion', () => {
  it.each([
    ['متى أعلن أوباما مقتل بن لادن؟', 'date'],
    ['في أي عام وقعت تفجيرات الدار البيضاء؟', 'date'],
    ['كم دولة يضم التحالف؟', 'number'],
    ['ما عدد الدول في التحالف؟', 'number'],
    ['أين قتل بن لادن؟', 'place'],
    ['من هو السفير سعد العلمي؟', 'person'],
    ['ما اسم الصحفي الأميركي المقتول؟', 'person'],
    ['لماذا تعد الحرب ضد الإرهاب غير تقليدية؟', 'reason'],
    ['كيف رصدت السلطات الخلايا؟', 'manner'],
    ['هل دعي المغرب إلى مؤتمر جدة؟', 'yes-no'],
    ['اذكر مصادر تمويل داعش', 'list'],
    ['ماذا قال أوباما؟', 'thing'],
    ['When was bin Laden killed?', 'date'],
    ['How many countries joined the coalition?', 'number'],
    ['Which American journalist was killed?', 'person'],
  ])('should classify %s as %s', (question, kind) => {
    expect(classifyQuestion(question).kind).toBe(kind)
  })

  it('should treat a request for the name of a thing as a thing, not a person', () => {
    expect(classifyQuestion('ما اسم الاتفاقية الدولية؟').kind).toBe('thing')
    expect(classifyQuestion('ما اسم وزير الاتصال؟').kind).toBe('person')
  })

  it('should see through a leading conjunction', () => {
    expect(classifyQuestion('ومتى حدث ذلك؟').kind).toBe('date')
  })

  it('should detect English and Arabic', () => {
    expect(classifyQuestion('Who is Saad Alami?').language).toBe('en')
    expect(classifyQuestion('من هو سعد العلمي؟ (Saad)').language).toBe('ar')
  })
})

describe('analyzeQuestion', () => {
  it('should keep content words and drop question words and stopwords', () => {
    const stems = analyzeQuestion('متى أعلن أوباما مقتل بن لادن؟').terms.map((term) => term.stem)
    expect(stems).toContain('اوباما')
    expect(stems).toContain('مقتل')
    expect(stems).not.toContain('متي')
  })

  it('should find the word a question asks about', () => {
    expect(analyzeQuestion('ما هي عاصمة البحرين؟').headStem).toBe('عاصم')
    expect(analyzeQuestion('ما الذي تغطيه الاتفاقية؟').headStem).toBeNull()
  })

  it('should fold the earlier question into a "what about" follow-up and require its new subject', () => {
    const history = [
      { role: 'user' as const, content: 'ما الذي تنص عليه الاتفاقية بين المغرب وبلجيكا؟' },
      { role: 'assistant' as const, content: 'تنص على محاصرة الجرائم الإرهابية [1]' },
    ]
    const analysis = analyzeQuestion('وماذا عن البحرين؟', history)
    expect(analysis.isFollowUp).toBe(true)
    expect(analysis.requiredStems).toContain('بحر')
    expect(analysis.terms.map((term) => term.stem)).toContain('اتفاق')
    expect(analysis.searchText).toContain('بلجيكا')
  })

  it('should keep the new question kind of an anaphoric follow-up', () => {
    const history = [{ role: 'user' as const, content: 'مع من وقع المغرب اتفاقية تعاون ثنائية في واشنطن؟' }]
    const analysis = analyzeQuestion('ومتى حدث ذلك؟', history)
    expect(analysis.kind).toBe('date')
    const [washington] = tokenize('واشنطن')
    expect(analysis.terms.map((term) => term.stem)).toContain(washington!.stem)
  })

  it('should not treat a standalone question as a follow-up', () => {
    const history = [{ role: 'user' as const, content: 'من هو الصحفي المقتول؟' }]
    expect(analyzeQuestion('كم دولة يضم التحالف الدولي ضد الإرهاب؟', history).isFollowUp).toBe(false)
  })
})
