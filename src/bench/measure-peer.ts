import { readProcessMemory } from './read-process-memory.js'
import type { LoadedPeerCorpus } from './load-peer-corpus.js'
import { holdsGold } from './load-peer-corpus.js'
import type { RetrievalSystem } from './retrieval-system.js'
import { summarizeSamples, type SampleSummary } from './summarize-samples.js'

/** One system on one corpus: what building and querying it cost, and how often its top 5 held the gold. */
export interface PeerMeasurement {
  system: string
  description: string
  corpus: string
  chunks: number
  buildMs: number
  /** Per-question search time (embedding the question included), over repeated rounds of the questions. */
  latency: SampleSummary
  /** The share of the questions with gold whose 5 best chunks hold one of its gold strings; null without gold. */
  hitAt5: number | null
  /** How many questions had gold. */
  goldQuestions: number
  /** Resident memory of the process after building and querying (one system per process). */
  rssBytes: number
  /** JavaScript heap in use after a full collection (when the process runs with --expose-gc). */
  heapUsedBytes: number
}

const TOP_K = 5

/** Builds the system on the corpus, scores hit@5 on every question with gold, then times searches round after round. */
export async function measurePeer(
  system: RetrievalSystem,
  corpus: LoadedPeerCorpus & { name: string },
  options: { samples: number; warmup: number; budgetMs: number },
): Promise<PeerMeasurement> {
  const buildStarted = performance.now()
  await system.build(corpus)
  const buildMs = performance.now() - buildStarted

  let hits = 0
  let goldQuestions = 0
  for (const { question, gold } of corpus.questions) {
    if (!gold) continue
    goldQuestions++
    const labels = await system.search(question, TOP_K)
    if (labels.some((label) => holdsGold(corpus.chunkTexts[label] ?? '', gold))) hits++
  }

  const latencies: number[] = []
  const deadline = performance.now() + options.budgetMs
  for (let round = 0; round < options.warmup + options.samples && performance.now() < deadline; round++) {
    const { question } = corpus.questions[round % corpus.questions.length]!
    const started = performance.now()
    await system.search(question, TOP_K)
    if (round >= options.warmup) latencies.push(performance.now() - started)
  }
  ;(globalThis as { gc?: () => void }).gc?.()
  return {
    system: system.name,
    description: system.description,
    corpus: corpus.name,
    chunks: corpus.chunkTexts.length,
    buildMs,
    latency: summarizeSamples(latencies),
    hitAt5: goldQuestions > 0 ? hits / goldQuestions : null,
    goldQuestions,
    rssBytes: (await readProcessMemory(process.pid)).rssBytes,
    heapUsedBytes: process.memoryUsage().heapUsed,
  }
}
