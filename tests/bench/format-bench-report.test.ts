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

function createReport(overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    date: '2026-01-01T00:00:00.000Z',
    mode: 'quick',
    machine: { cpu: 'Test CPU', cores: 2, node: 'v20.0.0', platform: 'linux', totalMemoryBytes: 8 * 1024 ** 3, loadAverageAtStart: 0.5, loadAverageAtEnd: 0.7 },
    article: { documents: 1, sentences: 41, chunks: 18, build: { runs: 5, stagesMs: { clean: 1, segment: 1, chunk: 0.1, embed: 5, hnsw: 20, bm25: 3, guide: 1 }, totalMs: summary(40, 45, 50) }, retrieval },
    server: {
      command: 'node --import tsx src/main.ts',
      firstStartMs: 1200,
      coldStart: summary(900, 950, 1000),
      boot: { nodeMs: summary(40), loaderMs: summary(400) },
      ask: { latency: summary(2, 3), serverMs: { total: summary(1, 1.5), grounding: summary(0.5) }, failures: 0 },
      throughput: { bareHono: throughput(20000), sanadHealth: throughput(10000), ask: throughput(2000), chatCompletions: throughput(1500), connections: 50 },
      askRatio: 0.1,
      chatCompletionsRatio: 0.075,
      rssBytes: 150 * 1024 * 1024,
      peakRssBytes: 160 * 1024 * 1024,
    },
    scale: [scalePoint(1_000), scalePoint(10_000)],
    retrievalGrowthExponent: 0.25,
    targets: evaluateTargets({ askThroughputRatio: 0.1, retrievalRatio: 1.4, articleBuildMs: 45, coldStartMs: 950, largestScale: null, articleServerRssBytes: 150 * 1024 * 1024 }),
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
    const [passed] = evaluateTargets({ askThroughputRatio: 0.5, retrievalRatio: null, articleBuildMs: null, coldStartMs: null, largestScale: null, articleServerRssBytes: null })
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
    expect(text).toMatch(/FAIL\s+\/api\/ask throughput/)
  })

  it('should show the answerer stages, the throughput ratio and one scale row per point', () => {
    const text = formatBenchReport(createReport())
    expect(text).toContain('answerer grounding')
    expect(text).toContain('POST /v1/chat/completions')
    expect(text).toMatch(/^\s+1,000\s/m)
    expect(text).toMatch(/^\s+10,000\s/m)
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
    expect(text).not.toContain('Throughput')
  })
})
