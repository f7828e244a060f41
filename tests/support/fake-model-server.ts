import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as wait } from 'node:timers/promises'

/** A request the fake server received. */
export interface RecordedRequest {
  method: string
  /** Path without the query, like `/v1/chat/completions`. */
  path: string
  headers: IncomingHttpHeaders
  /** Parsed JSON body, or undefined when there was none or it was not JSON. */
  body: any
  /** Settles when the exchange ends: `finished` if the server completed the response, `aborted` if the client hung up first. */
  closed: Promise<'finished' | 'aborted'>
}

/** What the scripted server does with one request. */
export type FakeReply =
  /** A chat completion: a JSON `chat.completion`, or `chat.completion.chunk` events when the request asked to stream. */
  | { type: 'completion'; content: string; deltas?: string[]; finishReason?: string; model?: string }
  /** An embeddings list; `reverseOrder` sends the items last-first (their `index` stays right). */
  | { type: 'embeddings'; embeddings: number[][]; reverseOrder?: boolean }
  | { type: 'json'; body: unknown; status?: number }
  /** A body that is not JSON: as the response, or as the one SSE event when the request asked to stream. */
  | { type: 'malformed'; text: string }
  /** Raw SSE bytes, each item in its own TCP write; `hang` keeps the connection open afterwards. */
  | { type: 'sse'; writes: (string | Uint8Array)[]; hang?: boolean }
  /** Starts streaming the deltas, then ends the response cleanly halfway through an event, without [DONE]. */
  | { type: 'truncated-stream'; deltas: string[] }
  | { type: 'error'; status: number; message?: string; retryAfter?: string }
  | { type: 'delay'; milliseconds: number; then: FakeReply }
  | { type: 'hang' }

/** Decides the reply to a request; returning undefined gives the default (echo completion, deterministic embeddings). */
export type FakeHandler = (request: RecordedRequest) => FakeReply | undefined | Promise<FakeReply | undefined>

/** A running fake server. */
export interface FakeModelServer {
  /** Base URL ending in `/v1`. */
  url: string
  requests: RecordedRequest[]
  setHandler(handler: FakeHandler): void
  close(): Promise<void>
}

const MODEL_ID = 'fake-model'
const EMBEDDING_DIMENSIONS = 8

/** A deterministic, non-normalized embedding of a text, as the default handler returns it. */
export function fakeEmbeddingFor(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0)
  for (const [position, character] of [...text].entries()) {
    vector[(character.codePointAt(0)! + position) % EMBEDDING_DIMENSIONS]! += 1 + (position % 3)
  }
  vector[0]! += text.length
  return vector
}

/** Starts an OpenAI-compatible HTTP server on 127.0.0.1 with a random port, scriptable per test. */
export async function startFakeModelServer(options: { handler?: FakeHandler } = {}): Promise<FakeModelServer> {
  let handler: FakeHandler = options.handler ?? (() => undefined)
  const requests: RecordedRequest[] = []

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const closed = new Promise<'finished' | 'aborted'>((resolve) => {
      response.on('close', () => resolve(response.writableFinished ? 'finished' : 'aborted'))
    })
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: (request.url ?? '/').split('?')[0]!,
      headers: request.headers,
      body: parseJsonOrUndefined(Buffer.concat(chunks).toString('utf8')),
      closed,
    }
    requests.push(recorded)
    try {
      await route(recorded, response, handler)
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, errorBody(String(error), 'server_error'))
      else response.destroy()
    }
  })
  server.listen(0, '127.0.0.1')
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setHandler(next) {
      handler = next
    },
    async close() {
      // Hung and stalled exchanges would keep close() waiting forever.
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function route(request: RecordedRequest, response: ServerResponse, handler: FakeHandler): Promise<void> {
  const endpoint = `${request.method} ${request.path}`
  if (endpoint === 'GET /v1/models') {
    sendJson(response, 200, { object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'sanad-tests' }] })
    return
  }
  if (endpoint !== 'POST /v1/chat/completions' && endpoint !== 'POST /v1/embeddings') {
    sendJson(response, 404, errorBody(`Unknown endpoint ${endpoint}`, 'invalid_request_error'))
    return
  }
  const invalid = describeInvalidRequest(request)
  if (invalid) {
    sendJson(response, 400, errorBody(invalid, 'invalid_request_error'))
    return
  }
  const reply = (await handler(request)) ?? defaultReply(request)
  await sendReply(request, response, reply)
}

// Real servers reject malformed requests, so a client bug surfaces here rather than in production.
function describeInvalidRequest(request: RecordedRequest): string | undefined {
  const body = request.body
  if (typeof body !== 'object' || body === null) return 'The body must be a JSON object.'
  if (typeof body.model !== 'string') return "'model' is required."
  if (request.path === '/v1/chat/completions') {
    const messagesValid =
      Array.isArray(body.messages) &&
      body.messages.length > 0 &&
      body.messages.every((message: any) => ['system', 'user', 'assistant'].includes(message?.role) && typeof message.content === 'string')
    return messagesValid ? undefined : "'messages' must be a non-empty list of {role, content}."
  }
  const inputValid = Array.isArray(body.input) && body.input.length > 0 && body.input.every((text: unknown) => typeof text === 'string')
  return inputValid ? undefined : "'input' must be a non-empty list of strings."
}

function defaultReply(request: RecordedRequest): FakeReply {
  if (request.path === '/v1/embeddings') return { type: 'embeddings', embeddings: request.body.input.map(fakeEmbeddingFor) }
  const lastMessage = request.body.messages.at(-1).content as string
  return { type: 'completion', content: `echo: ${lastMessage}` }
}

async function sendReply(request: RecordedRequest, response: ServerResponse, reply: FakeReply): Promise<void> {
  const streaming = request.body?.stream === true
  const model = typeof request.body?.model === 'string' ? request.body.model : MODEL_ID
  switch (reply.type) {
    case 'completion': {
      const finishReason = reply.finishReason ?? 'stop'
      if (!streaming) {
        sendJson(response, 200, {
          id: 'chatcmpl-fake',
          object: 'chat.completion',
          created: 0,
          model: reply.model ?? model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: finishReason }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        })
        return
      }
      const deltas = reply.deltas ?? reply.content.split(/(?<= )/)
      startEventStream(response)
      response.write(chunkEvent(model, { role: 'assistant', content: '' }, null))
      for (const delta of deltas) response.write(chunkEvent(model, { content: delta }, null))
      response.write(chunkEvent(model, {}, finishReason))
      response.end('data: [DONE]\n\n')
      return
    }
    case 'embeddings': {
      const data = reply.embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding }))
      if (reply.reverseOrder) data.reverse()
      sendJson(response, 200, { object: 'list', data, model, usage: { prompt_tokens: 1, total_tokens: 1 } })
      return
    }
    case 'json':
      sendJson(response, reply.status ?? 200, reply.body)
      return
    case 'malformed':
      if (streaming) {
        startEventStream(response)
        response.end(`data: ${reply.text}\n\n`)
      } else {
        response.writeHead(200, { 'content-type': 'application/json' }).end(reply.text)
      }
      return
    case 'sse':
      startEventStream(response)
      for (const piece of reply.writes) {
        response.write(piece)
        // Pausing lets each write leave as its own TCP segment, so the client really reads partial lines.
        await wait(5)
      }
      if (!reply.hang) response.end()
      return
    case 'truncated-stream': {
      startEventStream(response)
      for (const delta of reply.deltas) response.write(chunkEvent(model, { content: delta }, null))
      const cut = chunkEvent(model, { content: 'lost' }, null)
      response.end(cut.slice(0, cut.length / 2))
      return
    }
    case 'error': {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (reply.retryAfter !== undefined) headers['retry-after'] = reply.retryAfter
      response.writeHead(reply.status, headers).end(JSON.stringify(errorBody(reply.message ?? `HTTP ${reply.status}`, 'server_error')))
      return
    }
    case 'delay':
      await wait(reply.milliseconds)
      if (!response.destroyed) await sendReply(request, response, reply.then)
      return
    case 'hang':
      return
  }
}

function startEventStream(response: ServerResponse): void {
  response.socket?.setNoDelay(true)
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
}

function chunkEvent(model: string, delta: Record<string, string>, finishReason: string | null): string {
  const chunk = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finishReason }] }
  return `data: ${JSON.stringify(chunk)}\n\n`
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

function errorBody(message: string, type: string): { error: { message: string; type: string } } {
  return { error: { message, type } }
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}
