import { beforeAll, describe, expect, it } from 'vitest'
import { buildDocumentGraph, rankByCentrality, selectByMarginalRelevance, summarizeDocument } from '../../../src/index/guide/summarize-document.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { tokenize } from '../../../src/text/tokenize.js'
import { BROAD_ARTICLE } from '../../fixtures/broad-article.js'
import { buildMemoryIndex } from '../../support/build-memory-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await buildMemoryIndex({ news: BROAD_ARTICLE })
})

describe('rankByCentrality', () => {
  it('should give the sentence most similar to the others the most rank, summing to one', () => {
    const similarity = [
      [1, 0.6, 0.6, 0.1],
      [0.6, 1, 0.1, 0],
      [0.6, 0.1, 1, 0],
      [0.1, 0, 0, 1],
    ]
    const rank = rankByCentrality(similarity, [1, 1, 1, 1])
    expect(rank.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6)
    expect(Math.max(...rank)).toBe(rank[0])
  })
})

describe('selectByMarginalRelevance', () => {
  it('should not pick a second sentence that says the same thing as the first', () => {
    const similarity = [
      [1, 0.95, 0.1],
      [0.95, 1, 0.1],
      [0.1, 0.1, 1],
    ]
    expect(selectByMarginalRelevance([1, 0.8, 0.5], similarity, 2, [true, true, true])).toEqual([0, 2])
  })
})

describe('summarizeDocument', () => {
  it('should return the asked number of sentences in reading order, none of them a short line', () => {
    const graph = buildDocumentGraph(index, 'news')
    for (const count of [1, 2, 3]) {
      const summary = summarizeDocument(graph, { count })
      expect(summary).toHaveLength(count)
      expect(summary.map((sentence) => sentence.start)).toEqual([...summary.map((sentence) => sentence.start)].sort((left, right) => left - right))
    }
  })

  it('should keep to the topic asked about and to the sentences it is given', () => {
    const graph = buildDocumentGraph(index, 'news')
    const [onTopic] = summarizeDocument(graph, { count: 1, topicStems: tokenize('اتفاقية نقابة الأطباء').map((token) => token.stem) })
    expect(index.textOf(onTopic!)).toContain('نقابة الأطباء')
    const within = index.sentencesOf('news').filter((sentence) => sentence.section === 'ردود الفعل')
    for (const sentence of summarizeDocument(graph, { count: 3, within })) expect(sentence.section).toBe('ردود الفعل')
  })
})
