import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load-config.js'

describe('loadConfig', () => {
  it('should let replicas rebuild the index by default and forbid it with INDEX_READ_ONLY', () => {
    expect(loadConfig({}).INDEX_READ_ONLY).toBe(false)
    expect(loadConfig({ INDEX_READ_ONLY: 'true' }).INDEX_READ_ONLY).toBe(true)
    expect(loadConfig({ INDEX_READ_ONLY: '0' }).INDEX_READ_ONLY).toBe(false)
  })

  it('should stop on an INDEX_READ_ONLY that is not a yes or a no, naming it', () => {
    expect(() => loadConfig({ INDEX_READ_ONLY: 'maybe' })).toThrow(/INDEX_READ_ONLY/)
  })

  it('should trust no proxy by default and name TRUST_PROXY when it is neither a hop count nor a network list', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual({ hops: 0 })
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toEqual({ hops: 1 })
    expect(() => loadConfig({ TRUST_PROXY: 'nginx' })).toThrow(/TRUST_PROXY: a hop count or a comma-separated list.*not nginx/)
  })

  it('should keep the index in its folder by default and need DATABASE_URL for Postgres', () => {
    expect(loadConfig({})).toMatchObject({ VECTOR_STORE: 'hnswlib', DATABASE_POOL_SIZE: 4 })
    expect(() => loadConfig({ VECTOR_STORE: 'postgres' })).toThrow(/VECTOR_STORE=postgres needs DATABASE_URL/)
    expect(() => loadConfig({ VECTOR_STORE: 'postgres', DATABASE_URL: 'mysql://localhost/sanad' })).toThrow(/DATABASE_URL/)
    expect(loadConfig({ VECTOR_STORE: 'postgres', DATABASE_URL: 'postgres://sanad@db.internal:5432/sanad' }).VECTOR_STORE).toBe('postgres')
    expect(() => loadConfig({ VECTOR_STORE: 'qdrant' })).toThrow(/VECTOR_STORE/)
  })
})
