import { beforeAll, describe, expect, it } from 'vitest'
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
