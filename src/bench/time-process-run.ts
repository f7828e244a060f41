import { spawn } from 'node:child_process'
import { once } from 'node:events'

/** Milliseconds from spawning a command to its exit; it must exit with 0 within `timeoutMs`. */
export async function timeProcessRun(command: readonly string[], options: { cwd: string; timeoutMs: number }): Promise<number> {
  const [executable, ...args] = command
  if (!executable) throw new Error('timeProcessRun needs a command')
  const started = performance.now()
  const child = spawn(executable, args, { cwd: options.cwd, stdio: 'ignore' })
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null]
  clearTimeout(timer)
  if (code !== 0) throw new Error(`${command.join(' ')} ended with ${signal ?? `exit code ${code}`}`)
  return performance.now() - started
}
