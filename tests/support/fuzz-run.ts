import { AskResponseSchema, type Citation } from '../../src/answer/answer-schemas.js'
import { ChatCompletionSchema } from '../../src/server/openai-schemas.js'
import type { FuzzRequest } from './fuzz-requests.js'
import { toRequestInit } from './fuzz-requests.js'

/** How fuzz requests are sent and what their responses must not reveal. */
export interface FuzzRunOptions {
  /** Sends one request (through `app.request` or over a socket); `init.signal` aborts it at the timeout. */
  send: (path: string, init: RequestInit) => Promise<Response>
  /** Requests in flight at once. */
  concurrency: number
  /** A request whose response (body included) takes longer counts as a hang. */
  timeoutMs: number
  /** The text of each document, to check that every citation quotes its span exactly. */
  documents: ReadonlyMap<string, string>
  /** Strings that must never appear in an API response: project paths, secrets. */
  forbiddenTexts: readonly string[]
}

/** The verdict on one fuzz request. */
export interface FuzzResult {
  request: FuzzRequest
  /** The status, or 0 when no response came. */
  status: number
  /** Empty when the response was what an honest server answers. */
  problems: string[]
}

/** The verdicts of a whole run. */
export interface FuzzRunReport {
  results: FuzzResult[]
  failures: FuzzResult[]
  /** How many responses had each status. */
  statuses: Record<number, number>
}

// Stack frames, source positions and file URLs: what an error leaks when it is serialized carelessly.
const STACK_TRACE = /\n\s+at .+\(|\bat (?:async )?[\w.<>]+ \(|\.[cm]?[jt]s:\d+:\d+|file:\/\/|node:internal/

/**
 * Sends every request with bounded concurrency and judges each response: never a 5xx, never a hang,
 * a status the request's classification allows, a JSON problem for every 4xx, a checked body for every
 * 2xx, security headers everywhere, and no stack trace, path or secret in API bodies.
 */
export async function runFuzzRequests(requests: readonly FuzzRequest[], options: FuzzRunOptions): Promise<FuzzRunReport> {
  const results: FuzzResult[] = new Array(requests.length)
  let next = 0
  const worker = async () => {
    while (next < requests.length) {
      const position = next++
      results[position] = await sendAndJudge(requests[position]!, options)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  const statuses: Record<number, number> = {}
  for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1
  return { results, failures: results.filter((result) => result.problems.length > 0), statuses }
}

async function sendAndJudge(request: FuzzRequest, options: FuzzRunOptions): Promise<FuzzResult> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<FuzzResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort()
      resolve({ request, status: 0, problems: [`no complete response within ${options.timeoutMs} ms`] })
    }, options.timeoutMs)
  })
  const exchange = (async (): Promise<FuzzResult> => {
    try {
      const response = await options.send(request.path, toRequestInit(request, controller.signal))
      const body = request.method === 'HEAD' ? '' : await response.text()
      return { request, status: response.status, problems: judgeResponse(request, response, body, options) }
    } catch (error) {
      const cause = (error as Error).cause as { code?: string; message?: string } | undefined
      return { request, status: 0, problems: [`the request failed: ${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`] }
    }
  })()
  try {
    return await Promise.race([exchange, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function judgeResponse(request: FuzzRequest, response: Response, body: string, options: FuzzRunOptions): string[] {
  const problems: string[] = []
  const { status } = response
  const contentType = response.headers.get('content-type') ?? ''
  if (status >= 500) problems.push(`server error ${status}: ${body.slice(0, 200)}`)
  if (!request.expectedStatuses.includes(status)) problems.push(`status ${status}, expected one of ${request.expectedStatuses.join(', ')}: ${body.slice(0, 200)}`)
  if (response.headers.get('x-content-type-options') !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff')
  if (!response.headers.get('content-security-policy')) problems.push('no Content-Security-Policy')
  if (response.headers.get('access-control-allow-origin')) problems.push('a CORS header although no origin is allowed')

  const isApiBody = /json|event-stream/.test(contentType) || status >= 400
  if (isApiBody) {
    if (STACK_TRACE.test(body)) problems.push(`a stack trace or source position in the body: ${body.slice(0, 200)}`)
    for (const text of options.forbiddenTexts) if (text && body.includes(text)) problems.push(`the body reveals "${text}"`)
  }
  if (status >= 400) problems.push(...judgeProblem(contentType, body))
  else if (status >= 200 && status < 300) problems.push(...judgeSuccess(request, contentType, body, options.documents))
  return problems
}

function judgeProblem(contentType: string, body: string): string[] {
  if (!contentType.includes('application/json')) return [`a ${contentType || 'typeless'} error body instead of a JSON problem`]
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }
    const keys = Object.keys(parsed)
    if (keys.length !== 1 || keys[0] !== 'error') return [`a problem with top-level keys ${keys.join(', ')}`]
    if (typeof parsed.error?.code !== 'string' || !parsed.error.code) return ['a problem without an error code']
    if (typeof parsed.error.message !== 'string' || !parsed.error.message) return ['a problem without a message']
    return []
  } catch {
    return [`an error body that is not JSON: ${body.slice(0, 120)}`]
  }
}

function judgeSuccess(request: FuzzRequest, contentType: string, body: string, documents: ReadonlyMap<string, string>): string[] {
  const kind = request.success
  if (!kind) return ['a success although none was expected']
  try {
    switch (kind) {
      case 'file':
        return body.length > 0 && !contentType.includes('application/json') ? [] : [`an empty or JSON body for a file (${contentType})`]
      case 'json':
        JSON.parse(body)
        return contentType.includes('application/json') ? [] : [`a ${contentType} body instead of JSON`]
      case 'document': {
        const document = JSON.parse(body) as { id?: unknown; text?: unknown }
        return document.id === 'article' && document.text === documents.get('article') ? [] : ['a document that is not the stored text']
      }
      case 'ask':
        return judgeCitations(AskResponseSchema.parse(JSON.parse(body)), documents)
      case 'completion': {
        const completion = ChatCompletionSchema.parse(JSON.parse(body))
        return judgeCitations({ answered: completion.sanad.answered, citations: completion.citations }, documents)
      }
      case 'chat': {
        const events = readEventStream(body)
        const failure = events.find((event) => event.event === 'error')
        if (failure) return [`an error event: ${failure.data}`]
        const last = events.at(-1)
        if (last?.event !== 'answer') return [`a chat stream that does not end with the answer (${last?.event})`]
        return judgeCitations(AskResponseSchema.parse(JSON.parse(last.data)), documents)
      }
      case 'chat-ui': {
        const events = readEventStream(body)
        if (events.at(-1)?.data !== '[DONE]') return ['a UI message stream without [DONE]']
        const failure = events.find((event) => event.data !== '[DONE]' && (JSON.parse(event.data) as { type?: string }).type === 'error')
        return failure ? [`an error chunk: ${failure.data}`] : []
      }
      case 'completion-stream': {
        const events = readEventStream(body)
        if (events.at(-1)?.data !== '[DONE]') return ['a completion stream without [DONE]']
        const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data) as { error?: unknown; citations?: Citation[]; sanad?: { answered: boolean } })
        const failure = chunks.find((chunk) => chunk.error !== undefined)
        if (failure) return [`an error chunk: ${JSON.stringify(failure)}`]
        const final = chunks.at(-1)
        if (!final?.citations || !final.sanad) return ['a final chunk without citations']
        return judgeCitations({ answered: final.sanad.answered, citations: final.citations }, documents)
      }
    }
  } catch (error) {
    return [`a ${kind} body that does not parse: ${(error as Error).message.slice(0, 200)}`]
  }
}

// Answers cite exact spans of a stored document; refusals cite nothing.
function judgeCitations(answer: { answered: boolean; citations: readonly Citation[] }, documents: ReadonlyMap<string, string>): string[] {
  const problems: string[] = []
  if (!answer.answered && answer.citations.length > 0) problems.push('a refusal with citations')
  for (const citation of answer.citations) {
    const text = documents.get(citation.docId)
    if (text === undefined) problems.push(`a citation of an unknown document ${citation.docId}`)
    else if (text.slice(citation.start, citation.end) !== citation.quote) problems.push(`citation [${citation.n}] does not quote its span`)
  }
  return problems
}

function readEventStream(body: string): { event: string; data: string }[] {
  return body
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .map((block) => {
      let event = 'message'
      const data: string[] = []
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim()
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
      }
      return { event, data: data.join('\n') }
    })
}
