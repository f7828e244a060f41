import { beforeAll, describe, expect, it } from 'vitest'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { HybridRetriever } from '../../src/retrieve/hybrid-retriever.js'
import { buildMemoryIndex } from '../support/build-memory-index.js'

// Two made-up articles that share vocabulary, so that only the filter keeps one out.
const QATAR = 'قطر\n\nالدوحة هي عاصمة دولة قطر وأكبر مدنها. استضافت الدوحة كأس العالم لكرة القدم عام 2022.\n'
const BAHRAIN = 'البحرين\n\nالمنامة هي عاصمة مملكة البحرين. تقع المنامة في شمال شرق الجزيرة.\n'

let index: SanadIndex
beforeAll(async () => {
  index = await buildMemoryIndex({ qatar: QATAR, bahrain: BAHRAIN })
})

describe('HybridRetriever with a documents filter', () => {
  it('should return only chunks of the filtered documents, from both methods', async () => {
    const retriever = new HybridRetriever(index)
    const open = await retriever.retrieve({ text: 'ما هي عاصمة قطر؟', topK: 5 })
    expect(new Set(open.map((hit) => hit.chunk.docId))).toEqual(new Set(['qatar', 'bahrain']))
    const filtered = await retriever.retrieve({ text: 'ما هي عاصمة قطر؟', topK: 5, documents: new Set(['bahrain']) })
    expect(filtered.length).toBeGreaterThan(0)
    expect(filtered.every((hit) => hit.chunk.docId === 'bahrain')).toBe(true)
  })

  it('should return nothing for a filter that names no indexed document', async () => {
    expect(await new HybridRetriever(index).retrieve({ text: 'عاصمة', topK: 5, documents: new Set(['missing']) })).toEqual([])
  })
})
