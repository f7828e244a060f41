import hnswlib from 'hnswlib-node'
import { summarizeSamples } from './summarize-samples.js'

const { HierarchicalNSW } = hnswlib

/** One graph setting of the sweep. */
export interface HnswSetting {
  m: number
  efConstruction: number
}

/** What one graph setting measured: its build cost and, per efSearch, recall against exact search and query time. */
export interface HnswSettingMeasurement extends HnswSetting {
  /** CPU time of the build (user + system), less disturbed than wall time by other processes on a shared machine. */
  buildCpuMs: number
  buildWallMs: number
  searches: { efSearch: number; recall: number; p50Ms: number }[]
}

/**
 * The exact k nearest neighbours of each query by cosine similarity (brute force over every vector),
 * ties by label: what an approximate search's recall is measured against.
 */
export function findExactNeighbours(vectors: readonly Float32Array[], queries: readonly Float32Array[], k: number): Int32Array[] {
  const units = vectors.map(toUnit)
  return queries.map((query) => {
    const unit = toUnit(query)
    const similarities = new Float64Array(units.length)
    units.forEach((vector, label) => {
      let dot = 0
      for (let dimension = 0; dimension < vector.length; dimension++) dot += vector[dimension]! * unit[dimension]!
      similarities[label] = dot
    })
    const labels = Int32Array.from(similarities.keys())
    labels.sort((left, right) => similarities[right]! - similarities[left]! || left - right)
    return labels.slice(0, Math.min(k, labels.length))
  })
}

/** The share of the exact neighbours that an approximate search found, over all queries. */
export function computeRecall(exact: readonly Int32Array[], found: readonly (readonly number[])[]): number {
  let wanted = 0
  let hits = 0
  exact.forEach((neighbours, query) => {
    const got = new Set(found[query] ?? [])
    wanted += neighbours.length
    for (const label of neighbours) if (got.has(label)) hits++
  })
  return wanted === 0 ? 1 : hits / wanted
}

/**
 * Builds an hnswlib cosine graph of the vectors for each setting (the same fixed seed as the index) and
 * searches it with each efSearch for the k nearest neighbours of every query.
 */
export function measureHnswParameters(options: {
  vectors: readonly Float32Array[]
  queries: readonly Float32Array[]
  k: number
  settings: readonly HnswSetting[]
  efSearch: readonly number[]
  randomSeed: number
}): HnswSettingMeasurement[] {
  const { vectors, queries, k } = options
  const dimensions = vectors[0]?.length ?? 0
  if (dimensions === 0) throw new Error('measureHnswParameters needs at least one vector')
  const exact = findExactNeighbours(vectors, queries, k)
  const queryArrays = queries.map((query) => Array.from(query))
  return options.settings.map(({ m, efConstruction }) => {
    const graph = new HierarchicalNSW('cosine', dimensions)
    graph.initIndex({ maxElements: vectors.length, m, efConstruction, randomSeed: options.randomSeed })
    const cpuBefore = process.cpuUsage()
    const wallBefore = performance.now()
    vectors.forEach((vector, label) => graph.addPoint(Array.from(vector), label))
    const buildWallMs = performance.now() - wallBefore
    const cpu = process.cpuUsage(cpuBefore)
    const searches = options.efSearch.map((efSearch) => {
      graph.setEf(Math.max(efSearch, k))
      const times: number[] = []
      const found = queryArrays.map((query) => {
        const started = performance.now()
        const { neighbors } = graph.searchKnn(query, Math.min(k, vectors.length))
        times.push(performance.now() - started)
        return neighbors
      })
      return { efSearch, recall: computeRecall(exact, found), p50Ms: summarizeSamples(times).p50 }
    })
    return { m, efConstruction, buildCpuMs: (cpu.user + cpu.system) / 1000, buildWallMs, searches }
  })
}

function toUnit(vector: Float32Array): Float32Array {
  let norm = 0
  for (const value of vector) norm += value * value
  norm = Math.sqrt(norm) || 1
  return vector.map((value) => value / norm)
}
