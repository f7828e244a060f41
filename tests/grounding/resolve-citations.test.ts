import { describe, expect, it } from 'vitest'
import { resolveCitations } from '../../src/grounding/resolve-citations.js'

const documents = new Map([['article', 'وقع المغرب على الاتفاقية الدولية\nلمكافحة تمويل الإرهاب. ثم صادق على اتفاقية أخرى.']])

describe('resolveCitations', () => {
  it('should locate a quote exactly, or across different white space', () => {
    const { resolved } = resolveCitations([{ quote: 'وقع المغرب' }, { quote: 'الدولية لمكافحة تمويل' }], documents)
    expect(resolved.map((citation) => citation.n)).toEqual([1, 2])
    for (const citation of resolved) expect(documents.get('article')!.slice(citation.start, citation.end)).toBe(citation.quote)
  })

  it('should slice a span and check a quote given with it', () => {
    const { resolved, unresolved } = resolveCitations(
      [{ docId: 'article', start: 0, end: 3 }, { docId: 'article', start: 0, end: 3, quote: 'غير' }, { docId: 'other', start: 0, end: 3 }, { docId: 'article', start: 5, end: 5000 }],
      documents,
    )
    expect(resolved).toEqual([{ n: 1, docId: 'article', start: 0, end: 3, quote: 'وقع' }])
    expect(unresolved.map((citation) => citation.reason)).toEqual(['quote-differs-from-span', 'unknown-document', 'span-out-of-range'])
  })

  it('should report a quote that is not in the sources', () => {
    expect(resolveCitations([{ quote: 'ليست في المقال' }], documents).unresolved).toEqual([{ n: 1, reason: 'quote-not-found' }])
  })
})
