import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { createLogger } from '../../src/server/create-logger.js'
import { startHttpServer, type RunningServer } from '../../src/server/start-http-server.js'
import { createStubAnswerer } from '../support/create-stub-answerer.js'
import { createTestApp, postJson } from '../support/create-test-app.js'
import { loadTestIndex } from '../support/load-test-index.js'
import { collectEvents } from '../support/read-event-stream.js'

let index: SanadIndex
beforeAll(async () => {
  index = await loadTestIndex()
})

async function startSlowServer(graceMs: number, eventDelayMs: number, answerer = createStubAnswerer(index, { eventDelayMs })): Promise<RunningServer> {
  let running: RunningServer | undefined
  const { app } = createTestApp(index, answerer, { dependencies: { isDraining: () => running?.isDraining() ?? false } })
  running = await startHttpServer({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, graceMs, logger: createLogger({ level: 'silent' }) })
  return running
}

describe('startHttpServer', () => {
  it('should let a stream in flight finish on shutdown, refuse new connections, and report a drained stop', async () => {
    const running = await startSlowServer(10_000, 30)
    const response = await fetch(`${running.url}/api/chat`, postJson({ question: 'سؤال' }))
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(first.done).toBe(false)
    const stopped = running.shutdown('test')
    expect(running.isDraining()).toBe(true)
    await expect(fetch(`${running.url}/api/health`)).rejects.toThrow()
    const decoder = new TextDecoder()
    let text = decoder.decode(first.value, { stream: true })
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true })
    expect(text).toContain('event: answer')
    expect(await stopped).toBe('drained')
  })

  it('should close idle keep-alive connections at once', async () => {
    const running = await startSlowServer(10_000, 0)
    expect((await fetch(`${running.url}/api/health`)).status).toBe(200)
    expect(await running.shutdown('test')).toBe('drained')
  })

  it('should cut streams that outlive the grace period', async () => {
    const running = await startSlowServer(100, 1_000)
    const response = await fetch(`${running.url}/api/chat`, postJson({ question: 'سؤال' }))
    const reading = collectEvents(response).catch(() => 'cut')
    expect(await running.shutdown('test')).toBe('forced')
    await reading
  })

  it('should free the work when a client leaves mid-stream', async () => {
    const answerer = createStubAnswerer(index, { eventDelayMs: 50 })
    const running = await startSlowServer(10_000, 50, answerer)
    const client = new AbortController()
    const response = await fetch(`${running.url}/api/chat`, { ...postJson({ question: 'سؤال' }), signal: client.signal })
    await response.body!.getReader().read()
    client.abort()
    await vi.waitFor(() => expect(answerer.abandonedStreams).toBe(1))
    expect(answerer.finishedStreams).toBe(0)
    expect(await running.shutdown('test')).toBe('drained')
  })
})
