import { describe, expect, it } from 'vitest'
import { explainGrounding } from '../../src/grounding/explain-grounding.js'
import type { AnswerGrounding, SentenceGrounding } from '../../src/grounding/score-answer-grounding.js'
import type { SupportIssue } from '../../src/grounding/support-issue.js'

function sentence(supported: boolean, issues: SupportIssue[] = []): SentenceGrounding {
  return { text: 'x', support: supported ? 0.9 : 0.2, supported, supportedBy: [], citedNumbers: [], issues }
}

function grounding(sentences: SentenceGrounding[]): AnswerGrounding {
  const unsupported = sentences.filter((item) => !item.supported)
  const score = sentences.reduce((sum, item) => sum + item.support, 0) / Math.max(1, sentences.length)
  return { score, supported: unsupported.length === 0 && sentences.length > 0, faithfulness: 0, sentences, unsupported }
}

describe('explainGrounding', () => {
  it('should count supported sentences in English and Arabic', () => {
    const result = grounding([sentence(true), sentence(true)])
    expect(explainGrounding(result, 'en')).toBe('2 of 2 sentences supported by the source (score 0.90).')
    expect(explainGrounding(result, 'ar')).toBe('2 من 2 جمل مدعومة بالمصدر (الدرجة 0.90).')
  })

  it('should give the first reason of the first unsupported sentence', () => {
    const result = grounding([sentence(true), sentence(false, [{ kind: 'number-mismatch', claim: '2012', evidence: null }, { kind: 'low-coverage', coverage: 0.3, missing: [] }])])
    expect(explainGrounding(result, 'en')).toContain('the number 2012 is not in the source')
    expect(explainGrounding(result, 'ar')).toContain('الرقم 2012 غير وارد في المصدر')
  })

  it('should say so when there is nothing to check', () => {
    expect(explainGrounding(grounding([]), 'en')).toBe('No statement to check.')
  })
})
