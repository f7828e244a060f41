import { describe, expect, it } from 'vitest'
import { createSeededRandom } from '../../src/bench/create-seeded-random.js'
import { computeRecall, findExactNeighbours, measureHnswParameters } from '../../src/bench/measure-hnsw-parameters.js'

const randomVectors = (count: number, dimensions: number, seed: number) => {
  const random = createSeededRandom(seed)
  return Array.from({ length: count }, () => Float32Array.from({ length: dimensions }, () => random() - 0.5))
}

describe('findExactNeighbours', () => {
  it('should rank by cosine similarity whatever the vectors\' lengths, ties by label', () => {
    const vectors = [Float32Array.of(1, 0), Float32Array.of(0, 5), Float32Array.of(3, 3), Float32Array.of(0, 2)]
    const [neighbours] = findExactNeighbours(vectors, [Float32Array.of(0, 1)], 3)
    expect([...neighbours!]).toEqual([1, 3, 2])
  })
})

describe('computeRecall', () => {
  it('should count the exact neighbours found, over all queries', () => {
    expect(computeRecall([Int32Array.of(1, 2), Int32Array.of(3, 4)], [[2, 9], [3, 4]])).toBe(0.75)
    expect(computeRecall([], [])).toBe(1)
  })
})

describe('measureHnswParameters', () => {
  it('should find every exact neighbour of a small set with a search as wide as the set, and report each setting', () => {
    const vectors = randomVectors(150, 16, 7)
    const queries = randomVectors(10, 16, 8)
    const rows = measureHnswParameters({ vectors, queries, k: 5, settings: [{ m: 16, efConstruction: 200 }, { m: 8, efConstruction: 20 }], efSearch: [150], randomSeed: 100 })
    expect(rows.map((row) => [row.m, row.efConstruction])).toEqual([[16, 200], [8, 20]])
    expect(rows[0]!.searches[0]!.recall).toBe(1)
    for (const row of rows) {
      expect(row.buildCpuMs).toBeGreaterThanOrEqual(0)
      expect(row.searches[0]!.recall).toBeGreaterThan(0.9)
    }
  })
})
