import { describe, expect, it } from 'vitest'
import { findCauseSpans, findCountSpans, findDateSpans, findNameSpans, findQuotedSpans } from '../../src/answer/find-answer-spans.js'
import { tokenize } from '../../src/text/tokenize.js'

const textsOf = (text: string, spans: { start: number; end: number }[]) => spans.map((span) => text.slice(span.start, span.end))

describe('findDateSpans', () => {
  it.each([
    ['أعلن عن مقتل بن لادن في 2 مايو 2011 بمنطقة', '2 مايو 2011'],
    ['يوم الخميس7 أغسطس 2014 بواشنطن', 'الخميس7 أغسطس 2014'],
    ['صادقت الحكومة في يونيو الماضي على اتفاقية', 'يونيو الماضي'],
    ['ضد أحداث 11 سبتمبر/أيلول2001، تأكيدا', '11 سبتمبر/أيلول2001'],
    ['منذ تفجيرات مايو سنة 2003 بالدار البيضاء', 'مايو سنة 2003'],
  ])('should find the date in %s', (text, date) => {
    expect(textsOf(text, findDateSpans(tokenize(text), text))).toContain(date)
  })

  it('should not take a lone day number for a date', () => {
    const text = 'عشر سنوات و40 دولة'
    expect(findDateSpans(tokenize(text), text)).toEqual([])
  })
})

describe('findCountSpans', () => {
  it('should pair a number with the noun it counts, and skip years', () => {
    const text = 'التحالف الذي يضم 40 دولة منذ 2014'
    expect(textsOf(text, findCountSpans(tokenize(text), text))).toEqual(['40 دولة'])
  })

  it('should read number words', () => {
    const text = 'عشر سنوات أعلن بعدها'
    expect(textsOf(text, findCountSpans(tokenize(text), text))).toEqual(['عشر سنوات'])
  })
})

describe('findNameSpans and findQuotedSpans', () => {
  it('should find a name after a title', () => {
    const text = 'يقول السفير سعد العلمي.'
    expect(textsOf(text, findNameSpans(tokenize(text), text))).toEqual(['سعد العلمي'])
  })

  it('should find short quoted names but not long quotations', () => {
    const text = 'الصحفي “جيمس فولي” وقال “الولايات المتحدة ستعمل على قطع التمويل عن التنظيم”'
    expect(textsOf(text, findQuotedSpans(text))).toEqual(['جيمس فولي'])
  })
})

describe('findCauseSpans', () => {
  it('should find causal connectives', () => {
    const text = 'يصعب ذلك باعتبار ان المال يتحرك'
    expect(textsOf(text, findCauseSpans(tokenize(text)))).toEqual(['باعتبار'])
  })
})
