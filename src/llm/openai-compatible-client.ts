import { setTimeout as wait } from 'node:timers/promises'
import { z } from 'zod'
import { SanadError } from '../errors/sanad-error.js'
import { parseServerSentEvents } from './parse-server-sent-events.js'

/** One chat message in the OpenAI wire format. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/** Constrains the shape of the model's reply (`response_format` on the wire). */
export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } }

/** Per-call options of `complete` and `streamComplete`. */
export interface CompletionOptions {
  signal?: AbortSignal
  temperature?: number
  maxTokens?: number
  responseFormat?: ResponseFormat
}

/** A finished, non-streamed completion. */
export interface Completion {
  content: string
  model: string
  finishReason: string | null
}

/** How to reach an OpenAI-compatible server (Ollama, llama.cpp, vLLM, OpenAI) and how hard to try. */
export interface OpenAICompatibleClientOptions {
  /** Like `http://127.0.0.1:11434/v1`. */
  baseUrl: string
  apiKey?: string
  model: string
  /** Defaults to `model`. */
  embeddingModel?: string
  /** Bounds each attempt, a streamed body included. */
  timeoutMs: number
  maxRetries: number
  /** Texts per embeddings request; default 64. */
  embeddingBatchSize?: number
  /** First backoff step; default 500 ms, doubled per retry, with jitter. */
  retryBaseDelayMs?: number
  /** Longest wait between attempts; a longer Retry-After fails at once; default 10 s. */
  retryMaxDelayMs?: number
  fetch?: typeof globalThis.fetch
  sleep?: (milliseconds: number, signal: AbortSignal | undefined) => Promise<void>
}

const ChoiceSchema = z.object({
  message: z.object({ content: z.string().nullish() }),
  finish_reason: z.string().nullish(),
})

const ChatCompletionSchema = z.object({
  model: z.string().optional(),
  choices: z.tuple([ChoiceSchema], ChoiceSchema),
})

// `choices` may be empty (usage or content-filter chunks) and `delta` may lack content (role-only, final chunk).
const ChatCompletionChunkSchema = z.object({
  choices: z.array(z.object({ delta: z.object({ content: z.string().nullish() }).optional() })),
})

const EmbeddingResponseSchema = z.object({
  data: z.array(z.object({ index: z.number().int(), embedding: z.array(z.number()) })),
})

const ErrorBodySchema = z.object({ error: z.union([z.string(), z.object({ message: z.string() })]) })

/** Talks the OpenAI wire protocol: chat completions (whole or streamed) and embeddings, with timeouts and retries. */
export class OpenAICompatibleClient {
  readonly model: string
  readonly embeddingModel: string
  readonly #baseUrl: string
  readonly #apiKey: string | undefined
  readonly #timeoutMs: number
  readonly #maxRetries: number
  readonly #embeddingBatchSize: number
  readonly #retryBaseDelayMs: number
  readonly #retryMaxDelayMs: number
  readonly #fetch: typeof globalThis.fetch
  readonly #sleep: (milliseconds: number, signal: AbortSignal | undefined) => Promise<void>

  constructor(options: OpenAICompatibleClientOptions) {
    this.model = options.model
    this.embeddingModel = options.embeddingModel ?? options.model
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.#apiKey = options.apiKey || undefined
    this.#timeoutMs = options.timeoutMs
    this.#maxRetries = options.maxRetries
    this.#embeddingBatchSize = options.embeddingBatchSize ?? 64
    this.#retryBaseDelayMs = options.retryBaseDelayMs ?? 500
    this.#retryMaxDelayMs = options.retryMaxDelayMs ?? 10_000
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.#sleep = options.sleep ?? ((milliseconds, signal) => wait(milliseconds, undefined, { signal }))
  }

  /** Asks for one whole chat completion. */
  async complete(messages: ChatMessage[], options: CompletionOptions = {}): Promise<Completion> {
    const { response, explain } = await this.#post('/chat/completions', this.#chatPayload(messages, options, false), options.signal)
    const body = await readJson(response, explain, ChatCompletionSchema, 'chat completion')
    const [choice] = body.choices
    return { content: choice.message.content ?? '', model: body.model ?? this.model, finishReason: choice.finish_reason ?? null }
  }

  /** Streams a chat completion as content deltas; stopping the iteration early closes the connection. */
  async *streamComplete(messages: ChatMessage[], options: CompletionOptions = {}): AsyncGenerator<string> {
    const connection = new AbortController()
    const signal = options.signal ? AbortSignal.any([options.signal, connection.signal]) : connection.signal
    try {
      const { response, explain } = await this.#post('/chat/completions', this.#chatPayload(messages, options, true), signal)
      if (!response.body) throw new SanadError('model_bad_response', 'The model server sent an empty stream.')
      try {
        for await (const event of parseServerSentEvents(readChunks(response.body))) {
          if (event.data === '[DONE]') return
          const chunk = parseJson(event.data, ChatCompletionChunkSchema, 'chat completion chunk')
          const content = chunk.choices[0]?.delta?.content
          if (content) yield content
        }
      } catch (error) {
        throw explain(error)
      }
      throw new SanadError('model_bad_response', 'The model stream ended before [DONE].')
    } finally {
      connection.abort()
    }
  }

  /** Embeds texts in batches; vectors come back in the order of `texts`. */
  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<number[][]> {
    const vectors: number[][] = []
    for (let start = 0; start < texts.length; start += this.#embeddingBatchSize) {
      const batch = texts.slice(start, start + this.#embeddingBatchSize)
      const payload = { model: this.embeddingModel, input: batch, encoding_format: 'float' }
      const { response, explain } = await this.#post('/embeddings', payload, options.signal)
      const body = await readJson(response, explain, EmbeddingResponseSchema, 'embeddings')
      vectors.push(...orderByIndex(body.data, batch.length))
    }
    return vectors
  }

  #chatPayload(messages: ChatMessage[], options: CompletionOptions, stream: boolean): Record<string, unknown> {
    return {
      model: this.model,
      messages,
      stream,
      temperature: options.temperature,
      max_tokens: options.maxTokens,
      response_format: options.responseFormat,
    }
  }

  /**
   * POSTs JSON until a 2xx arrives or retries run out; returns the response with `explain`, which turns
   * an error met while reading its body into the right SanadError (or the caller's abort reason).
   */
  async #post(
    path: string,
    payload: unknown,
    callerSignal: AbortSignal | undefined,
  ): Promise<{ response: Response; explain: (error: unknown) => unknown }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }
    if (this.#apiKey) headers.authorization = `Bearer ${this.#apiKey}`
    const body = JSON.stringify(payload)

    for (let attempt = 0; ; attempt++) {
      callerSignal?.throwIfAborted()
      const timeout = AbortSignal.timeout(this.#timeoutMs)
      const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout
      const explain = (error: unknown): unknown => {
        if (SanadError.isInstance(error)) return error
        if (callerSignal?.aborted) return callerSignal.reason
        if (timeout.aborted) {
          return new SanadError('model_timeout', `The model server did not answer ${path} within ${this.#timeoutMs} ms.`)
        }
        return new SanadError('model_unavailable', `The connection to the model server failed on ${path}.`, { cause: error })
      }

      let failure: unknown
      let retryable: boolean
      let retryAfterMs: number | undefined
      try {
        const response = await this.#fetch(`${this.#baseUrl}${path}`, { method: 'POST', headers, body, signal })
        if (response.ok) return { response, explain }
        await response.body?.cancel()
        failure = new SanadError('model_unavailable', `The model server answered ${path} with HTTP ${response.status}.`, {
          details: { status: response.status },
        })
        // Other 4xx mean the request itself is wrong (bad key, unknown model): sending it again cannot help.
        retryable = response.status === 429 || response.status >= 500
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
      } catch (error) {
        failure = explain(error)
        // Timeouts are not retried: a model too slow once is likely too slow again, and the caller is waiting.
        retryable = SanadError.isInstance(failure) && failure.code === 'model_unavailable'
      }

      const delay = retryAfterMs ?? this.#backoff(attempt)
      if (!retryable || attempt >= this.#maxRetries || delay > this.#retryMaxDelayMs) throw failure
      try {
        await this.#sleep(delay, callerSignal)
      } catch (error) {
        callerSignal?.throwIfAborted()
        throw error
      }
    }
  }

  #backoff(attempt: number): number {
    const ceiling = Math.min(this.#retryMaxDelayMs, this.#retryBaseDelayMs * 2 ** attempt)
    // Jitter spreads out clients that failed together so they do not retry in lockstep.
    return ceiling / 2 + Math.random() * (ceiling / 2)
  }
}

async function* readChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

async function readJson<T>(
  response: Response,
  explain: (error: unknown) => unknown,
  schema: z.ZodType<T>,
  what: string,
): Promise<T> {
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    throw explain(error)
  }
  return parseJson(text, schema, what)
}

function parseJson<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new SanadError('model_bad_response', `The model server sent invalid JSON for a ${what}.`, { cause: error })
  }
  const result = schema.safeParse(json)
  if (result.success) return result.data
  // Servers report failures mid-stream (or with a 200) as `{ error: … }` instead of an HTTP status.
  if (ErrorBodySchema.safeParse(json).success) {
    throw new SanadError('model_unavailable', `The model server reported an error instead of a ${what}.`)
  }
  throw new SanadError('model_bad_response', `The model server sent an unexpected ${what}.`, {
    details: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  })
}

function orderByIndex(items: { index: number; embedding: number[] }[], count: number): number[][] {
  const vectors: (number[] | undefined)[] = new Array(count)
  for (const { index, embedding } of items) {
    if (index < 0 || index >= count || vectors[index]) {
      throw new SanadError('model_bad_response', `The model server sent an embedding with a bad index ${index}.`)
    }
    vectors[index] = embedding
  }
  if (items.length !== count) {
    throw new SanadError('model_bad_response', `The model server sent ${items.length} embeddings for ${count} texts.`)
  }
  return vectors as number[][]
}

/** Reads `Retry-After` as delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}
