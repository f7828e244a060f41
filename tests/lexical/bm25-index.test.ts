import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Bm25Index, type LexicalHit, type QueryConcept } from '../../src/lexical/bm25-index.js'
import { contentStems } from '../../src/text/tokenize.js'

const ARTICLE_PARAGRAPHS = [
  'منذ سبتمبر 2001 والولايات المتحدة الأميركية في سباق الخطوة الأولى مع بن لادن زعيم القاعدة المقتول.',
  'فبعد مقتل الصحفي الأميركي “جيمس فولي” أعلنت الولايات المتحدة أنها فشلت في إنقاذ رهائن، من ضمنهم الصحفي المقتول.',
  'فداعش تعتمد الآن على تمويلات أشخاص ودول معينة، إضافة إلى موارد آبار النفط في سوريا والعراق.',
  'منذ تفجيرات مايو سنة 2003 بالدار البيضاء، إلى اليوم عشرات الخلايا الإرهابية النائمة وغيرها تم رصدها وتضييق الخناق عليها وتفكيكها.',
  'وقع المغرب على الاتفاقية الدولية لمكافحة عمليات تمويل الإرهاب.',
  'ويدخل في شراكة استراتيجية وعلاقات مع الولايات المتحدة الأميركية تعود الى 225 سنة.',
]
const articleIndex = Bm25Index.build(ARTICLE_PARAGRAPHS.map((paragraph) => contentStems(paragraph)))
const conceptsOf = (text: string) => [...new Set(contentStems(text))].map((term) => ({ terms: [term] }))

/**
 * Okapi BM25 with Pirkola concepts, written the plain way, to check the index against. Contributions are
 * summed in the index's order (rarest concept first, by its most frequent term, then query order), so
 * that equal sums round alike.
 */
function searchPlainly(documents: readonly string[][], concepts: readonly QueryConcept[], k: number, k1 = 1.2, b = 0.75): LexicalHit[] {
  const averageLength = documents.reduce((sum, terms) => sum + terms.length, 0) / documents.length || 1
  const scores = new Map<number, number>()
  const documentFrequency = (term: string) => documents.filter((terms) => terms.includes(term)).length
  const longest = (concept: QueryConcept) => Math.max(0, ...concept.terms.map(documentFrequency))
  const ordered = concepts.map((concept, position) => ({ concept, position, longest: longest(concept) })).sort((left, right) => left.longest - right.longest || left.position - right.position)
  for (const { concept } of ordered) {
    const alternatives = new Set(concept.terms)
    const frequencies = new Map<number, number>()
    documents.forEach((terms, label) => {
      const frequency = terms.filter((term) => alternatives.has(term)).length
      if (frequency > 0) frequencies.set(label, frequency)
    })
    if (frequencies.size === 0) continue
    const idf = Math.log(1 + (documents.length - frequencies.size + 0.5) / (frequencies.size + 0.5))
    for (const [label, frequency] of frequencies) {
      const normalizer = k1 * (1 - b + (b * documents[label]!.length) / averageLength)
      scores.set(label, (scores.get(label) ?? 0) + ((concept.weight ?? 1) * idf * frequency * (k1 + 1)) / (frequency + normalizer))
    }
  }
  return [...scores].map(([label, score]) => ({ label, score })).sort((left, right) => right.score - left.score || left.label - right.label).slice(0, k)
}

describe('Bm25Index', () => {
  it('should rank the paragraph about the killed journalist first', () => {
    const [best] = articleIndex.search(conceptsOf('الصحفي المقتول'), 3)
    expect(best?.label).toBe(1)
  })

  it('should find a word through its proclitic-free stem', () => {
    const hits = articleIndex.search(conceptsOf('داعش'), 5)
    expect(hits.map((hit) => hit.label)).toEqual([2])
  })

  it('should rank a rare term above a common one', () => {
    const index = Bm25Index.build([['common', 'rare'], ['common'], ['common'], ['common']])
    expect(index.inverseDocumentFrequency(index.documentFrequency('rare'))).toBeGreaterThan(index.inverseDocumentFrequency(index.documentFrequency('common')))
    const [best] = index.search([{ terms: ['common'] }, { terms: ['rare'] }], 4)
    expect(best?.label).toBe(0)
  })

  it('should prefer more occurrences, with diminishing returns', () => {
    const index = Bm25Index.build([['داعش', 'x', 'y', 'z'], ['داعش', 'داعش', 'y', 'z'], ['داعش', 'داعش', 'داعش', 'z'], ['other', 'x', 'y', 'z']])
    const scores = new Map(index.search([{ terms: ['داعش'] }], 4).map((hit) => [hit.label, hit.score]))
    expect(scores.get(1)!).toBeGreaterThan(scores.get(0)!)
    expect(scores.get(2)!).toBeGreaterThan(scores.get(1)!)
    expect(scores.get(2)! - scores.get(1)!).toBeLessThan(scores.get(1)! - scores.get(0)!)
    expect(scores.has(3)).toBe(false)
  })

  it('should prefer the shorter of two documents with the same count', () => {
    const index = Bm25Index.build([['داعش', 'a', 'b', 'c', 'd', 'e', 'f'], ['داعش', 'a'], ['g']])
    expect(index.search([{ terms: ['داعش'] }], 2).map((hit) => hit.label)).toEqual([1, 0])
  })

  it('should count the alternatives of a concept as one term (Pirkola)', () => {
    const index = Bm25Index.build([['امريك', 'اميرك'], ['اميرك', 'اميرك'], ['مغرب', 'رباط'], ['داعش', 'رباط']])
    const hits = index.search([{ terms: ['امريك', 'اميرك'] }], 4)
    const both = hits.find((hit) => hit.label === 0)
    const twice = hits.find((hit) => hit.label === 1)
    expect(both!.score).toBeCloseTo(twice!.score, 10)
    const separate = index.search([{ terms: ['امريك'] }, { terms: ['اميرك'] }], 4).find((hit) => hit.label === 0)!
    expect(separate.score).toBeGreaterThan(both!.score)
  })

  it('should use the document frequency of the whole concept', () => {
    const index = Bm25Index.build([['a'], ['b'], ['c'], ['d']])
    const [single] = index.search([{ terms: ['a'] }], 1)
    const [widened] = index.search([{ terms: ['a', 'b'] }], 1)
    expect(widened!.score).toBeCloseTo(index.search([{ terms: ['a'] }], 1)[0]!.score * (index.inverseDocumentFrequency(2) / index.inverseDocumentFrequency(1)), 10)
    expect(widened!.score).toBeLessThan(single!.score)
  })

  it('should ignore a repeated alternative and scale by the concept weight', () => {
    const [plain] = articleIndex.search([{ terms: ['صحف'] }], 1)
    const [repeated] = articleIndex.search([{ terms: ['صحف', 'صحف'] }], 1)
    const [weighted] = articleIndex.search([{ terms: ['صحف'], weight: 2 }], 1)
    expect(repeated).toEqual(plain)
    expect(weighted!.score).toBeCloseTo(plain!.score * 2, 10)
  })

  it('should keep label order between equal scores and honour k', () => {
    const index = Bm25Index.build([['x'], ['a'], ['a'], ['a']])
    expect(index.search([{ terms: ['a'] }], 2).map((hit) => hit.label)).toEqual([1, 2])
    expect(index.search([{ terms: ['a'] }], 0)).toEqual([])
    expect(index.search([{ terms: ['unknown'] }], 5)).toEqual([])
  })

  it('should never give a negative idf or a negative score', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 6 }), { minLength: 1, maxLength: 8 }), (documents) => {
        const index = Bm25Index.build(documents)
        for (let frequency = 0; frequency <= index.size; frequency++) expect(index.inverseDocumentFrequency(frequency)).toBeGreaterThanOrEqual(0)
        for (const hit of index.search([{ terms: ['a'] }, { terms: ['b', 'c'] }], 10)) expect(hit.score).toBeGreaterThan(0)
      }),
    )
    const everywhere = Bm25Index.build([['a'], ['a'], ['a']])
    expect(everywhere.search([{ terms: ['a'] }], 3).every((hit) => hit.score > 0)).toBe(true)
  })

  it('should score exactly as plain BM25 over Pirkola concepts, for any corpus and query', () => {
    const term = fc.constantFrom('داعش', 'مغرب', 'رباط', 'اميرك', 'امريك', '2001', 'obama')
    const concept = fc.record({ terms: fc.array(term, { minLength: 1, maxLength: 3 }), weight: fc.option(fc.double({ min: 0.1, max: 3, noNaN: true }), { nil: undefined }) })
    fc.assert(
      fc.property(fc.array(fc.array(term, { maxLength: 8 }), { minLength: 1, maxLength: 12 }), fc.array(concept, { maxLength: 4 }), fc.nat(14), (documents, concepts, k) => {
        const hits = Bm25Index.build(documents).search(concepts, k)
        const expected = searchPlainly(documents, concepts, k)
        expect(hits.map((hit) => hit.label)).toEqual(expected.map((hit) => hit.label))
        hits.forEach((hit, index) => expect(hit.score).toBeCloseTo(expected[index]!.score, 10))
      }),
    )
  })

  it('should find exactly the documents and scores of scoring every posting, when rare and common concepts mix', () => {
    // Zipf-like corpora: a few terms in most documents, many in a few, so that the search can stop reading
    // common concepts early; the plain search reads everything.
    const vocabulary = Array.from({ length: 60 }, (_, rank) => `t${rank}`)
    const corpus = fc.array(fc.array(fc.integer({ min: 0, max: 999 }).map((draw) => vocabulary[Math.floor(Math.pow(draw / 1000, 3) * vocabulary.length)]!), { minLength: 1, maxLength: 14 }), { minLength: 30, maxLength: 160 })
    const concept = fc.record({ terms: fc.array(fc.constantFrom(...vocabulary, 'absent'), { minLength: 1, maxLength: 4 }), weight: fc.option(fc.double({ min: 0.1, max: 3, noNaN: true }), { nil: undefined }) })
    fc.assert(
      fc.property(corpus, fc.array(concept, { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 12 }), (documents, concepts, k) => {
        const index = Bm25Index.build(documents)
        const hits = index.search(concepts, k)
        const expected = searchPlainly(documents, concepts, k)
        expect(hits.map((hit) => hit.label)).toEqual(expected.map((hit) => hit.label))
        hits.forEach((hit, position) => expect(hit.score).toBeCloseTo(expected[position]!.score, 10))
        // A filter that accepts everything takes the exhaustive path: the same documents and the very same scores.
        expect(index.search(concepts, k, () => true)).toEqual(hits)
      }),
      { numRuns: 200 },
    )
  })

  it('should give the same answer to the same search twice', () => {
    const concepts = conceptsOf('الولايات المتحدة الأميركية والصحفي المقتول')
    expect(articleIndex.search(concepts, 4)).toEqual(articleIndex.search(concepts, 4))
    expect(articleIndex.search(concepts, 2)).toEqual(articleIndex.search(concepts, 4).slice(0, 2))
  })

  it('should give the largest idf to a term found nowhere', () => {
    expect(articleIndex.inverseDocumentFrequency(0)).toBeGreaterThan(articleIndex.inverseDocumentFrequency(1))
  })

  it('should report its size, its terms in sorted order and their document frequencies', () => {
    expect(articleIndex.size).toBe(ARTICLE_PARAGRAPHS.length)
    const terms = [...articleIndex.terms()]
    expect(terms).toEqual([...terms].sort())
    expect(articleIndex.has('صحف')).toBe(true)
    expect(articleIndex.has('في')).toBe(false)
    expect(articleIndex.documentFrequency('2001')).toBe(1)
    expect(articleIndex.documentFrequency('متحد')).toBe(3)
  })

  it('should survive a JSON round trip with the same terms, in the same order, and the same scores', () => {
    expect(articleIndex.has('225') && articleIndex.has('2001')).toBe(true)
    const restored = Bm25Index.fromJSON(JSON.parse(JSON.stringify(articleIndex.toJSON())))
    expect(restored.toJSON()).toEqual(articleIndex.toJSON())
    expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(articleIndex.toJSON()))
    expect([...restored.terms()]).toEqual([...articleIndex.terms()])
    for (const query of ['الصحفي المقتول', 'داعش والنفط', 'تفجيرات 2003', 'الولايات المتحدة']) {
      expect(restored.search(conceptsOf(query), 5)).toEqual(articleIndex.search(conceptsOf(query), 5))
    }
  })

  it('should keep its own parameters through a round trip', () => {
    const index = Bm25Index.build([['a', 'b'], ['b']], { k1: 2, b: 0.5 })
    const restored = Bm25Index.fromJSON(JSON.parse(JSON.stringify(index.toJSON())))
    expect([restored.k1, restored.b]).toEqual([2, 0.5])
  })

  it('should refuse a malformed serialization', () => {
    expect(() => Bm25Index.fromJSON({ k1: 1.2, b: 0.75, lengths: [1], postings: { a: [[0]] } })).toThrow()
    expect(() => Bm25Index.fromJSON(null)).toThrow()
  })

  it('should refuse postings whose labels are out of order or range, or whose frequencies are not counts', () => {
    expect(() => Bm25Index.fromJSON({ k1: 1.2, b: 0.75, lengths: [1, 1], postings: { a: [[1, 0], [1, 1]] } })).toThrow(/out of order/)
    expect(() => Bm25Index.fromJSON({ k1: 1.2, b: 0.75, lengths: [1], postings: { a: [[1], [1]] } })).toThrow(/range/)
    expect(() => Bm25Index.fromJSON({ k1: 1.2, b: 0.75, lengths: [1], postings: { a: [[0], [0]] } })).toThrow(/count/)
  })

  it('should survive a binary round trip with the same postings, parameters and scores', () => {
    const index = Bm25Index.build(ARTICLE_PARAGRAPHS.map((paragraph) => contentStems(paragraph)), { k1: 1.5, b: 0.6 })
    const restored = Bm25Index.fromBinary(Buffer.concat(index.toBinary()))
    expect(restored.toJSON()).toEqual(index.toJSON())
    const concepts = conceptsOf('الولايات المتحدة الأميركية والصحفي المقتول')
    expect(restored.search(concepts, 5)).toEqual(index.search(concepts, 5))
    expect(Buffer.concat(restored.toBinary()).equals(Buffer.concat(index.toBinary()))).toBe(true)
  })

  it('should read its binary form at any byte offset, and an empty index too', () => {
    const bytes = Buffer.concat(articleIndex.toBinary())
    const shifted = Buffer.alloc(bytes.length + 3)
    bytes.copy(shifted, 3)
    expect(Bm25Index.fromBinary(shifted.subarray(3)).toJSON()).toEqual(articleIndex.toJSON())
    expect(Bm25Index.fromBinary(Buffer.concat(Bm25Index.build([]).toBinary())).size).toBe(0)
  })

  it('should refuse bytes that are not a whole binary index', () => {
    const bytes = Buffer.concat(articleIndex.toBinary())
    expect(() => Bm25Index.fromBinary(bytes.subarray(0, bytes.length - 5))).toThrow()
    expect(() => Bm25Index.fromBinary(Buffer.from('{"k1":1.2}'))).toThrow(/not a sanad BM25 index/)
    const garbled = Buffer.from(bytes)
    // The first label of the postings, made larger than any label.
    const header = garbled.indexOf(0x0a, 11) + 1
    const labelsAt = header + 4 * (articleIndex.size + [...articleIndex.terms()].length + 1)
    garbled.writeInt32LE(1_000_000, labelsAt)
    expect(() => Bm25Index.fromBinary(garbled)).toThrow(/malformed/)
  })

  it('should answer nothing when empty', () => {
    const empty = Bm25Index.build([])
    expect(empty.size).toBe(0)
    expect(empty.search([{ terms: ['a'] }], 3)).toEqual([])
  })
})
