import { AskResponseSchema } from '../answer/answer-schemas.js'

/** What one request of the mixed load exercises. */
export type ScaleRequestKind = 'ask' | 'chat-stream' | 'completion-stream'

/** One request as the client saw it. */
export interface ScaleRecord {
  kind: ScaleRequestKind
  requestId: string
  /** Milliseconds from the start of the run to the request. */
  sentAtMs: number
  status: number
  /** Why the response was wrong (a network error, a status, a malformed or cut body), or null. */
  failure: string | null
  totalMs: number
  /** For streams: when each event arrived, in milliseconds from the request. */
  eventTimesMs: number[]
  /** For JSON answers: the retrieval time the replica reported (`timingsMs.retrieve`). */
  retrieveMs: number | null
}

/** How the load runs. */
export interface MixedLoadOptions {
  /** The cluster's base URL. */
  url: string
  kinds: readonly ScaleRequestKind[]
  questions: readonly string[]
  /** Requests in flight at once; each worker sends its next request when the last one ended. */
  workers: number
  durationMs: number
  /** Every request id starts with this, to find the requests in nginx's and the replicas' logs. */
  requestIdPrefix: string
  timeoutMs: number
}

/**
 * Runs `workers` closed-loop clients for `durationMs`, each cycling through the kinds and questions:
 * a cited JSON answer (`/api/ask`), sanad's event stream (`/api/chat`) and an OpenAI stream
 * (`/v1/chat/completions`), judging every response whole and timing the arrival of each stream event.
 */
export async function runMixedLoad(options: MixedLoadOptions): Promise<ScaleRecord[]> {
  const records: ScaleRecord[] = []
  const started = performance.now()
  let sequence = 0
  // Each client cycles through every kind, starting from its own, and through the questions.
  const worker = async (offset: number) => {
    for (let turn = 0; performance.now() - started < options.durationMs; turn++) {
      const kind = options.kinds[(offset + turn) % options.kinds.length]!
      const question = options.questions[(offset * options.kinds.length + turn) % options.questions.length]!
      records.push(await sendOne(options, kind, question, `${options.requestIdPrefix}-${sequence++}`, performance.now() - started))
    }
  }
  await Promise.all(Array.from({ length: options.workers }, (_, offset) => worker(offset)))
  return records
}

async function sendOne(options: MixedLoadOptions, kind: ScaleRequestKind, question: string, requestId: string, sentAtMs: number): Promise<ScaleRecord> {
  const [path, body] =
    kind === 'ask'
      ? ['/api/ask', { question }]
      : kind === 'chat-stream'
        ? ['/api/chat', { question }]
        : ['/v1/chat/completions', { model: 'sanad', stream: true, messages: [{ role: 'user', content: question }] }]
  const record: ScaleRecord = { kind, requestId, sentAtMs, status: 0, failure: null, totalMs: 0, eventTimesMs: [], retrieveMs: null }
  const started = performance.now()
  try {
    const response = await fetch(`${options.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    })
    record.status = response.status
    if (response.headers.get('x-request-id') !== requestId) record.failure = `the request id came back as ${response.headers.get('x-request-id')}`
    if (kind === 'ask') {
      const text = await response.text()
      const answer = response.status === 200 ? AskResponseSchema.safeParse(JSON.parse(text)) : null
      if (!answer) record.failure ??= `${response.status}: ${text.slice(0, 200)}`
      else if (!answer.success) record.failure ??= 'the answer does not match its schema'
      else record.retrieveMs = answer.data.timingsMs.retrieve ?? null
    } else {
      const events = await readEvents(response, started, record.eventTimesMs)
      if (response.status !== 200) record.failure ??= `${response.status}: ${events.join('').slice(0, 200)}`
      else record.failure ??= judgeStream(kind, events)
    }
  } catch (error) {
    record.failure ??= (error as Error).cause ? `${(error as Error).message}: ${String((error as Error).cause)}` : (error as Error).message
  }
  record.totalMs = performance.now() - started
  return record
}

// The data of every event of a stream, noting when each arrived.
async function readEvents(response: Response, started: number, times: number[]): Promise<string[]> {
  const events: string[] = []
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    const arrived = performance.now() - started
    buffer += value
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n')
      events.push(`${event.match(/^event: (.+)$/m)?.[1] ?? 'message'}\u0000${data}`)
      times.push(arrived)
    }
  }
  if (buffer.trim()) events.push(`partial\u0000${buffer}`)
  return events
}

// A stream is whole when it ends as its protocol says, with a valid, cited answer.
function judgeStream(kind: ScaleRequestKind, events: readonly string[]): string | null {
  const [name, data] = (events.at(-1) ?? '').split('\u0000') as [string, string | undefined]
  if (kind === 'chat-stream') {
    if (name !== 'answer') return `the stream ended with ${name || 'nothing'}, not an answer`
    const answer = AskResponseSchema.safeParse(JSON.parse(data ?? 'null'))
    return answer.success ? null : 'the final answer does not match its schema'
  }
  if (data !== '[DONE]') return 'the OpenAI stream did not end with [DONE]'
  const final = JSON.parse(events.at(-2)?.split('\u0000')[1] ?? 'null') as { choices?: { finish_reason?: string }[]; citations?: unknown[] } | null
  return final?.choices?.[0]?.finish_reason === 'stop' && Array.isArray(final.citations) ? null : 'the last chunk has no stop and citations'
}
