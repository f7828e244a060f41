import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigSchema } from '../../src/config/load-config.js'
import type { LoadReport } from '../../src/load/summarize-load.js'
import { copyIndexDirectory } from '../support/load-test-index.js'
import { PROJECT_DIRECTORY, startServer, type StartedServer } from '../support/start-server.js'

interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

// The command runs with this environment only, so that sanad settings of the shell cannot change what is tested.
function runLoadCommand(args: string[], environment: Record<string, string> = {}): Promise<CommandResult> {
  const inherited: Record<string, string | undefined> = { ...process.env }
  for (const key of Object.keys(ConfigSchema.shape)) delete inherited[key]
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/run-load.ts', ...args],
      { cwd: PROJECT_DIRECTORY, env: { ...inherited, ...environment }, timeout: 170_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}

let workDirectory: string
beforeAll(async () => {
  workDirectory = await mkdtemp(join(tmpdir(), 'sanad-load-'))
})
afterAll(async () => {
  await rm(workDirectory, { recursive: true, force: true })
})

describe('npm run load', () => {
  it('should answer a CI-sized run of 2,000 mixed requests at 50 connections with no error, no 5xx and only the 4xx it provoked', async () => {
    const indexDirectory = await copyIndexDirectory()
    const reportPath = join(workDirectory, 'load.json')
    try {
      const result = await runLoadCommand(['--requests', '2000', '--connections', '50', '--json', reportPath], { INDEX_DIR: indexDirectory, LOG_LEVEL: 'warn' })
      expect(result.code, result.stderr).toBe(0)
      expect(result.stdout).toMatch(/p99 \d+(\.\d+)? ms/)
      const report = JSON.parse(await readFile(reportPath, 'utf8')) as LoadReport
      expect(report.completed).toBe(2000)
      expect(report.errors).toBe(0)
      expect(report.serverErrors).toBe(0)
      expect(report.unexpected).toBe(0)
      expect(report.stoppedEarly).toBe(false)
      expect(Object.keys(report.byKind).sort()).toEqual(['ask', 'chat-stream', 'completion', 'completion-stream', 'document', 'health', 'invalid', 'models'])
      // Every 4xx was one of the invalid requests of the rotation, refused as it must be.
      expect(report.statusClasses['4xx']).toBe(report.byKind.invalid!.completed)
      expect(report.byKind.invalid!.right).toBe(report.byKind.invalid!.completed)
      expect(new Set(Object.keys(report.statusCodes))).toEqual(new Set(['200', '400', '404', '405', '415']))
      expect(report.latencyMs.p99).toBeGreaterThanOrEqual(report.latencyMs.p50)
    } finally {
      await rm(indexDirectory, { recursive: true, force: true })
    }
  }, 180_000)

  it('should refuse a target that is not on loopback before sending anything', async () => {
    const result = await runLoadCommand(['--url', 'http://example.com:8787', '--requests', '10', '--connections', '1'])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('only targets loopback')
  }, 60_000)
})

describe('rate limiting under load', () => {
  let server: StartedServer
  beforeAll(async () => {
    server = await startServer({ environment: { RATE_LIMIT_PER_MINUTE: '60' }, timeoutMs: 90_000 })
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('should answer the excess with 429 and Retry-After while probes stay open, and nothing else changes', async () => {
    const reportPath = join(workDirectory, 'rate-limited.json')
    const result = await runLoadCommand(['--url', server.url, '--requests', '400', '--connections', '20', '--json', reportPath])
    expect(result.code, result.stderr).toBe(0)
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as LoadReport
    expect(report.completed).toBe(400)
    // 400 requests against a 60-per-minute budget: most beyond the burst are refused, each with Retry-After
    // (a 429 without it, or on /api/health, would count as unexpected).
    expect(report.rateLimited).toBeGreaterThan(150)
    expect(report.statusCodes['429']).toBe(report.rateLimited)
    expect(report.unexpected).toBe(0)
    expect(report.serverErrors).toBe(0)
    expect(report.errors).toBe(0)
    expect(report.byKind.health!.right).toBe(report.byKind.health!.completed)

    // The bucket refills while the report is read; spend it again and look at one refusal closely.
    const spend = async () => {
      const response = await fetch(`${server.url}/api/documents/article`)
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() }
    }
    let limited = await spend()
    for (let attempt = 0; attempt < 500 && limited.status !== 429; attempt++) limited = await spend()
    expect(limited.status).toBe(429)
    expect(Number(limited.retryAfter)).toBeGreaterThan(0)
    expect(JSON.parse(limited.body).error.code).toBe('rate_limited')
  }, 120_000)
})
