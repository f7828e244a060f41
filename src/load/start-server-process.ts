import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** A sanad server running as a child process. */
export interface ServerProcess {
  url: string
  /** The last part of what the process wrote, for error reports. */
  output(): string
  /** Sends SIGTERM (SIGKILL after 15 s) and resolves with the exit code. */
  stop(): Promise<number | null>
}

const OUTPUT_KEPT = 64 * 1024

/**
 * Starts `src/main.ts` on a free loopback port with the given environment (HOST and PORT are set here)
 * and waits until /api/health answers 200.
 */
export async function startServerProcess(options: { projectDirectory: string; environment: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ServerProcess> {
  const port = await findFreePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: options.projectDirectory,
    env: { ...options.environment, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (text: string) => (output = (output + text).slice(-OUTPUT_KEPT))
  child.stdout.setEncoding('utf8').on('data', keep)
  child.stderr.setEncoding('utf8').on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let ended = false
  void exited.then(() => (ended = true))

  const stop = async () => {
    if (!ended) child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    const code = await exited
    clearTimeout(killer)
    return code
  }

  const deadline = Date.now() + options.timeoutMs
  while (Date.now() < deadline && !ended) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, output: () => output, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`the server did not become healthy within ${options.timeoutMs} ms:\n${output}`)
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
