/** What a load request exercises. */
export type LoadKind = 'ask' | 'chat-stream' | 'completion' | 'completion-stream' | 'document' | 'health' | 'models' | 'invalid'

/** One request of the load rotation and how to tell whether its response is right. */
export interface LoadRequest {
  kind: LoadKind
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: string
  /** Why the response is wrong, or null when it is what this request must get (429s are judged apart). */
  judge(status: number, body: string): string | null
  /** Probes are never rate limited, so a 429 on them is wrong. */
  rateLimitExempt: boolean
}

const JSON_HEADERS = { 'content-type': 'application/json' }

interface InvalidRequest {
  name: string
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: string
  status: number
}

// Requests a client gets wrong; each must be refused with its 4xx and a JSON problem, never served or crashed on.
const INVALID_REQUESTS: InvalidRequest[] = [
  { name: 'unknown field', method: 'POST', path: '/api/ask', headers: JSON_HEADERS, body: JSON.stringify({ question: 'سؤال', admin: true }), status: 400 },
  { name: 'not JSON', method: 'POST', path: '/api/ask', headers: JSON_HEADERS, body: '{"question": ', status: 400 },
  { name: 'text body', method: 'POST', path: '/api/chat', headers: { 'content-type': 'text/plain' }, body: 'سؤال', status: 415 },
  { name: 'unknown document', method: 'GET', path: '/api/documents/nothing-here', headers: {}, status: 404 },
  { name: 'traversal', method: 'GET', path: '/api/documents/..%2Fmanifest', headers: {}, status: 400 },
  { name: 'wrong method', method: 'GET', path: '/api/ask', headers: {}, status: 405 },
  { name: 'unknown model', method: 'POST', path: '/v1/chat/completions', headers: JSON_HEADERS, body: JSON.stringify({ model: 'gpt-4', messages: [{ role: 'user', content: 'سؤال' }] }), status: 404 },
]

/**
 * The rotation the connections cycle through: per question an ask, a chat stream, a whole and a
 * streamed completion, a document, a health probe and one invalid request (about one request in eight
 * must be refused), and a models listing every other question.
 */
export function createLoadRequests(questions: readonly string[]): LoadRequest[] {
  if (questions.length === 0) throw new Error('the load rotation needs at least one question')
  const rotation: LoadRequest[] = []
  questions.forEach((question, position) => {
    const messages = [{ role: 'user', content: question }]
    rotation.push(
      post('ask', '/api/ask', { question }, judgeAsk),
      get('health', '/api/health', judgeJson((body) => body.status === 'ok'), true),
      post('chat-stream', '/api/chat', { question }, judgeChatStream),
      get('document', '/api/documents/article', judgeJson((body) => typeof body.text === 'string' && body.text.length > 0), false),
      post('completion', '/v1/chat/completions', { model: 'sanad', messages }, judgeCompletion),
      post('completion-stream', '/v1/chat/completions', { model: 'sanad', stream: true, messages }, judgeCompletionStream),
    )
    rotation.push(invalid(INVALID_REQUESTS[position % INVALID_REQUESTS.length]!))
    if (position % 2 === 1) rotation.push(get('models', '/v1/models', judgeJson((body) => Array.isArray(body.data)), false))
  })
  return rotation
}

function post(kind: LoadKind, path: string, body: unknown, judge: LoadRequest['judge']): LoadRequest {
  return { kind, method: 'POST', path, headers: JSON_HEADERS, body: JSON.stringify(body), judge, rateLimitExempt: false }
}

function get(kind: LoadKind, path: string, judge: LoadRequest['judge'], rateLimitExempt: boolean): LoadRequest {
  return { kind, method: 'GET', path, headers: {}, judge, rateLimitExempt }
}

function invalid(request: InvalidRequest): LoadRequest {
  return {
    kind: 'invalid',
    method: request.method,
    path: request.path,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    rateLimitExempt: false,
    judge: (status, body) => {
      if (status !== request.status) return `${request.name}: ${status} instead of ${request.status}`
      const problem = parseJson(body) as { error?: { code?: unknown } } | undefined
      return typeof problem?.error?.code === 'string' ? null : `${request.name}: the ${status} is not a JSON problem`
    },
  }
}

function judgeJson(isRight: (body: Record<string, unknown>) => boolean): LoadRequest['judge'] {
  return (status, body) => {
    if (status !== 200) return `status ${status}`
    const parsed = parseJson(body)
    return parsed && typeof parsed === 'object' && isRight(parsed as Record<string, unknown>) ? null : 'an unexpected body'
  }
}

const judgeAsk = judgeJson((body) => typeof body.answered === 'boolean' && Array.isArray(body.citations))

const judgeCompletion = judgeJson((body) => {
  const choices = body.choices as { message?: { content?: unknown } }[] | undefined
  return typeof choices?.[0]?.message?.content === 'string' && Array.isArray(body.citations)
})

function judgeChatStream(status: number, body: string): string | null {
  if (status !== 200) return `status ${status}`
  if (body.includes('event: error')) return 'an error event'
  return body.includes('event: answer') ? null : 'no answer event'
}

function judgeCompletionStream(status: number, body: string): string | null {
  if (status !== 200) return `status ${status}`
  if (body.includes('data: {"error"')) return 'an error chunk'
  return body.trimEnd().endsWith('data: [DONE]') ? null : 'no [DONE]'
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
