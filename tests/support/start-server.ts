import { spawn, type ChildProcess } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ConfigSchema } from '../../src/config/load-config.js'
import { copyIndexDirectory } from './load-test-index.js'

/** The repository root, where `npm start` runs. */
export const PROJECT_DIRECTORY = join(import.meta.dirname, '..', '..')

/** How to start the server. */
export interface StartServerOptions {
  /** Extra environment variables (PORT, HOST and INDEX_DIR are set unless given here). */
  environment?: Record<string, string>
  /** `tsx` runs `node --import tsx src/main.ts`; `npm-start` runs `npm start`, as a user would. */
  via?: 'tsx' | 'npm-start'
  /** Serve this index folder instead of a fresh temporary copy of the repository's. */
  indexDirectory?: string
  /** How long to wait for /api/health; default 30 s. */
  timeoutMs?: number
}

/** A running server process. */
export interface StartedServer {
  /** Like `http://127.0.0.1:41234`. */
  url: string
  child: ChildProcess
  /** Everything the process wrote to stdout and stderr so far. */
  logs(): string
  /** The process's exit code once it ended. */
  exited: Promise<number | null>
  /** Sends SIGTERM (SIGKILL after 15 s), waits for the exit and removes the temporary index; resolves with the exit code. */
  stop(): Promise<number | null>
}

/**
 * Starts the real server as a child process on a free loopback port (PORT=0; the URL is read from the
 * "listening" log line) and waits until /api/health answers 200. Inherited sanad settings are cleared
 * so the parent's environment cannot change what is tested.
 */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const temporaryIndex = options.indexDirectory ? null : await copyIndexDirectory()
  const environment: Record<string, string | undefined> = { ...process.env }
  for (const key of Object.keys(ConfigSchema.shape)) delete environment[key]
  Object.assign(environment, { HOST: '127.0.0.1', PORT: '0', INDEX_DIR: options.indexDirectory ?? temporaryIndex!, LOG_LEVEL: 'info' }, options.environment)

  const [command, args] = options.via === 'npm-start' ? ['npm', ['start', '--silent']] : [process.execPath, ['--import', 'tsx', 'src/main.ts']]
  // Its own process group, so that stopping `npm start` reaches the server under it.
  const child = spawn(command as string, args as string[], { cwd: PROJECT_DIRECTORY, env: environment, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (output += text))
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (output += text))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // The group is already gone.
    }
  }
  // A test process that ends without calling stop() must not leave a server behind.
  const killOnExit = () => signalGroup('SIGKILL')
  process.once('exit', killOnExit)
  void exited.then(() => process.off('exit', killOnExit))
  const stop = async () => {
    signalGroup('SIGTERM')
    const killer = setTimeout(() => signalGroup('SIGKILL'), 15_000)
    const code = await exited
    clearTimeout(killer)
    if (temporaryIndex) await rm(temporaryIndex, { recursive: true, force: true })
    return code
  }

  try {
    const url = await waitForHealth(() => output, exited, options.timeoutMs ?? 30_000)
    return { url, child, logs: () => output, exited, stop }
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`)
  }
}

async function waitForHealth(output: () => string, exited: Promise<number | null>, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs
  let ended = false
  void exited.then(() => (ended = true))
  while (Date.now() < deadline) {
    if (ended) throw new Error('the server exited before it was healthy')
    const url = /"message":"listening","url":"(http:\/\/[^"]+)"/.exec(output())?.[1]
    if (url) {
      try {
        const response = await fetch(`${url}/api/health`)
        if (response.ok) return url
      } catch {
        // Not accepting yet.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the server was not healthy within ${timeoutMs} ms`)
}
