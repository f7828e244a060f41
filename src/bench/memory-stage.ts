/** The process's memory after one stage of start-up or work, measured after a full collection. */
export interface MemoryStage {
  stage: string
  rssBytes: number
  heapUsedBytes: number
  /** The heap V8 has reserved, used or not (the young generation's semi-spaces grow with the allocation rate). */
  heapTotalBytes: number
  /** Memory outside the JavaScript heap that V8 knows of: typed arrays' buffers and native wrappers. */
  externalBytes: number
}

/** Collects garbage (when the process runs with --expose-gc) and reads process.memoryUsage(). */
export function readMemoryStage(stage: string): MemoryStage {
  const collect = (globalThis as { gc?: () => void }).gc
  collect?.()
  collect?.()
  const usage = process.memoryUsage()
  return { stage, rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, heapTotalBytes: usage.heapTotal, externalBytes: usage.external }
}
