import { describe, expect, it } from 'vitest'
import { formatSupportIssue } from '../../src/grounding/format-support-issue.js'
import { SupportIssueSchema, type SupportIssue } from '../../src/grounding/support-issue.js'

const EVERY_KIND: SupportIssue[] = [
  { kind: 'number-mismatch', claim: '2013', evidence: '2011' },
  { kind: 'date-mismatch', claim: 'يونيو', evidence: null },
  { kind: 'entity-conflict', entity: 'place', claim: 'الفرنسية', evidence: 'البلجيكية' },
  { kind: 'missing-name', claim: 'جورج' },
  { kind: 'negation-mismatch', claim: 'لم', evidence: null },
  { kind: 'event-contradiction', claim: 'شارك', evidence: 'غاب' },
  { kind: 'role-swap', first: 'أ', second: 'ب' },
  { kind: 'low-coverage', coverage: 0.3, missing: ['مسبار'] },
  { kind: 'cross-language', anchors: 2 },
  { kind: 'no-content' },
  { kind: 'no-passages' },
  { kind: 'invalid-citation', n: 3 },
  { kind: 'off-question', missing: ['بلجيكا'], askedType: 'date' },
  { kind: 'model-verdict', score: 0.2 },
]

describe('formatSupportIssue', () => {
  it('should name what the claim says and what the evidence says instead, in each language', () => {
    expect(formatSupportIssue({ kind: 'number-mismatch', claim: '2013', evidence: '2011' }, 'en')).toBe('the number 2013 differs from the source (2011)')
    expect(formatSupportIssue({ kind: 'number-mismatch', claim: '2013', evidence: '2011' }, 'ar')).toBe('الرقم 2013 يخالف ما في المصدر (2011)')
    expect(formatSupportIssue({ kind: 'number-mismatch', claim: '2013', evidence: null }, 'en')).toBe('the number 2013 is not in the source')
  })

  it('should say which part of the question the evidence leaves out', () => {
    const issue: SupportIssue = { kind: 'off-question', missing: ['بلجيكا'], askedType: 'date' }
    expect(formatSupportIssue(issue, 'en')).toBe('the cited evidence does not cover "بلجيكا" from the question and does not give a date as the question asks')
    expect(formatSupportIssue(issue, 'ar')).toContain('«بلجيكا»')
    expect(formatSupportIssue(issue, 'ar')).toContain('تاريخًا')
  })

  it('should format every kind in both languages, Arabic in Arabic script and English without it', () => {
    for (const issue of EVERY_KIND) {
      expect(SupportIssueSchema.parse(issue)).toEqual(issue)
      expect(formatSupportIssue(issue, 'ar')).toMatch(/[\u0600-\u06FF]/)
      const english = formatSupportIssue(issue, 'en')
      expect(english).toMatch(/^[a-z"]/)
    }
  })
})
