import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { createLogger } from '../../../src/server/create-logger.js'
import { startHttpServer, type RunningServer } from '../../../src/server/start-http-server.js'
import { createStubAnswerer } from '../../support/create-stub-answerer.js'
import { createTestApp } from '../../support/create-test-app.js'
import { loadTestIndex } from '../../support/load-test-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await loadTestIndex()
})

let running: RunningServer | undefined
afterEach(async () => {
  await running?.shutdown('test')
  running = undefined
})

// A real loopback socket, so the peer address comes from the connection as in production.
async function serve(environment: Record<string, string>): Promise<string> {
  const { app } = createTestApp(index, createStubAnswerer(index), { environment: { RATE_LIMIT_PER_MINUTE: '2', ...environment } })
  running = await startHttpServer({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, graceMs: 1_000, logger: createLogger({ level: 'silent' }) })
  return running.url
}

async function statuses(url: string, forwardedFor: readonly string[]): Promise<number[]> {
  const result: number[] = []
  for (const address of forwardedFor) {
    const response = await fetch(`${url}/api/suggestions`, { headers: { 'x-forwarded-for': address, 'x-request-id': `limit-${result.length}` } })
    expect(response.headers.get('x-request-id')).toBe(`limit-${result.length}`)
    result.push(response.status)
  }
  return result
}

describe('the rate limiter behind a proxy', () => {
  it('should limit an untrusted peer by its socket address however it varies X-Forwarded-For', async () => {
    const url = await serve({})
    expect(await statuses(url, ['198.51.100.1', '198.51.100.2', '198.51.100.3'])).toEqual([200, 200, 429])
  })

  it('should ignore X-Forwarded-For from a peer outside the trusted networks', async () => {
    const url = await serve({ TRUST_PROXY: '10.0.0.0/8' })
    expect(await statuses(url, ['198.51.100.1', '198.51.100.2', '198.51.100.3'])).toEqual([200, 200, 429])
  })

  it('should give each forwarded client its own bucket when the loopback proxy is trusted', async () => {
    const url = await serve({ TRUST_PROXY: '127.0.0.1' })
    expect(await statuses(url, ['198.51.100.1', '198.51.100.1', '198.51.100.2', '198.51.100.1'])).toEqual([200, 200, 200, 429])
  })

  it('should read the address the one trusted hop appended, whatever the client put before it', async () => {
    const url = await serve({ TRUST_PROXY: '1' })
    expect(await statuses(url, ['1.1.1.1, 198.51.100.9', '2.2.2.2, 198.51.100.9', '3.3.3.3, 198.51.100.9'])).toEqual([200, 200, 429])
  })
})
