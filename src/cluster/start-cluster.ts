import { chmod, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { findFreePort } from '../bench/find-free-port.js'
import { startServerProcess, type ServerProcess } from '../bench/start-server-process.js'
import { renderNginxConfig, type NginxSettings } from './render-nginx-config.js'
import { findNginx } from './find-nginx.js'
import { startNginx, type NginxProcess } from './start-nginx.js'

/** How to run a local cluster. */
export interface ClusterOptions {
  replicas: number
  /** nginx's loopback port (0: a free one). */
  port: number
  /** A writable folder for nginx's pid, logs and temp files and the replicas' logs. */
  directory: string
  projectDirectory: string
  /** The replicas' environment (INDEX_DIR, VECTOR_STORE, …); PORT, HOST and INDEX_READ_ONLY are set here. */
  environment: Record<string, string>
  ratePerMinute: number
  rateBurst: number
  nginxExecutable?: string
  timeoutMs?: number
}

/** One replica's slot: a fixed loopback port, so nginx's upstream list never changes when it restarts. */
export interface Replica {
  number: number
  port: number
  url: string
  /** The running process, or null while it is down. */
  process: ServerProcess | null
}

/** N replicas behind nginx on loopback. */
export interface Cluster {
  url: string
  directory: string
  replicas: Replica[]
  nginx: NginxProcess
  /** Stops a replica: SIGTERM drains it (a rolling restart), SIGKILL crashes it. */
  stopReplica(number: number, signal: 'SIGTERM' | 'SIGKILL'): Promise<void>
  /** Starts a stopped replica again on its port and waits until it is ready. */
  startReplica(number: number): Promise<void>
  /** Restarts nginx with only the given replicas in its upstream (all when absent), and other rate limits. */
  restartNginx(change?: { replicas?: readonly number[]; ratePerMinute?: number; rateBurst?: number }): Promise<void>
  stop(): Promise<void>
}

const TEMPLATE_PATH = ['deploy', 'nginx', 'sanad.conf']

/**
 * Starts N replicas of `src/main.ts` with INDEX_READ_ONLY=true on loopback ports (each must load and
 * verify the index the way `npm run index` left it), then nginx in front of them from
 * `deploy/nginx/sanad.conf`, and waits until both answer /api/ready.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const timeoutMs = options.timeoutMs ?? 120_000
  const executable = await findNginx(options.nginxExecutable)
  const template = await readFile(join(options.projectDirectory, ...TEMPLATE_PATH), 'utf8')
  await mkdir(options.directory, { recursive: true })
  // nginx's workers drop root privileges, and must still reach their temp folders.
  await chmod(options.directory, 0o755)
  const environment: Record<string, string> = {
    RATE_LIMIT_PER_MINUTE: '0',
    TRUST_PROXY: '127.0.0.1',
    ...options.environment,
    INDEX_READ_ONLY: 'true',
  }

  const replicas: Replica[] = []
  for (let number = 1; number <= options.replicas; number++) {
    const port = await findFreePort()
    replicas.push({ number, port, url: `http://127.0.0.1:${port}`, process: null })
  }
  const startReplica = async (number: number) => {
    const replica = replicaNumbered(number)
    if (replica.process) return
    replica.process = await startServerProcess({
      command: [process.execPath, '--import', 'tsx', 'src/main.ts'],
      cwd: options.projectDirectory,
      environment,
      port: replica.port,
      readyPath: '/api/ready',
      timeoutMs,
      logFile: join(options.directory, `replica-${number}.log`),
    })
  }
  const stopReplica = async (number: number, signal: 'SIGTERM' | 'SIGKILL') => {
    const replica = replicaNumbered(number)
    await replica.process?.kill(signal)
    replica.process = null
  }
  function replicaNumbered(number: number): Replica {
    const replica = replicas[number - 1]
    if (!replica) throw new Error(`no replica ${number}`)
    return replica
  }

  const nginxPort = options.port || (await findFreePort())
  const url = `http://127.0.0.1:${nginxPort}`
  let settings: NginxSettings = {
    prefix: options.directory,
    listen: `127.0.0.1:${nginxPort}`,
    upstreams: replicas.map((replica) => `127.0.0.1:${replica.port}`),
    workers: 1,
    ratePerMinute: options.ratePerMinute,
    rateBurst: options.rateBurst,
    failTimeoutSeconds: 3,
  }
  const launchNginx = () => startNginx({ executable, prefix: options.directory, config: renderNginxConfig(template, settings), url, readyPath: '/api/ready', timeoutMs })

  const cluster: Cluster = {
    url,
    directory: options.directory,
    replicas,
    nginx: undefined as unknown as NginxProcess,
    stopReplica,
    startReplica,
    async restartNginx(change = {}) {
      await cluster.nginx.stop()
      settings = {
        ...settings,
        upstreams: (change.replicas ?? replicas.map((replica) => replica.number)).map((number) => `127.0.0.1:${replicaNumbered(number).port}`),
        ratePerMinute: change.ratePerMinute ?? options.ratePerMinute,
        rateBurst: change.rateBurst ?? options.rateBurst,
      }
      cluster.nginx = await launchNginx()
    },
    async stop() {
      await cluster.nginx?.stop()
      await Promise.all(replicas.map((replica) => stopReplica(replica.number, 'SIGTERM')))
    },
  }
  try {
    // One at a time: replicas loading the index together on two cores only slow each other down.
    for (const replica of replicas) await startReplica(replica.number)
    cluster.nginx = await launchNginx()
  } catch (error) {
    await cluster.stop()
    throw error
  }
  return cluster
}
