import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sendHttpRequest } from '../bench/send-http-request.js'

/** An nginx master process running in the foreground with everything it writes under one folder. */
export interface NginxProcess {
  pid: number
  /** Like `http://127.0.0.1:8080`. */
  url: string
  accessLogPath: string
  errorLogPath: string
  /** Graceful stop (SIGQUIT: open requests finish), SIGKILL after the grace period. */
  stop(): Promise<void>
}

const STOP_GRACE_MS = 10_000
/**
 * Writes `config` to `prefix/nginx.conf`, runs `nginx -p prefix -c prefix/nginx.conf -e prefix/error.log`
 * (the config must say `daemon off`) and waits until `readyPath` answers through it with `readyStatus`.
 */
export async function startNginx(options: {
  executable: string
  prefix: string
  config: string
  url: string
  readyPath: string
  timeoutMs: number
}): Promise<NginxProcess> {
  const configPath = join(options.prefix, 'nginx.conf')
  const errorLogPath = join(options.prefix, 'error.log')
  await mkdir(join(options.prefix, 'temp'), { recursive: true })
  await writeFile(configPath, options.config)
  const child = spawn(options.executable, ['-p', options.prefix, '-c', configPath, '-e', errorLogPath], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (piece: string) => (stderr = (stderr + piece).slice(-4000)))
  let exited = false
  const exit = once(child, 'exit').then(() => (exited = true))
  const stop = async () => {
    if (exited) return
    child.kill('SIGQUIT')
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
    await exit
    clearTimeout(timer)
  }

  const deadline = performance.now() + options.timeoutMs
  while (performance.now() < deadline && !exited) {
    const status = await sendHttpRequest(options.url, { method: 'GET', path: options.readyPath }, { timeoutMs: 1000 }).then((response) => response.status, () => 0)
    if (status === 200) {
      return { pid: child.pid!, url: options.url, accessLogPath: join(options.prefix, 'access.log'), errorLogPath, stop }
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  await stop()
  const errorLog = await readFile(errorLogPath, 'utf8').catch(() => '')
  throw new Error(`nginx did not serve ${options.readyPath} within ${options.timeoutMs} ms${exited ? ' (it exited)' : ''}: ${(stderr + errorLog).trim().slice(-1500)}`)
}
