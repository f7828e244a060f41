/** What a byte-budgeted cache holds and has done since it was created. */
export interface CacheStatistics {
  hits: number
  misses: number
  /** Entries dropped to make room for newer ones. */
  evictions: number
  /** Values not stored because they alone exceed the budget. */
  oversized: number
  entries: number
  /** The estimated bytes of the entries held. */
  bytes: number
  budgetBytes: number
}

interface Entry<V> {
  value: V
  bytes: number
}

/**
 * A least-recently-used cache with a byte budget instead of an entry count: the caller says what each
 * entry weighs, and the least recently read entries are dropped until the rest fit. A Map keeps
 * insertion order, so a read moves its entry to the back and eviction takes from the front.
 */
export class LruByteCache<V> {
  private readonly entries = new Map<string, Entry<V>>()
  private bytes = 0
  private hits = 0
  private misses = 0
  private evictions = 0
  private oversized = 0

  constructor(readonly budgetBytes: number) {
    if (!Number.isFinite(budgetBytes) || budgetBytes < 0) throw new RangeError(`a cache budget is a number of bytes, not ${budgetBytes}`)
  }

  /** The value under `key`, now the most recently used; undefined (a miss) when absent. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) {
      this.misses++
      return undefined
    }
    this.hits++
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  /** Stores a value that weighs `bytes` (its key included), evicting the least recently used entries as needed. */
  set(key: string, value: V, bytes: number): void {
    const previous = this.entries.get(key)
    if (previous) {
      this.entries.delete(key)
      this.bytes -= previous.bytes
    }
    if (bytes > this.budgetBytes) {
      this.oversized++
      return
    }
    this.entries.set(key, { value, bytes })
    this.bytes += bytes
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.budgetBytes) break
      this.entries.delete(oldestKey)
      this.bytes -= oldest.bytes
      this.evictions++
    }
  }

  /** Drops every entry; the counters keep counting. */
  clear(): void {
    this.entries.clear()
    this.bytes = 0
  }

  /** The counters and the present size. */
  statistics(): CacheStatistics {
    return {
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      oversized: this.oversized,
      entries: this.entries.size,
      bytes: this.bytes,
      budgetBytes: this.budgetBytes,
    }
  }
}
