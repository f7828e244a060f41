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
})
