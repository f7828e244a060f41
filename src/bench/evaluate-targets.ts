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

/** The figures of one run that the targets judge; null where the run did not measure them. */
export interface TargetFigures {
  /** `/api/ask` requests per second ÷ bare Hono requests per second. */
  askThroughputRatio: number | null
  /** Retrieval p50 ÷ (raw hnswlib search p50 + query embedding p50). */
  retrievalRatio: number | null
  articleBuildMs: number | null
  /** The median time of the source guide stage in the article's index build (issue 14). */
  articleGuideMs?: number | null
  coldStartMs: number | null
  /** The largest scale point measured, if any, by the chunk count it was asked for. */
  largestScale: { targetChunks: number; retrievalP50Ms: number; serverRssBytes: number | null } | null
  articleServerRssBytes: number | null
}

const MEBIBYTE = 1024 * 1024
/** The corpus size at which the issue sets its scale targets. */
export const SCALE_TARGET_CHUNKS = 100_000

/** Whether a value meets its limit; a missing or non-finite value meets nothing. */
export function meetsLimit(value: number | null, limit: number, comparison: Target['comparison']): boolean | null {
  if (value === null) return null
  if (!Number.isFinite(value)) return false
  return comparison === 'at-most' ? value <= limit : value >= limit
}

/** Judges a run's figures against the targets of issue 7 (and the source guide's of issue 14). */
export function evaluateTargets(figures: TargetFigures): Target[] {
  // A scale target only counts at (or beyond) the size it names; a --quick run stops at 10k.
  const scale = figures.largestScale && figures.largestScale.targetChunks >= SCALE_TARGET_CHUNKS ? figures.largestScale : null
  const toMebibytes = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? null : bytes / MEBIBYTE)
  const target = (name: string, value: number | null, limit: number, unit: string, comparison: Target['comparison']): Target => ({
    name,
    value,
    limit,
    unit,
    comparison,
    pass: meetsLimit(value, limit, comparison),
  })
  return [
    target('/api/ask throughput ÷ bare Hono', figures.askThroughputRatio, 0.3, 'ratio', 'at-least'),
    target('retrieval ÷ (raw hnswlib + query embedding)', figures.retrievalRatio, 2, 'ratio', 'at-most'),
    target('article index build', figures.articleBuildMs, 200, 'ms', 'at-most'),
    target('source guide build, article', figures.articleGuideMs ?? null, 50, 'ms', 'at-most'),
    target('source guide ÷ article index build', figures.articleGuideMs !== undefined && figures.articleGuideMs !== null && figures.articleBuildMs ? figures.articleGuideMs / figures.articleBuildMs : null, 0.05, 'ratio', 'at-most'),
    target('server cold start to ready', figures.coldStartMs, 1000, 'ms', 'at-most'),
    target('retrieval p50 at 100k chunks', scale?.retrievalP50Ms ?? null, 5, 'ms', 'at-most'),
    target('server RSS, article', toMebibytes(figures.articleServerRssBytes), 200, 'MiB', 'at-most'),
    target('server RSS, 100k chunks', toMebibytes(scale?.serverRssBytes), 1536, 'MiB', 'at-most'),
  ]
}
