import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { findFreePort } from './find-free-port.js'

/** PostgreSQL with pgvector, served over the wire protocol from PGlite in a child process. */
export interface PgliteServer {
  /** A `postgres://` URL for `pg`. */
  url: string
  pid: number
  stop(): Promise<void>
}

const READY_LINE = /listening on/i

/**
 * Starts `pglite-server` (PGlite with the pgvector extension, from npm: a development dependency) on a
 * free loopback port and waits until it listens. PGlite runs ONE backend: every connection shares its
 * session and its transactions, so clients should keep a pool of 1 (at most `maxConnections` connect).
 * `dataDirectory` keeps the database on disk; by default it lives in memory and dies with the process.
 */
export async function startPgliteServer(options: { maxConnections?: number; dataDirectory?: string; timeoutMs?: number } = {}): Promise<PgliteServer> {
  const script = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite-socket')), 'scripts', 'server.js')
  const port = await findFreePort()
  const args = [script, '-p', String(port), '-h', '127.0.0.1', '-e', '@electric-sql/pglite-pgvector:vector', '-m', String(options.maxConnections ?? 4)]
  if (options.dataDirectory) args.push('-d', options.dataDirectory)
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exit = once(child, 'exit')
  let exited = false
  void exit.then(() => (exited = true))
  const stop = async () => {
    if (exited) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exit
    clearTimeout(timer)
  }
  // A test or benchmark that ends without stopping it must not leave it behind.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  void exit.then(() => process.off('exit', killOnExit))

  const ready = new Promise<void>((resolve, reject) => {
    const read = (text: string) => {
      output += text
      if (READY_LINE.test(output)) resolve()
    }
    child.stdout!.setEncoding('utf8').on('data', read)
    child.stderr!.setEncoding('utf8').on('data', read)
    void exit.then(() => reject(new Error(`pglite-server exited before it listened: ${output.trim().slice(-800)}`)))
  })
  const timeoutMs = options.timeoutMs ?? 60_000
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([ready, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`pglite-server did not listen within ${timeoutMs} ms: ${output.trim().slice(-800)}`)), timeoutMs)))])
  } catch (error) {
    await stop()
    throw error
  } finally {
    clearTimeout(timer)
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, pid: child.pid!, stop }
}
