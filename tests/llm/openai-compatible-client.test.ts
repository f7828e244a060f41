import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  OpenAICompatibleClient,
  type ChatMessage,
  type OpenAICompatibleClientOptions,
} from '../../src/llm/openai-compatible-client.js'
import { fakeEmbeddingFor, startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js'

const API_KEY = 'sk-test-secret-1234'
const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'Answer from the evidence.' },
  { role: 'user', content: 'متى قتل بن لادن؟' },
]

let server: FakeModelServer

beforeEach(async () => {
  server = await startFakeModelServer()
})

afterEach(async () => {
  await server.close()
})

function createClient(overrides: Partial<OpenAICompatibleClientOptions> = {}): { client: OpenAICompatibleClient; sleeps: number[] } {
  const sleeps: number[] = []
  const client = new OpenAICompatibleClient({
    baseUrl: server.url,
    model: 'chat-model',
    embeddingModel: 'embedding-model',
    timeoutMs: 5000,
    maxRetries: 2,
    // Records the backoff instead of waiting it out.
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds)
    },
    ...overrides,
  })
  return { client, sleeps }
}

async function collectStream(stream: AsyncIterable<string>): Promise<{ deltas: string[]; error: unknown }> {
  const deltas: string[] = []
  try {
    for await (const delta of stream) deltas.push(delta)
  } catch (error) {
    return { deltas, error }
  }
  return { deltas, error: undefined }
}

function chunkEvent(delta: Record<string, string>, finishReason: string | null = null): string {
  const chunk = { id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta, finish_reason: finishReason }] }
  return `data: ${JSON.stringify(chunk)}\r\n\r\n`
}

describe('OpenAICompatibleClient.complete', () => {
  it('should send the messages and options and return the content, model and finish reason', async () => {
    server.setHandler(() => ({ type: 'completion', content: 'في 2 مايو 2011 [1]', model: 'served-model', finishReason: 'stop' }))
    const { client } = createClient()

    const completion = await client.complete(MESSAGES, { temperature: 0, maxTokens: 200, responseFormat: { type: 'json_object' } })

    expect(completion).toEqual({ content: 'في 2 مايو 2011 [1]', model: 'served-model', finishReason: 'stop' })
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      body: { model: 'chat-model', messages: MESSAGES, stream: false, temperature: 0, max_tokens: 200, response_format: { type: 'json_object' } },
    })
  })

  it('should tolerate a trailing slash in the base URL', async () => {
    const { client } = createClient({ baseUrl: `${server.url}/` })
    const completion = await client.complete(MESSAGES)
    expect(completion.content).toBe(`echo: ${MESSAGES[1]!.content}`)
    expect(server.requests[0]!.path).toBe('/v1/chat/completions')
  })

  it('should send the API key as a bearer token, and no authorization header without a key', async () => {
    await createClient({ apiKey: API_KEY }).client.complete(MESSAGES)
    await createClient().client.complete(MESSAGES)
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(server.requests[1]!.headers.authorization).toBeUndefined()
  })

  it('should report invalid JSON as model_bad_response', async () => {
    server.setHandler(() => ({ type: 'malformed', text: '{"choices": [' }))
    await expect(createClient().client.complete(MESSAGES)).rejects.toMatchObject({ name: 'SanadError', code: 'model_bad_response' })
  })

  it('should report a body of the wrong shape as model_bad_response', async () => {
    server.setHandler(() => ({ type: 'json', body: { id: 'x', choices: [] } }))
    await expect(createClient().client.complete(MESSAGES)).rejects.toMatchObject({ code: 'model_bad_response' })
  })

  it('should report an error object sent with HTTP 200 as model_unavailable', async () => {
    server.setHandler(() => ({ type: 'json', body: { error: { message: 'model not loaded' } } }))
    await expect(createClient().client.complete(MESSAGES)).rejects.toMatchObject({ code: 'model_unavailable' })
  })

  it('should retry after a 500 and return the later success', async () => {
    let calls = 0
    server.setHandler(() => (++calls === 1 ? { type: 'error', status: 500 } : undefined))
    const { client, sleeps } = createClient()

    const completion = await client.complete(MESSAGES)

    expect(completion.content).toBe(`echo: ${MESSAGES[1]!.content}`)
    expect(server.requests).toHaveLength(2)
    expect(sleeps).toHaveLength(1)
  })

  it('should wait as long as Retry-After asks on a 429', async () => {
    let calls = 0
    server.setHandler(() => (++calls === 1 ? { type: 'error', status: 429, retryAfter: '2' } : undefined))
    const { client, sleeps } = createClient()

    await client.complete(MESSAGES)

    expect(sleeps).toEqual([2000])
  })

  it('should give up at once when Retry-After is longer than the longest allowed wait', async () => {
    server.setHandler(() => ({ type: 'error', status: 503, retryAfter: '3600' }))
    const { client, sleeps } = createClient({ retryMaxDelayMs: 5000 })
    await expect(client.complete(MESSAGES)).rejects.toMatchObject({ code: 'model_unavailable' })
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('should back off with growing waits and stop after maxRetries', async () => {
    server.setHandler(() => ({ type: 'error', status: 502 }))
    const { client, sleeps } = createClient({ maxRetries: 3, retryBaseDelayMs: 100 })

    await expect(client.complete(MESSAGES)).rejects.toMatchObject({ code: 'model_unavailable', details: { status: 502 } })

    expect(server.requests).toHaveLength(4)
    expect(sleeps).toHaveLength(3)
    sleeps.forEach((sleep, attempt) => {
      expect(sleep).toBeGreaterThanOrEqual((100 * 2 ** attempt) / 2)
      expect(sleep).toBeLessThanOrEqual(100 * 2 ** attempt)
    })
  })

  it('should not retry a 400', async () => {
    server.setHandler(() => ({ type: 'error', status: 400, message: 'context length exceeded' }))
    const { client, sleeps } = createClient()
    await expect(client.complete(MESSAGES)).rejects.toMatchObject({ code: 'model_unavailable', details: { status: 400 } })
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('should never put the API key into the error, even when the server echoes it', async () => {
    server.setHandler(() => ({ type: 'error', status: 401, message: `Incorrect API key provided: ${API_KEY}` }))
    const error = await createClient({ apiKey: API_KEY }).client.complete(MESSAGES).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'model_unavailable', details: { status: 401 } })
    const { message, details } = error as { message: string; details: unknown }
    expect(`${message} ${JSON.stringify(details)}`).not.toContain(API_KEY)
    expect(server.requests).toHaveLength(1)
  })

  it('should report model_unavailable when nothing listens, after retrying', async () => {
    const deadServer = await startFakeModelServer()
    await deadServer.close()
    const { client, sleeps } = createClient({ baseUrl: deadServer.url, maxRetries: 1 })
    await expect(client.complete(MESSAGES)).rejects.toMatchObject({ code: 'model_unavailable' })
    expect(sleeps).toHaveLength(1)
  })

  it('should report model_timeout when the server does not answer in time, without retrying', async () => {
    server.setHandler(() => ({ type: 'hang' }))
    const { client, sleeps } = createClient({ timeoutMs: 100 })
    await expect(client.complete(MESSAGES)).rejects.toMatchObject({ code: 'model_timeout' })
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('should report model_timeout when a delayed reply comes too late', async () => {
    server.setHandler(() => ({ type: 'delay', milliseconds: 1000, then: { type: 'completion', content: 'late' } }))
    await expect(createClient({ timeoutMs: 100 }).client.complete(MESSAGES)).rejects.toMatchObject({ code: 'model_timeout' })
  })

  it("should reject with the caller's abort reason when the caller aborts", async () => {
    const controller = new AbortController()
    server.setHandler(() => {
      controller.abort()
      return { type: 'hang' }
    })
    const { client, sleeps } = createClient()
    await expect(client.complete(MESSAGES, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })
})

describe('OpenAICompatibleClient.streamComplete', () => {
  it('should yield the content deltas in order and ask for a stream', async () => {
    const deltas = ['دور ', 'المغرب ', 'في التحالف']
    server.setHandler(() => ({ type: 'completion', content: deltas.join(''), deltas }))

    const result = await collectStream(createClient().client.streamComplete(MESSAGES, { temperature: 0.2 }))

    expect(result).toEqual({ deltas, error: undefined })
    expect(server.requests[0]!.body).toMatchObject({ model: 'chat-model', stream: true, temperature: 0.2 })
  })

  it('should reassemble events split across TCP writes, skipping comments, CRLF and empty deltas', async () => {
    const contents = ['أعلن ', 'باراك اوباما', ' عن مقتل بن لادن']
    const text = [
      ': ping\r\n\r\n',
      chunkEvent({ role: 'assistant', content: '' }),
      chunkEvent({ content: contents[0]! }),
      chunkEvent({}),
      chunkEvent({ content: contents[1]! }),
      ': keep-alive\r\n\r\n',
      chunkEvent({ content: contents[2]! }),
      chunkEvent({}, 'stop'),
      'data: [DONE]\r\n\r\n',
    ].join('')
    const bytes = new TextEncoder().encode(text)
    // An odd piece size cuts through CRLF pairs, `data:` prefixes and two-byte Arabic letters.
    const writes: Uint8Array[] = []
    for (let start = 0; start < bytes.length; start += 37) writes.push(bytes.slice(start, start + 37))
    server.setHandler(() => ({ type: 'sse', writes }))

    const result = await collectStream(createClient().client.streamComplete(MESSAGES))

    expect(result).toEqual({ deltas: contents, error: undefined })
  })

  it('should keep the received deltas and fail with model_bad_response when the stream is cut off', async () => {
    server.setHandler(() => ({ type: 'truncated-stream', deltas: ['first ', 'second'] }))
    const result = await collectStream(createClient().client.streamComplete(MESSAGES))
    expect(result.deltas).toEqual(['first ', 'second'])
    expect(result.error).toMatchObject({ code: 'model_bad_response' })
  })

  it('should fail with model_bad_response on a chunk that is not JSON', async () => {
    server.setHandler(() => ({ type: 'malformed', text: '{"choices":[{"delta":' }))
    const result = await collectStream(createClient().client.streamComplete(MESSAGES))
    expect(result.error).toMatchObject({ code: 'model_bad_response' })
  })

  it('should retry a 503 that comes before the stream starts', async () => {
    let calls = 0
    server.setHandler(() => (++calls === 1 ? { type: 'error', status: 503 } : { type: 'completion', content: 'ok', deltas: ['ok'] }))
    const result = await collectStream(createClient().client.streamComplete(MESSAGES))
    expect(result).toEqual({ deltas: ['ok'], error: undefined })
    expect(server.requests).toHaveLength(2)
  })

  it('should fail with model_timeout when the stream stalls', async () => {
    server.setHandler(() => ({ type: 'sse', writes: [chunkEvent({ content: 'partial' })], hang: true }))
    const result = await collectStream(createClient({ timeoutMs: 200 }).client.streamComplete(MESSAGES))
    expect(result.deltas).toEqual(['partial'])
    expect(result.error).toMatchObject({ code: 'model_timeout' })
  })

  it("should reject with the caller's abort reason when the caller aborts mid-stream", async () => {
    server.setHandler(() => ({ type: 'sse', writes: [chunkEvent({ content: 'partial' })], hang: true }))
    const controller = new AbortController()
    const deltas: string[] = []
    const consume = async (): Promise<void> => {
      for await (const delta of createClient().client.streamComplete(MESSAGES, { signal: controller.signal })) {
        deltas.push(delta)
        controller.abort()
      }
    }
    await expect(consume()).rejects.toMatchObject({ name: 'AbortError' })
    expect(deltas).toEqual(['partial'])
  })

  it('should close the connection when the consumer stops early', async () => {
    server.setHandler(() => ({ type: 'sse', writes: [chunkEvent({ content: 'first' }), chunkEvent({ content: 'second' })], hang: true }))
    const received: string[] = []
    for await (const delta of createClient().client.streamComplete(MESSAGES)) {
      received.push(delta)
      break
    }
    expect(received).toEqual(['first'])
    expect(await server.requests[0]!.closed).toBe('aborted')
  })
})

describe('OpenAICompatibleClient.embed', () => {
  it('should embed in batches and return vectors in input order even when the server reorders them', async () => {
    server.setHandler((request) => ({ type: 'embeddings', embeddings: request.body.input.map(fakeEmbeddingFor), reverseOrder: true }))
    const texts = ['المغرب', 'داعش', 'بن لادن', 'أوباما', 'التحالف الدولي']
    const { client } = createClient({ embeddingBatchSize: 2 })

    const vectors = await client.embed(texts)

    expect(vectors).toEqual(texts.map(fakeEmbeddingFor))
    expect(server.requests.map((request) => request.body.input)).toEqual([texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)])
    expect(server.requests[0]).toMatchObject({ path: '/v1/embeddings', body: { model: 'embedding-model', encoding_format: 'float' } })
  })

  it('should send no request for no texts', async () => {
    expect(await createClient().client.embed([])).toEqual([])
    expect(server.requests).toHaveLength(0)
  })

  it('should report model_bad_response when the server returns fewer vectors than texts', async () => {
    server.setHandler((request) => ({ type: 'embeddings', embeddings: request.body.input.slice(1).map(fakeEmbeddingFor) }))
    await expect(createClient().client.embed(['a', 'b', 'c'])).rejects.toMatchObject({ code: 'model_bad_response' })
  })
})
