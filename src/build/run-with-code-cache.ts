import { isAscii } from 'node:buffer'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Script } from 'node:vm'

/**
 * What became of the V8 code cache at start: `used`; `missing` (none written); `stale` (written for
 * another bundle); `rejected` (V8 refused it: another Node version or other V8 flags); `written` (this
 * process compiled the bundle to write the cache and exits).
 */
export type CodeCacheStatus = 'used' | 'missing' | 'stale' | 'rejected' | 'written'

// The loader and the bundle are separate scripts with separate module state; the status crosses on a global.
const STATUS_KEY = Symbol.for('sanad.codeCacheStatus')
// The bundle's text runs inside the function Node wraps every CommonJS module in.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {'
const WRAPPER_TAIL = '\n})'
// The cache file starts with one JSON line naming the bundle it was made from by its sha256 (about 1 ms):
// V8 itself checks only the source's length, its own version and its flags, so an edited bundle of the
// same length would pass, and a modification time does not survive a copy.
const NEWLINE = 0x0a

interface CodeCacheHeader {
  bundleSha256: string
}

/** The path of the code cache written beside a bundle. */
export function codeCachePathOf(bundlePath: string): string {
  return `${bundlePath}.cache`
}

/** The code cache status of this process, as `runWithCodeCache` left it (null when the server was not started through it). */
export function readCodeCacheStatus(): CodeCacheStatus | null {
  return ((globalThis as Record<symbol, unknown>)[STATUS_KEY] as CodeCacheStatus | undefined) ?? null
}

/**
 * Compiles a CommonJS bundle with the V8 code cache written beside it, when that cache was made from
 * this very bundle (its sha256) and V8 accepts it (same Node, same V8 flags); otherwise
 * compiles it from source, as `require` would. Then runs it. With `write`, runs it, and before the event
 * loop turns (so the bundle's asynchronous start has gone no further than its first `await`) writes the
 * cache of everything compiled so far, module evaluation included, and exits.
 */
export function runWithCodeCache(bundlePath: string, options: { write?: boolean } = {}): CodeCacheStatus {
  const cachePath = codeCachePathOf(bundlePath)
  const bundle = readFileSync(bundlePath)
  const header: CodeCacheHeader = { bundleSha256: createHash('sha256').update(bundle).digest('hex') }
  const cached = options.write ? { data: null, status: 'missing' as const } : readCodeCache(cachePath, header)
  // The build makes the bundle ASCII, which reads fastest as one-byte text; anything else is read as UTF-8.
  const source = bundle.toString(isAscii(bundle) ? 'latin1' : 'utf8')
  const script = new Script(`${WRAPPER_HEAD}${source}${WRAPPER_TAIL}`, { filename: bundlePath, ...(cached.data ? { cachedData: cached.data } : {}) })
  const status: CodeCacheStatus = options.write ? 'written' : cached.data ? (script.cachedDataRejected ? 'rejected' : 'used') : cached.status
  ;(globalThis as Record<symbol, unknown>)[STATUS_KEY] = status

  const module = { exports: {} }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void
  wrapper(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath))
  if (options.write) {
    writeFileSync(cachePath, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), script.createCachedData()]))
    process.exit(0)
  }
  return status
}

function readCodeCache(cachePath: string, expected: CodeCacheHeader): { data: Buffer | null; status: CodeCacheStatus } {
  let file: Buffer
  try {
    file = readFileSync(cachePath)
  } catch {
    return { data: null, status: 'missing' }
  }
  const end = file.indexOf(NEWLINE)
  try {
    const header = JSON.parse(file.subarray(0, end).toString('utf8')) as Partial<CodeCacheHeader>
    if (end > 0 && header.bundleSha256 === expected.bundleSha256) return { data: file.subarray(end + 1), status: 'used' }
  } catch {
    // An unreadable header is a stale cache.
  }
  return { data: null, status: 'stale' }
}
