/** What fills the nginx template's placeholders. */
export interface NginxSettings {
  /** Absolute folder for nginx's pid, logs and temp files. */
  prefix: string
  /** Address nginx listens on, like `127.0.0.1:8080`. */
  listen: string
  /** The replicas, like `127.0.0.1:41001`. */
  upstreams: readonly string[]
  workers: number | 'auto'
  /** Cluster-wide requests per minute per client address, and the burst allowed above that rate. */
  ratePerMinute: number
  rateBurst: number
  /** Seconds a replica that failed is skipped before it is tried again. */
  failTimeoutSeconds: number
}

const PLACEHOLDER = /\$\{(SANAD_[A-Z_]+)\}/g

/**
 * Fills `deploy/nginx/sanad.conf` for the given replicas: only `${SANAD_*}` placeholders are replaced
 * (nginx's own `$variables` are left alone), and a placeholder without a value is an error.
 */
export function renderNginxConfig(template: string, settings: NginxSettings): string {
  if (settings.upstreams.length === 0) throw new Error('nginx needs at least one replica')
  if (!settings.prefix.startsWith('/')) throw new Error('the nginx prefix must be an absolute path')
  if (!(settings.ratePerMinute >= 1) || !Number.isInteger(settings.ratePerMinute)) throw new Error('ratePerMinute must be a whole number of at least 1')
  const values: Record<string, string> = {
    SANAD_PREFIX: settings.prefix.replace(/\/+$/, ''),
    SANAD_LISTEN: settings.listen,
    SANAD_WORKERS: String(settings.workers),
    SANAD_UPSTREAM_SERVERS: settings.upstreams
      .map((address) => `server ${address} max_fails=1 fail_timeout=${settings.failTimeoutSeconds}s;`)
      .join('\n    '),
    SANAD_RATE_PER_MINUTE: String(settings.ratePerMinute),
    SANAD_RATE_BURST: String(settings.rateBurst),
    // A token comes back every 60 / rate seconds.
    SANAD_RETRY_AFTER_SECONDS: String(Math.max(1, Math.ceil(60 / settings.ratePerMinute))),
  }
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`the nginx template has an unknown placeholder \${${name}}`)
    return value
  })
}
