import { z } from 'zod'

/** One performance target as the bench reports it; `pass` is null when the run did not measure it. */
export const TargetSchema = z.object({
  name: z.string(),
  value: z.number().nullable(),
  limit: z.number(),
  unit: z.string(),
  comparison: z.enum(['at-most', 'at-least']),
  pass: z.boolean().nullable(),
})
export type Target = z.infer<typeof TargetSchema>

/** A scale point as the targets see it: the chunk count it was asked for, its retrieval p50 and its server's RSS. */
export interface ScaleTargetFigures {
  targetChunks: number
  retrievalP50Ms: number
  serverRssBytes: number | null
}

/** The figures of one run that the targets judge; null where the run did not measure them. */
export interface TargetFigures {
  coldStartMs: number | null
  /** Server RSS once ready, before any request, on the article. */
  idleRssBytes: number | null
  /** Server RSS after a run of requests on the article, and how many requests it was. */
  loadedRss: { bytes: number; requests: number } | null
  /** `/api/ask` requests per second with the answer cache off (every question answered) ÷ bare Hono. */
  distinctAskRatio: number | null
  /** `/api/ask` requests per second on repeated questions (answer cache hits) ÷ bare Hono. */
  repeatedAskRatio: number | null
  /** The answerer's whole work per question (timingsMs.total: analysis, retrieval, answer, grounding), p50. */
  answererMs: number | null
  /** Retrieval p50 ÷ (raw hnswlib search p50 + query embedding p50). */
  retrievalRatio: number | null
  articleBuildMs: number | null
  /** Every scale point measured. */
  scale: readonly ScaleTargetFigures[]
  /** The median time of the source guide stage in the article's index build (issue 14). */
  articleGuideMs?: number | null
}

const MEBIBYTE = 1024 * 1024
/** The corpus size at which the issue sets its scale targets. */
export const SCALE_TARGET_CHUNKS = 100_000
/** The largest scale point the issue asks for. */
export const MILLION_CHUNKS = 1_000_000
/** The number of requests after which the issue bounds RSS. */
export const LOADED_RSS_REQUESTS = 20_000

/** Whether a value meets its limit; a missing or non-finite value meets nothing. */
export function meetsLimit(value: number | null, limit: number, comparison: Target['comparison']): boolean | null {
  if (value === null) return null
  if (!Number.isFinite(value)) return false
  return comparison === 'at-most' ? value <= limit : value >= limit
}

/** Judges a run's figures against the targets of issue 16 (and those of issue 7 it keeps, and the source guide's of issue 14). */
export function evaluateTargets(figures: TargetFigures): Target[] {
  // A scale target only counts at the size it names (or, for 100k, the nearest point at or above it); a --quick run stops at 10k.
  const atLeast = (chunks: number) => figures.scale.find((point) => point.targetChunks >= chunks && point.targetChunks < 10 * chunks) ?? null
  const scale = atLeast(SCALE_TARGET_CHUNKS)
  const million = figures.scale.find((point) => point.targetChunks === MILLION_CHUNKS) ?? null
  const toMebibytes = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? null : bytes / MEBIBYTE)
  const target = (name: string, value: number | null, limit: number, unit: string, comparison: Target['comparison'], judged = true): Target => ({
    name,
    value,
    limit,
    unit,
    comparison,
    pass: judged ? meetsLimit(value, limit, comparison) : null,
  })
  const loaded = figures.loadedRss
  return [
    target('cold start to ready (node dist/main.js)', figures.coldStartMs, 300, 'ms', 'at-most'),
    target('server RSS idle, article', toMebibytes(figures.idleRssBytes), 100, 'MiB', 'at-most'),
    target(`server RSS after ${LOADED_RSS_REQUESTS.toLocaleString('en-US')} requests, article`, toMebibytes(loaded?.bytes), 150, 'MiB', 'at-most', (loaded?.requests ?? 0) >= LOADED_RSS_REQUESTS),
    target('answerer per question (timingsMs.total), p50', figures.answererMs === null ? null : figures.answererMs * 1000, 250, 'µs', 'at-most'),
    target('/api/ask distinct questions ÷ bare Hono', figures.distinctAskRatio, 0.1, 'ratio', 'at-least'),
    target('/api/ask repeated questions (cache hits) ÷ bare Hono', figures.repeatedAskRatio, 0.5, 'ratio', 'at-least'),
    target('retrieval ÷ (raw hnswlib + query embedding)', figures.retrievalRatio, 2, 'ratio', 'at-most'),
    target('article index build', figures.articleBuildMs, 200, 'ms', 'at-most'),
    target('retrieval p50 at 100k chunks', scale?.retrievalP50Ms ?? null, 3, 'ms', 'at-most'),
    target('server RSS at 100k chunks', toMebibytes(scale?.serverRssBytes), 1024, 'MiB', 'at-most'),
    target('retrieval p50 at 1M chunks', million?.retrievalP50Ms ?? null, 10, 'ms', 'at-most'),
    target('source guide build, article', figures.articleGuideMs ?? null, 50, 'ms', 'at-most'),
    target('source guide ÷ article index build', figures.articleGuideMs !== undefined && figures.articleGuideMs !== null && figures.articleBuildMs ? figures.articleGuideMs / figures.articleBuildMs : null, 0.05, 'ratio', 'at-most'),
  ]
}
