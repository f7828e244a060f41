import { beforeAll, describe, expect, it } from 'vitest'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { tokenize } from '../../src/text/tokenize.js'
import { ARTICLE_TEXT } from '../fixtures/foundation-article.js'
import { buildArticleIndex } from '../fixtures/foundation-build-article-index.js'
import { useTemporaryDirectories } from '../fixtures/foundation-temporary-directories.js'

const makeTemporaryDirectory = useTemporaryDirectories('sanad-index-')
let index: SanadIndex

beforeAll(async () => {
  index = (await buildArticleIndex(await makeTemporaryDirectory())).index
})

describe('SanadIndex', () => {
  it('should give the exact text of a span of a document', () => {
    const start = ARTICLE_TEXT.indexOf('جيمس فولي')
    expect(index.textOf({ docId: 'article', start, end: start + 'جيمس فولي'.length })).toBe('جيمس فولي')
    expect(index.textOf({ docId: 'missing', start: 0, end: 5 })).toBe('')
  })

  it('should find chunks by label and sentences by id', () => {
    expect(index.chunkAt(0)).toBe(index.corpus.chunks[0])
    const sentence = index.sentenceAt(index.corpus.sentences.length - 1)
    expect(index.textOf(sentence)).toBe('” ميدل ايست أونلاين”')
    expect(() => index.chunkAt(index.corpus.chunks.length)).toThrow(RangeError)
    expect(() => index.sentenceAt(-1)).toThrow(RangeError)
  })

  it('should tokenize a sentence with offsets into its document, once', () => {
    const sentence = index.corpus.sentences.find((candidate) => index.textOf(candidate).includes('جيمس فولي'))!
    const tokens = index.tokensOf(sentence)
    expect(tokens.map((token) => ARTICLE_TEXT.slice(token.start, token.end))).toEqual(
      tokenize(index.textOf(sentence)).map((token) => index.textOf(sentence).slice(token.start, token.end)),
    )
    expect(tokens[0]!.start).toBe(sentence.start)
    expect(index.tokensOf(sentence)).toBe(tokens)
  })

  it('should summarize its counts and embedder', () => {
    expect(index.summary()).toEqual({
      documents: 1,
      sentences: index.corpus.sentences.length,
      chunks: index.corpus.chunks.length,
      embedder: 'local-hash-v1-512',
      dimensions: 512,
    })
    expect(index.documents.get('article')?.text).toBe(ARTICLE_TEXT)
  })
})
