import { describe, expect, it } from 'vitest'
import type { ScaleFigures } from '../../src/bench/bench-report.js'
import { createScaleChart } from '../../src/bench/create-scale-chart.js'
import { summarizeSamples } from '../../src/bench/summarize-samples.js'

const point = (chunks: number, retrievalMs: number, server: boolean): ScaleFigures => {
  const summary = summarizeSamples([retrievalMs])
  return {
    targetChunks: chunks,
    chunks,
    documents: 1,
    sentences: 1,
    sourceBytes: 1,
    generateMs: 1,
    buildMs: chunks / 10,
    stagesMs: { clean: 0, segment: 0, chunk: 0, embed: 0, hnsw: 0, bm25: 0, guide: 0 },
    saveMs: 1,
    indexBytes: chunks * 1024,
    retrieval: { queryEmbedding: summary, rawVectorSearch: summary, lexicalSearch: summary, retrieval: summary, ratio: 1 },
    buildPeakRssBytes: 1,
    server: server ? { readyMs: 1, ask: { latency: summary, serverMs: {}, failures: 0 }, rssBytes: 2 ** 27, peakRssBytes: 2 ** 27 } : null,
  }
}

describe('createScaleChart', () => {
  it('should plot each figure against the chunk count, skipping points whose server part is missing', () => {
    const chart = createScaleChart([point(1_000, 0.5, true), point(10_000, 1, false)])
    const retrieval = chart.series.find((series) => series.name.startsWith('retrieval p50'))!
    expect(retrieval.points).toEqual([{ x: 1_000, y: 0.5 }, { x: 10_000, y: 1 }])
    expect(chart.series.find((series) => series.name.startsWith('server RSS'))!.points).toEqual([{ x: 1_000, y: 128 }])
  })

  it('should draw a linear guide from the first retrieval point', () => {
    const chart = createScaleChart([point(1_000, 0.5, true), point(100_000, 2, true)])
    const guide = chart.series.find((series) => series.dashed)!
    expect(guide.points).toEqual([{ x: 1_000, y: 0.5 }, { x: 100_000, y: 50 }])
  })

  it('should draw no guide for a single point', () => {
    expect(createScaleChart([point(1_000, 0.5, true)]).series.some((series) => series.dashed)).toBe(false)
  })
})
