import { describe, expect, it } from 'vitest'
import { formatAnswerForClipboard } from '../../web/format-answer-for-clipboard.js'
import type { AskResponse } from '../../src/answer/answer-schemas.js'

const documentText = 'منذ سبتمبر 2001 والولايات المتحدة الأميركية في سباق الخطوة الأولى مع بن لادن.'

function citationOf(n: number, quote: string) {
  const start = documentText.indexOf(quote)
  return { n, docId: 'article', start, end: start + quote.length, quote }
}

function responseWith(answer: string, citations: AskResponse['citations']): AskResponse {
  return {
    answered: true, answer, shortAnswer: null, citations, passages: [], related: [],
    grounding: { score: 1, supported: true, explanation: '' }, language: 'ar', questionKind: 'factoid',
    answerer: 'extractive', fallback: null, refusalReason: null, timingsMs: {},
  }
}

describe('formatAnswerForClipboard', () => {
  it('should append each citation in number order with its quote and offsets', () => {
    const second = citationOf(2, 'بن لادن')
    const first = citationOf(1, 'سبتمبر 2001')
    const text = formatAnswerForClipboard(responseWith('منذ 2001 [1] مع بن لادن [2].', [second, first]))
    const lines = text.split('\n')
    expect(lines[0]).toBe('منذ 2001 [1] مع بن لادن [2].')
    const firstLine = lines.findIndex((line) => line.startsWith('[1]'))
    const secondLine = lines.findIndex((line) => line.startsWith('[2]'))
    expect(firstLine).toBeGreaterThan(0)
    expect(secondLine).toBeGreaterThan(firstLine)
    for (const [index, citation] of [[firstLine, first], [secondLine, second]] as const) {
      expect(lines[index]).toContain(citation.quote)
      expect(lines[index]).toContain(`${citation.start}–${citation.end}`)
    }
  })

  it('should copy only the answer text when nothing is cited', () => {
    expect(formatAnswerForClipboard(responseWith('  لا يذكر المقال ذلك.  ', []))).toBe('لا يذكر المقال ذلك.')
  })
})
