import { describe, expect, it } from 'vitest'
import { analyzeQuestion, classifyQuestion, countsWithVerb, findConstraintStems, leansOnContext, normalizeQuestionWords } from '../../src/answer/analyze-question.js'
import { findCauseSpans, findCountSpans, findDateSpans, findNameSpans, findPlaceSpans } from '../../src/answer/find-answer-spans.js'
import { tokenize } from '../../src/text/tokenize.js'

const spansOf = (text: string, find: (tokens: ReturnType<typeof tokenize>, text: string) => { start: number; end: number }[]) =>
  find(tokenize(text), text).map((span) => text.slice(span.start, span.end))

describe('question words', () => {
  it('should read glued and bulleted interrogatives as typed', () => {
    expect(normalizeQuestionWords(' - ماهو سبب الإغلاق؟')).toBe('ما هو سبب الاغلاق')
    expect(normalizeQuestionWords('لمادا تأخر القطار؟')).toBe('لماذا تاخر القطار')
    expect(classifyQuestion('ماهي عاصمة النرويج؟').kind).toBe('thing')
    expect(classifyQuestion('لمادا تأخر القطار؟').kind).toBe('reason')
  })

  it('should read كم followed by a verb as an amount and كم followed by a noun as a count', () => {
    expect(countsWithVerb('كم تبلغ قيمة الصفقة؟')).toBe(true)
    expect(countsWithVerb('كم بلغت نسبة البطالة؟')).toBe(true)
    expect(countsWithVerb('وكم يكلف المشروع؟')).toBe(true)
    expect(countsWithVerb('كم دولة شاركت؟')).toBe(false)
    expect(countsWithVerb('كم تكلفة المشروع؟')).toBe(false)
    expect(analyzeQuestion('كم تبلغ قيمة الصفقة؟').headStem).not.toBe(analyzeQuestion('كم تبلغ الصفقة؟').terms[0]!.stem)
  })

  it('should read since-when, until-when and in-which-year as date questions, with or without و', () => {
    for (const question of ['حتى متى يستمر الإغلاق؟', 'وحتى متى؟', 'منذ متى يعمل المصنع؟', 'في أي عام تأسست الشركة؟', 'في أي شهر افتتح الجسر؟']) {
      expect(classifyQuestion(question).kind, question).toBe('date')
    }
  })

  it('should read cause questions phrased with what the thing is attributed to', () => {
    expect(classifyQuestion('ما أسباب ارتفاع الأسعار؟').kind).toBe('reason')
    expect(classifyQuestion('إلام يعزى تراجع الإنتاج؟').kind).toBe('reason')
  })

  it('should pin a question by its numbers, months and quoted titles', () => {
    expect(findConstraintStems('كم بيع من رواية «ليل طويل» في مايو 2021؟').sort()).toEqual(expect.arrayContaining(['2021', 'مايو']))
    expect(findConstraintStems('كم بيع من رواية «ليل طويل»؟').length).toBe(2)
    expect(findConstraintStems('من كتب الرواية؟')).toEqual([])
  })

  it('should take history only for what a question lacks', () => {
    const history = [
      { role: 'user' as const, content: 'متى افتتح الجسر الجديد؟' },
      { role: 'assistant' as const, content: 'في مارس 2020 [1].' },
    ]
    expect(analyzeQuestion('كم عدد الزوار في المعرض؟', history).isFollowUp).toBe(false)
    expect(analyzeQuestion('وكم عدد الزوار في المعرض؟', history).isFollowUp).toBe(false)
    expect(analyzeQuestion('ومن افتتحه؟', history).isFollowUp).toBe(true)
    expect(analyzeQuestion('ومتى؟', history).isFollowUp).toBe(true)
    expect(analyzeQuestion('وماذا عن الجسر القديم؟', history).requiredStems).toEqual([analyzeQuestion('القديم').terms[0]!.stem])
  })
})

describe('answer spans', () => {
  it('should read a number written in words as one amount with its noun', () => {
    expect(spansOf('استمرت الرحلة ثلاثة عشر شهرا كاملة', findCountSpans)).toEqual(['ثلاثة عشر شهرا'])
    expect(spansOf('شارك خمسة وعشرون فريقا', findCountSpans)).toEqual(['خمسة وعشرون فريقا'])
  })

  it('should keep a percent sign and a two-word unit', () => {
    expect(spansOf('ارتفع التضخم إلى 7.2% في الربع الأول', findCountSpans)).toEqual(['7.2%'])
    expect(spansOf('بلغت الصفقة 3.5 مليار دولار أمس', findCountSpans)).toEqual(['3.5 مليار دولار'])
  })

  it('should read a dual month name as one date', () => {
    expect(spansOf('وقع الاتفاق في 12 يناير/كانون الثاني 2022 بالرباط', (tokens, text) => findDateSpans(tokens, text))).toEqual(['12 يناير/كانون الثاني 2022'])
  })

  it('should find places without quotation marks', () => {
    expect(spansOf('عقدت القمة في مدينة جوهانسبرغ الأسبوع الماضي', findPlaceSpans)).toContain('جوهانسبرغ')
    expect(spansOf('وقع الاتفاق بواشنطن يوم الخميس', findPlaceSpans)).toContain('واشنطن')
    expect(spansOf('وصل الوفد إلى نيروبي مساء', findPlaceSpans)).toContain('نيروبي')
  })

  it('should find a name after a role and its nisba adjectives', () => {
    expect(spansOf('وترأس اللجنة المخرج السويدي روبن أوستلوند، الحائز على الجائزة', findNameSpans)).toEqual(['روبن أوستلوند'])
    expect(spansOf('قال الوزير سعد العلمي إن الخطة جاهزة', findNameSpans)).toEqual(['سعد العلمي'])
  })

  it('should find cause words, nouns and attribution verbs', () => {
    for (const text of ['تراجع الإنتاج نتيجة الجفاف', 'وعزا الوزير التراجع إلى الجفاف', 'أرجع الخبراء الارتفاع إلى الطلب', 'أغلق الطريق جراء الثلوج']) {
      expect(findCauseSpans(tokenize(text)).length, text).toBeGreaterThan(0)
    }
  })
})

describe('leaning on the conversation', () => {
  it('should read pronouns and demonstratives that point back, and not copulas, time deixis or resumptive pronouns', () => {
    expect(leansOnContext('ومتى حدث ذلك؟')).toBe(true)
    expect(leansOnContext('ومن افتتحه؟')).toBe(true)
    expect(leansOnContext('كم بلغت خسائرها؟')).toBe(true)
    expect(leansOnContext('ما هي عاصمة النرويج؟')).toBe(false)
    expect(leansOnContext('من هو مؤلف الرواية؟')).toBe(false)
    expect(leansOnContext('كم بلغ التضخم هذا العام؟')).toBe(false)
    expect(leansOnContext('ما الاسم الذي أطلقه العلماء على المذنب؟')).toBe(false)
    expect(leansOnContext('How many teams are there?')).toBe(false)
    expect(leansOnContext('When did it open?')).toBe(true)
  })
})

describe('leaning on the conversation, spelling', () => {
  it('should not read a final ه on a definite noun as a pronoun', () => {
    expect(leansOnContext('ما اسم المنظمه الدوليه؟')).toBe(false)
    expect(leansOnContext('ما اسم مديرها؟')).toBe(true)
  })
})
