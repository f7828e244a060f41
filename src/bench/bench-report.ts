import type { BuildTimings } from '../index/build-index.js'
import type { Target } from './evaluate-targets.js'
import type { HttpLatency } from './measure-http-latency.js'
import type { PeerMeasurement } from './measure-peer.js'
import type { RetrievalMeasurement } from './measure-retrieval.js'
import type { ScalePointResult } from './measure-scale-point.js'
import type { Throughput } from './measure-throughput.js'
import type { MemoryStage } from './memory-stage.js'
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

/** How the compiled server starts: to ready, what Node alone costs, each stage (from its log), and what is put off until first use. */
export interface StartupFigures {
  command: string
  coldStart: SampleSummary
  /** `node -e ""`: what any start pays before sanad's code runs. */
  nodeBoot: SampleSummary
  /** The median of each stage of the server's `startupMs` log field. */
  stagesMs: Record<string, number>
  /** Milliseconds of a first request that loads a deferred part, and of the same request again. */
  deferred: { name: string; firstMs: number; nextMs: number }[]
}

/** One server process measured on the article: its memory, latency and throughput. */
export interface ServerRun {
  /** What sets this run apart (the answer cache on or off). */
  setting: string
  idleRssBytes: number
  /** /api/ask one request at a time, with the answerer's own timings. */
  ask: HttpLatency
  throughput: Record<string, Throughput>
  /** A fixed number of requests over the whole question set (Arabic, English, follow-ups), then the RSS. */
  load: { requests: number; non2xx: number; rssBytes: number; peakRssBytes: number }
}

/** The server measured on the article. */
export interface ServerFigures {
  bareHono: Throughput
  /** The default configuration: the answer cache on, so repeated questions are hits. */
  cached: ServerRun
  /** ANSWER_CACHE_BYTES=0: every question is answered. */
  uncached: ServerRun
  connections: number
  distinctAskRatio: number
  repeatedAskRatio: number
  chatCompletionsRatio: number
}

/** A scale point with the server started on its index. */
export interface ScaleFigures extends Omit<ScalePointResult, 'indexDirectory' | 'sourcesDirectory'> {
  server: { readyMs: number; ask: HttpLatency; rssBytes: number; peakRssBytes: number } | null
  /** The memory of each start-up stage on this index (the largest point only). */
  memoryStages?: MemoryStage[]
}

/** The answer path in process over questions each asked once: per stage of `timingsMs`, and CPU per question. */
export interface AnswerPathFigures {
  questions: number
  documents: number
  stagesMs: Record<string, SampleSummary>
  cpuMicrosecondsPerQuestion: number
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
  startup: StartupFigures | null
  server: ServerFigures | null
  /** The memory of each stage of start-up and answering, on the article index. */
  memoryStages: MemoryStage[]
  /** The answer path in process on questions it has never seen (ARCD, each asked once); null when not measured. */
  unseen: AnswerPathFigures | null
  peers: PeerMeasurement[]
  scale: ScaleFigures[]
  /** How each scale figure grows with the chunk count: figure ∝ chunks^exponent. */
  growthExponents: Record<string, number | null>
  targets: Target[]
  errors: string[]
}
