import { beforeAll, describe, expect, it } from 'vitest'
import { createCachingAnswerer, type CachedAnswer } from '../../../src/cache/create-caching-answerer.js'
import { LruByteCache } from '../../../src/cache/lru-byte-cache.js'
import { computeIndexChecksum } from '../../../src/index/compute-index-checksum.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { HealthSchema } from '../../../src/server/api-schemas.js'
import { createStubAnswerer } from '../../support/create-stub-answerer.js'
import { createTestApp } from '../../support/create-test-app.js'
import { loadTestIndex } from '../../support/load-test-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await loadTestIndex()
})

describe('GET /api/health and /api/ready', () => {
  it('should report the index summary, the answerers and the version', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index, { answerers: ['extractive', 'llm'] }))
    const health = HealthSchema.parse(await (await app.request('/api/health')).json())
    expect(health).toEqual({ status: 'ok', ...index.summary(), answerers: ['extractive', 'llm'], englishDictionary: null, version: '0.0.0-test' })
  })

  it('should say which English–Arabic dictionary is loaded, by its path in the repository', async () => {
    const englishDictionary = { source: 'bundled' as const, path: 'data/freedict-eng-ara', headwords: 87_000 }
    const { app } = createTestApp(index, createStubAnswerer(index), { dependencies: { englishDictionary } })
    const health = HealthSchema.parse(await (await app.request('/api/health')).json())
    expect(health.englishDictionary).toEqual(englishDictionary)
  })

  it("should report the answer cache's counters when the app has a cache, after real requests through it", async () => {
    const cache = new LruByteCache<CachedAnswer>(1 << 20)
    const answerer = createCachingAnswerer(createStubAnswerer(index), { cache, indexChecksum: computeIndexChecksum(index.manifest), llmSamples: false })
    const { app } = createTestApp(index, answerer, { dependencies: { readAnswerCache: () => answerer.statistics() } })
    const ask = () => app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'متى؟' }) })
    expect((await ask()).status).toBe(200)
    expect((await ask()).status).toBe(200)
    const health = HealthSchema.parse(await (await app.request('/api/health')).json())
    expect(health.answerCache).toMatchObject({ hits: 1, misses: 1, evictions: 0, bypasses: 0, entries: 1, budgetBytes: 1 << 20 })
    expect(health.answerCache!.bytes).toBeGreaterThan(0)
  })

  it('should be ready until shutdown begins, then answer 503', async () => {
    let draining = false
    const { app } = createTestApp(index, createStubAnswerer(index), { dependencies: { isDraining: () => draining } })
    const ready = await app.request('/api/ready')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
    draining = true
    const shuttingDown = await app.request('/api/ready')
    expect(shuttingDown.status).toBe(503)
    expect((await shuttingDown.json()).error.code).toBe('shutting_down')
    expect((await app.request('/api/health')).status).toBe(200)
  })

  it('should answer HEAD like GET without a body', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const response = await app.request('/api/health', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })
})
