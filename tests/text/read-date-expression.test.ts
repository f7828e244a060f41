import { describe, expect, it } from 'vitest'
import { findDateSpans } from '../../src/text/find-date-spans.js'
import { readDateExpression } from '../../src/text/read-date-expression.js'
import { tokenize } from '../../src/text/tokenize.js'

function read(text: string) {
  const tokens = tokenize(text)
  const [span] = findDateSpans(tokens, text)
  return readDateExpression(tokens.slice(span!.firstToken, span!.lastToken + 1), tokens.slice(span!.lastToken + 1))
}

describe('readDateExpression', () => {
  it('should read a day, a month in either series and a year', () => {
    expect(read('في 3 آذار 2025 افتتح')).toEqual({ year: 2025, month: 3, day: 3, weekday: null, relative: null })
    expect(read('يوم الخميس7 أغسطس 2014')).toEqual({ year: 2014, month: 8, day: 7, weekday: 4, relative: null })
    expect(read('في الأول من كانون الثاني 2024')).toMatchObject({ year: 2024, month: 1 })
  })

  it('should read how a date without a year is anchored', () => {
    expect(read('في يونيو الماضي')).toMatchObject({ month: 6, relative: 'past' })
    expect(read('في سبتمبر المقبل')).toMatchObject({ month: 9, relative: 'next' })
    expect(read('في سبتمبر من هذا العام 2014')).toMatchObject({ year: 2014, month: 9, relative: 'this' })
    expect(read('في 11 مارس من العام نفسه')).toMatchObject({ month: 3, day: 11, relative: 'same' })
    expect(read('الخميس الماضي')).toMatchObject({ weekday: 4, month: null, relative: 'past' })
  })
})
