import type { BuildTimings } from '../index/build-index.js'
import type { Target } from './evaluate-targets.js'
import type { HttpLatency } from './measure-http-latency.js'
import type { RetrievalMeasurement } from './measure-retrieval.js'
import type { ScalePointResult } from './measure-scale-point.js'
import type { Throughput } from './measure-throughput.js'
import type { SampleSummary } from './summarize-samples.js'

/** Where a run was measured; load averages show how much else the machine was doing. */
export interface MachineDescription {
  cpu: string
  cores: number
  node: string
  platform: string
  totalMemoryBytes: number
  loadAverageAtStart: number
  loadAverageAtEnd: number
}

/** The server measured on the article index. */
export interface ServerFigures {
  command: string
  /** The first start after the bench began, which may fill the TypeScript loader's cache. */
  firstStartMs: number
  coldStart: SampleSummary
  /** What any start pays before sanad's code runs: `node -e ""` and the same with the server's loader. */
  boot: { nodeMs: SampleSummary; loaderMs: SampleSummary }
  ask: HttpLatency
  /** `sanadHealth` is GET /api/health through sanad's middleware: the HTTP stack without the answer work. */
  throughput: { bareHono: Throughput; sanadHealth: Throughput; ask: Throughput; chatCompletions: Throughput; connections: number }
  askRatio: number
  chatCompletionsRatio: number
  rssBytes: number
  peakRssBytes: number
}

/** A scale point with the server started on its index. */
export interface ScaleFigures extends Omit<ScalePointResult, 'indexDirectory' | 'sourcesDirectory'> {
  server: { readyMs: number; ask: HttpLatency; rssBytes: number; peakRssBytes: number } | null
}

/** Everything one `npm run bench` measured; written as JSON and printed as tables. */
export interface BenchReport {
  date: string
  mode: 'quick' | 'full'
  machine: MachineDescription
  article: {
    documents: number
    sentences: number
    chunks: number
    build: { runs: number; stagesMs: BuildTimings; totalMs: SampleSummary }
    retrieval: RetrievalMeasurement
  }
  server: ServerFigures | null
  scale: ScaleFigures[]
  /** How retrieval p50 grows with the chunk count: p50 ∝ chunks^exponent. */
  retrievalGrowthExponent: number | null
  targets: Target[]
  errors: string[]
}
