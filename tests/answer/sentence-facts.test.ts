import { beforeAll, describe, expect, it } from 'vitest'
import { findCountSpans, findDateSpans, findNameSpans, findPlaceSpans, findQuotedSpans } from '../../src/answer/find-answer-spans.js'
import { headingBagOf, sentenceFactsOf } from '../../src/answer/sentence-facts.js'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { buildIndex } from '../../src/index/build-index.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { sourceFromText } from '../../src/source/load-sources.js'
import { splitIntoCoordinatedClauses } from '../../src/text/split-into-clauses.js'

// A made-up news item: a dated event with a place, a count, a named official and a quoted title.
const TEXT = [
  'أخبار المدينة',
  '',
  'افتتح الوزير سامي العلي معرض «كتب الربيع» في مدينة طنجة يوم 3 مارس 2021.',
  'وحضر الافتتاح نحو 40 ناشرا من خمس دول.',
  '',
].join('\n')

let index: SanadIndex

beforeAll(async () => {
  const { index: built } = await buildIndex([sourceFromText('made-up', TEXT)], new LocalHashEmbeddings({ dimensions: 64 }), { chunker: { maxCharacters: 400, overlapSentences: 0 } })
  index = built
})

describe('sentenceFactsOf', () => {
  it('should give the same spans as the span finders, and the same object on a second call', () => {
    for (const sentence of index.corpus.sentences) {
      const facts = sentenceFactsOf(index, sentence)
      const tokens = index.tokensOf(sentence)
      const text = index.textOf(sentence)
      expect(facts.text).toBe(text)
      expect(facts.tokens).toEqual(tokens)
      expect(facts.dateSpans()).toEqual(findDateSpans(tokens, text, sentence.start))
      expect(facts.countSpans()).toEqual(findCountSpans(tokens, text, sentence.start))
      expect(facts.nameSpans()).toEqual(findNameSpans(tokens, text, sentence.start))
      expect(facts.placeSpans()).toEqual(findPlaceSpans(tokens, text, sentence.start))
      expect(facts.quotedSpans()).toEqual(findQuotedSpans(text, sentence.start))
      expect(facts.contentTokens).toBe(tokens.filter((token) => !token.isStopword).length)
      expect(facts.clauses().map(({ start, end }) => ({ start, end }))).toEqual(splitIntoCoordinatedClauses(text, sentence.start))
      expect(sentenceFactsOf(index, sentence)).toBe(facts)
    }
  })

  it('should find the dated event and the count of the made-up sentences', () => {
    const [opening, attendance] = index.corpus.sentences.filter((sentence) => sentence.docId === 'made-up' && /[0-9]/.test(index.textOf(sentence)))
    const quote = (span: { start: number; end: number }) => index.documents.get('made-up')!.text.slice(span.start, span.end)
    expect(sentenceFactsOf(index, opening!).dateSpans().map(quote)).toContain('3 مارس 2021')
    expect(sentenceFactsOf(index, attendance!).countSpans().map(quote)).toContain('40 ناشرا')
  })

  it('should keep the stems of a sentence and of a heading for matching', () => {
    const opening = index.corpus.sentences.find((sentence) => index.textOf(sentence).includes('طنجة'))!
    expect(sentenceFactsOf(index, opening).bag.has('طنج')).toBe(true)
    expect(headingBagOf(index, 'أخبار المدينة')).toBe(headingBagOf(index, 'أخبار المدينة'))
  })
})
