import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/answer-schemas.js'
import { postJson } from '../support/create-test-app.js'
import { createFuzzApp, type FuzzApp } from '../support/fuzz-app.js'
import { RAW_FUZZ_REQUESTS, sendRawRequest } from '../support/fuzz-raw-requests.js'
import { generateFuzzRequests, type FuzzRequest } from '../support/fuzz-requests.js'
import { runFuzzRequests, type FuzzRunReport } from '../support/fuzz-run.js'
import { PROJECT_DIRECTORY, startServer, type StartedServer } from '../support/start-server.js'

const IN_PROCESS_SEED = 0x5a4ad
const IN_PROCESS_COUNT = 1_750
const SOCKET_SEED = 0xf022
const SOCKET_COUNT = 300
const TIMEOUT_MS = 20_000
const JOURNALIST_QUESTION = 'من هو الصحفي الأميركي الذي قتل؟'
const MEGABYTE = 1024 * 1024
const ALL_ENDPOINTS = ['ask', 'chat', 'chat-ui', 'completions', 'grounding', 'documents', 'suggestions', 'health', 'ready', 'models', 'openapi', 'docs', 'static', 'unknown']

// What would only appear in a body through a leaked error or a file read outside the web root.
const FORBIDDEN_TEXTS = [PROJECT_DIRECTORY, `${tmpdir()}/sanad-index-`, 'root:x:0:0', '"devDependencies"', 'node_modules/']

/** The failures, one line each, for the assertion message. */
function describeFailures(report: FuzzRunReport): string {
  return report.failures
    .slice(0, 25)
    .map(({ request, status, problems }) => `#${request.id} ${request.endpoint}/${request.attack} ${request.method} ${request.path.slice(0, 80)} → ${status}: ${problems.join('; ')}`)
    .join('\n')
}

function countEndpoints(requests: readonly FuzzRequest[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const request of requests) counts[request.endpoint] = (counts[request.endpoint] ?? 0) + 1
  return counts
}

/**
 * The garbage collector: `global.gc` when the process was started with --expose-gc, otherwise exposed
 * at run time, since heap figures full of garbage (dozens of 1–10 MB bodies) say nothing about leaks.
 */
function findGarbageCollector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

async function measureHeapAfterCollection(collect: () => void): Promise<number> {
  collect()
  await new Promise((resolve) => setTimeout(resolve, 20))
  collect()
  return process.memoryUsage().heapUsed
}

async function readResidentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
}

describe('the API in process under 1,750 seeded hostile requests', () => {
  let fuzz: FuzzApp
  beforeAll(async () => {
    fuzz = await createFuzzApp()
  })

  it('should answer each with a 4xx JSON problem or an honest, checked success: no 5xx, hang, leak or memory growth', async () => {
    const requests = generateFuzzRequests({ seed: IN_PROCESS_SEED, count: IN_PROCESS_COUNT })
    const endpoints = countEndpoints(requests)
    for (const endpoint of ALL_ENDPOINTS) expect(endpoints[endpoint], endpoint).toBeGreaterThan(0)
    const send = (path: string, init: RequestInit) => Promise.resolve(fuzz.app.request(path, init))
    const options = { send, concurrency: 4, timeoutMs: TIMEOUT_MS, documents: fuzz.documents, forbiddenTexts: FORBIDDEN_TEXTS }
    const collect = findGarbageCollector()

    // Warm up on a slice first, so that lazily built state (caches, compiled code) is in the baseline.
    await runFuzzRequests(requests.slice(0, 100), options)
    const heapBefore = await measureHeapAfterCollection(collect)

    const report = await runFuzzRequests(requests, options)
    expect(report.failures.length, describeFailures(report)).toBe(0)
    expect(report.results).toHaveLength(IN_PROCESS_COUNT)
    expect(Object.keys(report.statuses).filter((status) => Number(status) >= 500)).toEqual([])
    // The classification is honest both ways: much hostile input is valid and must be answered.
    expect(report.statuses[200]).toBeGreaterThan(150)
    expect(report.statuses[400]).toBeGreaterThan(450)
    expect(report.statuses[413]).toBeGreaterThan(50)
    // JSON.parse made `__proto__` an own key, which was refused; nothing reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()

    // Generous: a leak of the bodies alone (over 200 MB went through) would exceed it many times.
    const heapAfter = await measureHeapAfterCollection(collect)
    expect(heapAfter - heapBefore).toBeLessThan(32 * MEGABYTE)

    const answer = AskResponseSchema.parse(await (await fuzz.app.request('/api/ask', postJson({ question: JOURNALIST_QUESTION }))).json())
    expect(answer.answered).toBe(true)
    expect(answer.answer).toContain('جيمس فولي')
    expect(fuzz.logs.filter((entry) => entry.level === 'error')).toEqual([])
  }, 120_000)
})

describe('the real server over a socket under seeded hostile requests', () => {
  let server: StartedServer
  let documents: Map<string, string>
  beforeAll(async () => {
    server = await startServer({ timeoutMs: 90_000 })
    const article = (await (await fetch(`${server.url}/api/documents/article`)).json()) as { text: string }
    documents = new Map([['article', article.text]])
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('should answer 300 hostile fetch requests like in process, then still answer correctly without memory growth', async () => {
    const requests = generateFuzzRequests({ seed: SOCKET_SEED, count: SOCKET_COUNT })
    for (const endpoint of ALL_ENDPOINTS) expect(countEndpoints(requests)[endpoint], endpoint).toBeGreaterThan(0)
    let retried = 0
    // A keep-alive socket the server closed as idle just as the client reused it fails before any byte
    // of an answer; browsers retry those once on a new connection, and so does this client.
    const send = async (path: string, init: RequestInit): Promise<Response> => {
      try {
        return await fetch(`${server.url}${path}`, init)
      } catch (error) {
        const code = ((error as Error).cause as { code?: string } | undefined)?.code
        if (code !== 'UND_ERR_SOCKET' || init.body instanceof ReadableStream) throw error
        retried++
        return fetch(`${server.url}${path}`, init)
      }
    }
    const options = { send, concurrency: 8, timeoutMs: TIMEOUT_MS, documents, forbiddenTexts: FORBIDDEN_TEXTS }

    await runFuzzRequests(requests.slice(0, 40), options)
    const residentBefore = await readResidentBytes(server.child.pid!)
    const report = await runFuzzRequests(requests, options)
    expect(report.failures.length, `${describeFailures(report)}\n(${retried} retried)`).toBe(0)
    expect(report.results).toHaveLength(SOCKET_COUNT)
    expect(retried).toBeLessThan(SOCKET_COUNT / 20)
    const residentAfter = await readResidentBytes(server.child.pid!)
    // Resident memory includes garbage not yet collected, hence the wider bound than in process.
    expect(residentAfter - residentBefore).toBeLessThan(192 * MEGABYTE)

    const answer = AskResponseSchema.parse(await (await fetch(`${server.url}/api/ask`, postJson({ question: JOURNALIST_QUESTION }))).json())
    expect(answer.answered).toBe(true)
    expect(answer.answer).toContain('جيمس فولي')
    expect(server.logs()).not.toContain('"level":"error"')
  }, 120_000)

  it('should answer malformed HTTP on raw sockets with a 4xx JSON problem (or a plain close) and keep serving', async () => {
    const verdicts = []
    for (const request of RAW_FUZZ_REQUESTS) {
      const response = await sendRawRequest(server.url, request.text, TIMEOUT_MS)
      const problems: string[] = []
      if (!request.expectedStatuses.includes(response.status)) problems.push(`status ${response.status}: ${response.body.slice(0, 120)}`)
      if (response.status >= 400 && !request.answeredByNode) {
        if (!response.headers['content-type']?.includes('application/json')) problems.push(`a ${response.headers['content-type'] ?? 'typeless'} error body`)
        else if (typeof (JSON.parse(response.body) as { error?: { code?: unknown } }).error?.code !== 'string') problems.push('not a JSON problem')
      }
      for (const text of FORBIDDEN_TEXTS) if (response.body.includes(text)) problems.push(`reveals "${text}"`)
      if (problems.length > 0) verdicts.push(`${request.name}: ${problems.join('; ')}`)
    }
    expect(verdicts).toEqual([])
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  }, 60_000)
})
