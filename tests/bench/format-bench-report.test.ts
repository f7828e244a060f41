import { describe, expect, it } from 'vitest'
import type { BenchReport, ScaleFigures } from '../../src/bench/bench-report.js'
import { evaluateTargets } from '../../src/bench/evaluate-targets.js'
import { formatBenchReport, formatNumber, formatTable, formatTarget } from '../../src/bench/format-bench-report.js'
import { summarizeSamples } from '../../src/bench/summarize-samples.js'

const summary = (...samples: number[]) => summarizeSamples(samples)
const retrieval = { queryEmbedding: summary(0.03), rawVectorSearch: summary(0.04), lexicalSearch: summary(0.02), retrieval: summary(0.1), ratio: 0.1 / 0.07 }
const throughput = (requestsPerSecond: number) => ({ requestsPerSecond, latencyP50Ms: 2, latencyP99Ms: 9, completed: 1000, non2xx: 0, errors: 0, durationSeconds: 10 })
const scalePoint = (chunks: number): ScaleFigures => ({
  targetChunks: chunks,
  chunks,
  documents: chunks / 18,
  sentences: chunks * 2,
  sourceBytes: chunks * 700,
  generateMs: 10,
  buildMs: chunks,
  stagesMs: { clean: 1, segment: 1, chunk: 1, embed: 1, hnsw: 1, bm25: 1, guide: 1 },
  saveMs: 1,
  indexBytes: chunks * 4000,
  retrieval,
  buildPeakRssBytes: 1e8,
  server: { readyMs: 900, ask: { latency: summary(3), serverMs: {}, failures: 0 }, rssBytes: 1.5e8, peakRssBytes: 1.6e8 },
})

const MEBIBYTE = 1024 * 1024
const run = (setting: string, throughputs: Record<string, ReturnType<typeof throughput>>) => ({
  setting,
  idleRssBytes: 80 * MEBIBYTE,
  ask: { latency: summary(2, 3), serverMs: { total: summary(1, 1.5), grounding: summary(0.5) }, failures: 0 },
  throughput: throughputs,
  load: { requests: 4000, non2xx: 0, rssBytes: 120 * MEBIBYTE, peakRssBytes: 130 * MEBIBYTE },
})
const peer = (system: string, corpus: string, hitAt5: number | null, p50: number) => ({
  system,
  description: system,
  corpus,
  chunks: 300,
  buildMs: 300,
  latency: summary(p50, p50 * 2),
  hitAt5,
  goldQuestions: hitAt5 === null ? 0 : 600,
  rssBytes: 150 * MEBIBYTE,
  heapUsedBytes: 20 * MEBIBYTE,
})
const figures = {
  coldStartMs: 250,
  idleRssBytes: 80 * MEBIBYTE,
  loadedRss: { bytes: 120 * MEBIBYTE, requests: 4000 },
  distinctAskRatio: 0.02,
  repeatedAskRatio: 0.2,
  answererMs: 1,
  retrievalRatio: 1.4,
  articleBuildMs: 45,
  scale: [],
}

function createReport(overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    date: '2026-01-01T00:00:00.000Z',
    mode: 'quick',
    machine: { cpu: 'Test CPU', cores: 2, node: 'v20.0.0', platform: 'linux', totalMemoryBytes: 8 * 1024 ** 3, loadAverageAtStart: 0.5, loadAverageAtEnd: 0.7 },
    article: { documents: 1, sentences: 41, chunks: 18, build: { runs: 5, stagesMs: { clean: 1, segment: 1, chunk: 0.1, embed: 5, hnsw: 20, bm25: 3, guide: 1 }, totalMs: summary(40, 45, 50) }, retrieval },
    startup: {
      command: 'node dist/main.js',
      coldStart: summary(240, 250, 260),
      nodeBoot: summary(40),
      stagesMs: { node: 50, modules: 100, index: 20 },
      deferred: [{ name: 'GET /openapi.json', firstMs: 40, nextMs: 2 }],
    },
    server: {
      bareHono: throughput(20000),
      cached: run('answer cache on', { 'POST /api/ask, repeated questions (cache hits)': throughput(4000) }),
      uncached: run('answer cache off', { 'POST /api/ask, distinct questions': throughput(400), 'POST /v1/chat/completions': throughput(380) }),
      connections: 50,
      distinctAskRatio: 0.02,
      repeatedAskRatio: 0.2,
      chatCompletionsRatio: 0.019,
    },
    memoryStages: [
      { stage: 'node', rssBytes: 40 * MEBIBYTE, heapUsedBytes: 3 * MEBIBYTE, heapTotalBytes: 5 * MEBIBYTE, externalBytes: MEBIBYTE },
      { stage: 'index ready', rssBytes: 70 * MEBIBYTE, heapUsedBytes: 13 * MEBIBYTE, heapTotalBytes: 30 * MEBIBYTE, externalBytes: 2 * MEBIBYTE },
    ],
    unseen: { questions: 670, documents: 231, stagesMs: { total: summary(0.9, 2), grounding: summary(0.4, 1) }, cpuMicrosecondsPerQuestion: 1200 },
    peers: [peer('sanad', 'arcd', 0.93, 0.2), peer('Orama', 'arcd', 0.86, 0.7), peer('LangChain MemoryVectorStore', 'arcd', 0.87, 0.1), peer('sanad', 'synthetic', null, 1)],
    scale: [scalePoint(1_000), scalePoint(10_000)],
    growthExponents: { 'retrieval p50': 0.25, 'server RSS': null },
    targets: evaluateTargets(figures),
    errors: [],
    ...overrides,
  }
}

describe('formatNumber', () => {
  it('should keep three significant digits for small values and group large ones', () => {
    expect(formatNumber(0.034812)).toBe('0.0348')
    expect(formatNumber(12.345)).toBe('12.3')
    expect(formatNumber(12345.6)).toBe('12,346')
  })

  it('should show a dash for a missing value', () => {
    expect(formatNumber(null)).toBe('–')
    expect(formatNumber(undefined)).toBe('–')
    expect(formatNumber(Number.NaN)).toBe('–')
  })
})

describe('formatTable', () => {
  it('should align every column to its widest cell', () => {
    const lines = formatTable([['name', 'ms'], ['a much longer name', '1.5'], ['b', '100']]).split('\n')
    expect(new Set(lines.map((line) => line.length)).size).toBe(1)
    expect(lines[1]!.trimStart().startsWith('a much longer name')).toBe(true)
    expect(lines.every((line) => line.endsWith('ms') || /\d$/.test(line))).toBe(true)
  })
})

describe('formatTarget', () => {
  it('should mark passes, failures and unmeasured targets', () => {
    const [passed] = evaluateTargets(figures)
    expect(formatTarget(passed!)[0]).toBe('PASS')
    expect(formatTarget({ ...passed!, pass: false })[0]).toBe('FAIL')
    expect(formatTarget({ ...passed!, value: null, pass: null })[0]).toBe('SKIP')
  })
})

describe('formatBenchReport', () => {
  it('should name the date, the machine and every target with its verdict', () => {
    const report = createReport()
    const text = formatBenchReport(report)
    expect(text).toContain(report.date)
    expect(text).toContain('Test CPU')
    expect(text).toContain('v20.0.0')
    for (const target of report.targets) expect(text).toContain(target.name)
    expect(text).toMatch(/FAIL\s+\/api\/ask distinct questions/)
    expect(text).toMatch(/PASS\s+cold start to ready/)
  })

  it('should show the answerer stages, the throughput ratios, the memory stages and one scale row per point', () => {
    const text = formatBenchReport(createReport())
    expect(text).toMatch(/^\s+grounding\s/m)
    expect(text).toContain('POST /v1/chat/completions')
    expect(text).toContain('Memory by stage')
    expect(text).toMatch(/index ready\s+70\s+30/)
    expect(text).toMatch(/^\s+1,000\s/m)
    expect(text).toMatch(/^\s+10,000\s/m)
  })

  it('should show the answer path on unseen questions when it was measured, and leave it out otherwise', () => {
    expect(formatBenchReport(createReport())).toMatch(/never seen: 670 ARCD questions, each asked once, over its 231 paragraphs[\s\S]*CPU per question: 1,200 µs/)
    expect(formatBenchReport(createReport({ unseen: null }))).not.toContain('never seen')
  })

  it('should warn when the machine was already busy as the run began, whatever the bench itself loaded', () => {
    const busy = createReport({ machine: { ...createReport().machine, loadAverageAtStart: 6 } })
    const loadedByTheBench = createReport({ machine: { ...createReport().machine, loadAverageAtEnd: 6 } })
    expect(formatBenchReport(busy)).toContain('warning')
    expect(formatBenchReport(loadedByTheBench)).not.toContain('warning')
  })

  it('should still print a run whose server part failed, with the error', () => {
    const text = formatBenchReport(createReport({ server: null, scale: [], errors: ['server: not ready'] }))
    expect(text).toContain('server: not ready')
    expect(text).not.toContain('Server on the article')
  })

  it('should say, per corpus, where sanad is ahead of its peers and where it is behind', () => {
    const text = formatBenchReport(createReport())
    expect(text).toMatch(/arcd: sanad is ahead at hit@5, behind LangChain MemoryVectorStore at p50 \(0\.2 vs 0\.1\)/)
    expect(text).toContain('synthetic: sanad is')
  })
})
