import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { closeSync, openSync } from 'node:fs'
import { findFreePort } from './find-free-port.js'
import { sendHttpRequest } from './send-http-request.js'

/** A server running in a child process, ready to answer on 127.0.0.1. */
export interface ServerProcess {
  pid: number
  baseUrl: string
  /** Milliseconds from spawn until the readiness path first answered 200. */
  readyMs: number
  /** The last lines the process wrote to stderr, for error messages. */
  stderrTail(): string
  /** The last lines it wrote to stdout, when started with `captureStdout` (empty otherwise). */
  stdoutTail(): string
  /** Sends SIGTERM, waits for the exit, and SIGKILLs a process that outlives the grace period. */
  stop(): Promise<void>
  /** Sends a signal (SIGKILL: a crash) and waits for the exit, SIGKILLing after the grace period. */
  kill(signal: NodeJS.Signals): Promise<void>
  /** Resolves with the exit code when the process ends, however it ends. */
  exited: Promise<number | null>
}

const POLL_INTERVAL_MS = 5
const STDERR_TAIL_CHARACTERS = 4000
const STOP_GRACE_MS = 5000

/**
 * Spawns `command` with PORT (a free port unless given) and HOST=127.0.0.1 added to `environment`,
 * and polls GET `readyPath` until it answers 200. Stdout is discarded (or appended to `logFile`) so
 * that request logs cost the server a write but never back up a pipe.
 */
export async function startServerProcess(options: {
  command: readonly string[]
  cwd: string
  environment: Record<string, string>
  readyPath: string
  timeoutMs: number
  port?: number
  logFile?: string
  /** Keep the tail of stdout (its log), for a start without load: under load, reading every log line costs the bench CPU. */
  captureStdout?: boolean
}): Promise<ServerProcess> {
  const port = options.port ?? (await findFreePort())
  const baseUrl = `http://127.0.0.1:${port}`
  const [executable, ...args] = options.command
  if (!executable) throw new Error('startServerProcess needs a command')
  const started = performance.now()
  const logDescriptor = options.logFile ? openSync(options.logFile, 'a') : null
  const child = spawn(executable, args, {
    cwd: options.cwd,
    env: { ...options.environment, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', logDescriptor ?? (options.captureStdout ? 'pipe' : 'ignore'), 'pipe'],
  })
  let stdout = ''
  child.stdout?.setEncoding('utf8').on('data', (piece: string) => {
    stdout = (stdout + piece).slice(-STDERR_TAIL_CHARACTERS)
  })
  // The child holds its own copy of the descriptor.
  if (logDescriptor !== null) closeSync(logDescriptor)
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (piece: string) => {
    stderr = (stderr + piece).slice(-STDERR_TAIL_CHARACTERS)
  })
  let exited = false
  const exit = once(child, 'exit').then(([code]) => {
    exited = true
    return code as number | null
  })

  const kill = async (signal: NodeJS.Signals) => {
    if (exited) return
    child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
    await exit
    clearTimeout(timer)
  }
  const stop = () => kill('SIGTERM')

  const deadline = started + options.timeoutMs
  while (performance.now() < deadline && !exited) {
    const status = await sendHttpRequest(baseUrl, { method: 'GET', path: options.readyPath }, { timeoutMs: 1000 }).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) {
      return { pid: child.pid!, baseUrl, readyMs: performance.now() - started, stderrTail: () => stderr, stdoutTail: () => stdout, stop, kill, exited: exit }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS))
  }
  await stop()
  throw new Error(`${options.command.join(' ')} was not ready within ${options.timeoutMs} ms${exited ? ' (it exited)' : ''}: ${stderr.trim().slice(-800)}`)
}
