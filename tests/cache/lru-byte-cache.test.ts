import { describe, expect, it } from 'vitest'
import { LruByteCache } from '../../src/cache/lru-byte-cache.js'

describe('LruByteCache', () => {
  it('should count a hit for a stored key and a miss for an absent one', () => {
    const cache = new LruByteCache<string>(100)
    cache.set('a', 'alpha', 10)
    expect(cache.get('a')).toBe('alpha')
    expect(cache.get('b')).toBeUndefined()
    expect(cache.statistics()).toMatchObject({ hits: 1, misses: 1, entries: 1, bytes: 10, budgetBytes: 100 })
  })

  it('should evict the least recently used entries until the rest fit the budget', () => {
    const cache = new LruByteCache<number>(30)
    cache.set('a', 1, 10)
    cache.set('b', 2, 10)
    cache.set('c', 3, 10)
    // Reading "a" makes "b" the least recently used.
    cache.get('a')
    cache.set('d', 4, 15)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('c')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('d')).toBe(4)
    expect(cache.statistics()).toMatchObject({ evictions: 2, entries: 2, bytes: 25 })
  })

  it('should replace an entry under the same key without counting it twice', () => {
    const cache = new LruByteCache<string>(100)
    cache.set('a', 'first', 40)
    cache.set('a', 'second', 50)
    expect(cache.get('a')).toBe('second')
    expect(cache.statistics()).toMatchObject({ entries: 1, bytes: 50, evictions: 0 })
  })

  it('should not store a value larger than the whole budget, nor evict anything for it', () => {
    const cache = new LruByteCache<string>(20)
    cache.set('small', 'x', 10)
    cache.set('huge', 'y', 21)
    expect(cache.get('huge')).toBeUndefined()
    expect(cache.get('small')).toBe('x')
    expect(cache.statistics()).toMatchObject({ oversized: 1, evictions: 0, entries: 1 })
  })

  it('should store nothing with a budget of 0', () => {
    const cache = new LruByteCache<string>(0)
    cache.set('a', 'alpha', 1)
    expect(cache.get('a')).toBeUndefined()
    expect(cache.statistics().entries).toBe(0)
  })

  it('should refuse a negative or non-finite budget', () => {
    expect(() => new LruByteCache(-1)).toThrow(RangeError)
    expect(() => new LruByteCache(Number.NaN)).toThrow(RangeError)
  })

  it('should keep its bytes within the budget whatever is stored', () => {
    const cache = new LruByteCache<number>(1000)
    let seed = 7
    for (let step = 0; step < 2000; step++) {
      seed = (seed * 48271) % 2147483647
      cache.set(`k${seed % 300}`, step, 1 + (seed % 120))
      if (step % 3 === 0) cache.get(`k${(seed >> 3) % 300}`)
      expect(cache.statistics().bytes).toBeLessThanOrEqual(1000)
    }
  })
})
