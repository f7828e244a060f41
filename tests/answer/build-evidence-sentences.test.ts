import { beforeAll, describe, expect, it } from 'vitest'
import { buildEvidenceSentences } from '../../src/answer/build-evidence-sentences.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { HybridRetriever, type RetrievedChunk } from '../../src/retrieve/hybrid-retriever.js'
import { loadTestIndex } from '../support/load-test-index.js'

let index: SanadIndex
let retrieved: RetrievedChunk[]

beforeAll(async () => {
  index = await loadTestIndex()
  retrieved = await new HybridRetriever(index, 5).retrieve({ text: 'متى أعلن أوباما مقتل بن لادن؟', topK: 5 })
})

describe('buildEvidenceSentences', () => {
  it('should number each retrieved sentence once, in reading order, with its exact text', () => {
    const evidence = buildEvidenceSentences(retrieved, index)
    const sentenceCount = new Set(retrieved.flatMap((hit) => hit.chunk.sentenceIds)).size

    expect(evidence).toHaveLength(sentenceCount)
    expect(evidence.map((sentence) => sentence.n)).toEqual(evidence.map((_, position) => position + 1))
    for (const sentence of evidence) expect(sentence.text).toBe(index.textOf(sentence))
    const starts = evidence.map((sentence) => sentence.start)
    expect(starts).toEqual([...starts].sort((left, right) => left - right))
  })

  it('should keep the sentences of the best-ranked chunk when there are more than allowed', () => {
    const best = retrieved[0]!.chunk.sentenceIds.map((id) => index.textOf(index.sentenceAt(id)))
    const evidence = buildEvidenceSentences(retrieved, index, { maxSentences: best.length })
    expect(evidence.map((sentence) => sentence.text)).toEqual(best)
  })
})
