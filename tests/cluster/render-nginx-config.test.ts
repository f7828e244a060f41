import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderNginxConfig, type NginxSettings } from '../../src/cluster/render-nginx-config.js'

const TEMPLATE = await readFile(join(import.meta.dirname, '..', '..', 'deploy', 'nginx', 'sanad.conf'), 'utf8')
const SETTINGS: NginxSettings = {
  prefix: '/srv/sanad-nginx/',
  listen: '127.0.0.1:8080',
  upstreams: ['127.0.0.1:41001', '127.0.0.1:41002', '127.0.0.1:41003'],
  workers: 1,
  ratePerMinute: 30,
  rateBurst: 10,
  failTimeoutSeconds: 3,
}

// The body of the block that opens on the line matching `opening`, up to its closing brace.
function blockOf(config: string, opening: RegExp): string {
  const lines = config.split('\n')
  const start = lines.findIndex((line) => opening.test(line))
  expect(start).toBeGreaterThanOrEqual(0)
  const end = lines.findIndex((line, position) => position > start && /^\s*}\s*$/.test(line))
  return lines.slice(start + 1, end).join('\n')
}

describe('renderNginxConfig', () => {
  const config = renderNginxConfig(TEMPLATE, SETTINGS)

  it('should fill every placeholder and leave nginx variables alone', () => {
    expect(config).not.toMatch(/\$\{/)
    expect(config).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;')
    expect(config).toContain('proxy_set_header X-Request-Id $sanad_request_id;')
    expect(config).toContain('listen 127.0.0.1:8080;')
  })

  it('should keep every path nginx writes under the prefix', () => {
    const paths = [...config.matchAll(/^\s*(?:pid|error_log|access_log|\w+_temp_path)\s+(\S+?);?(?:\s|$)/gm)].map((match) => match[1]!)
    expect(paths.length).toBeGreaterThanOrEqual(8)
    for (const path of paths) expect(path.startsWith('/srv/sanad-nginx/')).toBe(true)
  })

  it('should list each replica once with passive failure detection, and keep upstream connections alive', () => {
    const upstream = blockOf(config, /^\s*upstream sanad_replicas/)
    expect(upstream.match(/server 127\.0\.0\.1:4100\d max_fails=1 fail_timeout=3s;/g)).toHaveLength(3)
    expect(upstream).toMatch(/keepalive \d+;/)
    expect(config).toContain('proxy_http_version 1.1;')
    expect(config).toContain('proxy_set_header Connection "";')
  })

  it('should stream the SSE routes unbuffered with long timeouts, and retry only the answer routes on POST', () => {
    const streams = blockOf(config, /location ~ \^\/\(api\/chat\|api\/chat\/ui\|v1\/chat\/completions\)\$/)
    expect(streams).toContain('proxy_buffering off;')
    expect(streams).toMatch(/proxy_read_timeout 300s;/)
    expect(streams).toMatch(/proxy_next_upstream [^;]*non_idempotent;/)
    expect(blockOf(config, /location = \/api\/ask/)).toMatch(/proxy_next_upstream [^;]*non_idempotent;/)
    expect(blockOf(config, /^\s*location \/ \{/)).not.toContain('non_idempotent')
    expect(config.match(/non_idempotent;/g)).toHaveLength(2)
  })

  it('should rate limit per client address across the cluster, exempt the probes, and answer 429 as a JSON problem', () => {
    expect(config).toContain('rate=30r/m;')
    expect(config).toContain('limit_req zone=sanad_clients burst=10 nodelay;')
    expect(config).toMatch(/~\^\/api\/\(health\|ready\)\$ '';/)
    const limited = blockOf(config, /location @rate_limited/)
    expect(limited).toContain('add_header Retry-After 2 always;')
    const body = /return 429 '(.+)';/.exec(limited)![1]!
    expect(JSON.parse(body)).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('2 s') } })
  })

  it('should refuse no replicas, a relative prefix and a placeholder it has no value for', () => {
    expect(() => renderNginxConfig(TEMPLATE, { ...SETTINGS, upstreams: [] })).toThrow(/at least one replica/)
    expect(() => renderNginxConfig(TEMPLATE, { ...SETTINGS, prefix: 'relative' })).toThrow(/absolute/)
    expect(() => renderNginxConfig('listen ${SANAD_NOT_A_SETTING};', SETTINGS)).toThrow(/SANAD_NOT_A_SETTING/)
  })
})
