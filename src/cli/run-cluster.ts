import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigSchema } from '../config/load-config.js'
import { parseClusterArguments } from '../cluster/parse-cluster-arguments.js'
import { startCluster } from '../cluster/start-cluster.js'

const PROJECT_DIRECTORY = fileURLToPath(new URL('../..', import.meta.url))

/**
 * `npm run cluster -- --replicas 3`: N read-only replicas on loopback ports behind nginx, until Ctrl-C.
 * The replicas get this process's sanad settings (INDEX_DIR, VECTOR_STORE, DATABASE_URL, …); build
 * the index first with `npm run index`.
 */
async function runCluster(): Promise<void> {
  const options = parseClusterArguments(process.argv.slice(2))
  const directory = options.dir ? resolve(options.dir) : await mkdtemp(join(tmpdir(), 'sanad-cluster-'))
  const environment = Object.fromEntries(
    Object.keys(ConfigSchema.shape).flatMap((key) => (process.env[key] === undefined || key === 'PORT' || key === 'HOST' ? [] : [[key, process.env[key]!]])),
  )
  // The replicas also need PATH and the like, but none of this process's other settings.
  for (const key of ['PATH', 'HOME', 'NODE_OPTIONS', 'TMPDIR']) if (process.env[key] !== undefined) environment[key] = process.env[key]!
  process.stderr.write(`starting ${options.replicas} replica(s) and nginx (files in ${directory})…\n`)
  const cluster = await startCluster({
    replicas: options.replicas,
    port: options.port,
    directory,
    projectDirectory: PROJECT_DIRECTORY,
    environment,
    ratePerMinute: options['rate-per-minute'],
    rateBurst: options['rate-burst'],
  })
  const lines = [
    `nginx:      ${cluster.url} (pid ${cluster.nginx.pid})`,
    ...cluster.replicas.map((replica) => `replica ${replica.number}:  ${replica.url} (pid ${replica.process?.pid})`),
    `logs:       ${cluster.nginx.accessLogPath}, ${cluster.nginx.errorLogPath}, ${join(directory, 'replica-N.log')}`,
    'Ctrl-C stops them all.',
    '',
  ]
  process.stdout.write(lines.join('\n'))
  for (const replica of cluster.replicas) {
    void replica.process?.exited.then((code) => {
      if (replica.process && !stopping) process.stderr.write(`replica ${replica.number} exited with code ${code}\n`)
    })
  }

  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true
      process.stderr.write('stopping…\n')
      void cluster.stop().then(() => process.exit(0))
    })
  }
}

runCluster().catch((error: unknown) => {
  process.stderr.write(`the cluster could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
