// @ts-check
import { readServerSentEvents } from './read-server-sent-events.js'

/**
 * @typedef {{ role: 'user' | 'assistant', content: string }} HistoryMessage
 * @typedef {{ n: number, docId: string, start: number, end: number, quote: string }} Citation
 * @typedef {{ chunkId: string, docId: string, section: string | null, start: number, end: number, text: string, score: number }} Passage
 * @typedef {{ score: number, supported: boolean, explanation: string }} Grounding
 * @typedef {{
 *   answered: boolean, answer: string, shortAnswer: string | null, citations: Citation[],
 *   passages: Passage[], related: Passage[], grounding: Grounding, language: string,
 *   questionKind: string, refusalReason: string | null
 * }} AskResponse
 * @typedef {{ id: string, title: string, text: string }} SourceDocument
 * @typedef {{ id: string, title: string, sentences: number, characters: number }} DocumentSummary
 * @typedef {{ question: string, section: string | null }} Suggestion
 * @typedef {{ start: number, end: number, quote: string }} GuideSpan
 * @typedef {{
 *   docId: string, title: string, summary: GuideSpan[],
 *   sections: { heading: string | null, points: GuideSpan[] }[],
 *   timeline: (GuideSpan & { dateText: string, year: number | null, month: number | null, day: number | null, placement: 'absolute' | 'inferred' | 'relative' })[],
 *   entities: { kind: 'person' | 'place' | 'organisation', name: string, mentions: GuideSpan[] }[],
 *   suggestedQuestions: { question: string, kind: string }[],
 * }} DocumentGuide
 * @typedef {'network' | 'rate_limited' | 'invalid_request' | 'unauthorized' | 'server' | 'aborted'} ApiErrorKind
 * @typedef {(
 *   | { type: 'passages', passages: Passage[] }
 *   | { type: 'text-delta', delta: string }
 *   | { type: 'citation', citation: Citation }
 * )} ChatProgress
 */

/** A failed API call, classified so the UI can pick the right message and retry advice. */
export class ApiError extends Error {
  /**
   * @param {ApiErrorKind} kind
   * @param {string} message
   * @param {{ status?: number, code?: string, retryAfterSeconds?: number | null, apiKeyRejected?: boolean }} [details]
   */
  constructor(kind, message, details = {}) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = details.status ?? null
    this.code = details.code ?? null
    this.retryAfterSeconds = details.retryAfterSeconds ?? null
    // True when a 401 answered a request that carried a key: the key is wrong, not merely missing.
    this.apiKeyRejected = details.apiKeyRejected ?? false
  }
}

/**
 * Streams one chat turn from `POST /api/chat`, reporting progress, and resolves with the final answer.
 * `documents`, when given, limits the answer to those document ids.
 * @param {{ question: string, history: HistoryMessage[], documents?: string[] }} body
 * @param {{ signal: AbortSignal, onProgress: (progress: ChatProgress) => void, apiKey: string | null }} options
 * @returns {Promise<AskResponse>}
 */
export async function streamChat(body, { signal, onProgress, apiKey }) {
  const response = await sendRequest('/api/chat', {
    method: 'POST',
    headers: withApiKey({ 'content-type': 'application/json', accept: 'text/event-stream' }, apiKey),
    body: JSON.stringify(body),
    signal,
  })
  if (!response.body) throw new ApiError('server', 'empty response body')
  try {
    for await (const event of readServerSentEvents(response.body)) {
      const payload = parseJson(event.data)
      if (event.event === 'passages') onProgress({ type: 'passages', passages: payload.passages ?? [] })
      else if (event.event === 'text-delta') onProgress({ type: 'text-delta', delta: String(payload.delta ?? '') })
      else if (event.event === 'citation') onProgress({ type: 'citation', citation: payload.citation })
      else if (event.event === 'answer') return /** @type {AskResponse} */ (payload)
      else if (event.event === 'error') throw errorFromBody(payload, response.status, null)
    }
  } catch (error) {
    throw normalizeError(error, signal)
  }
  throw new ApiError('network', 'stream ended before the answer')
}

/**
 * Fetches one source document by id.
 * @param {string} docId
 * @param {{ apiKey: string | null }} options
 * @returns {Promise<SourceDocument>}
 */
export async function fetchDocument(docId, { apiKey }) {
  const response = await sendRequest(`/api/documents/${encodeURIComponent(docId)}`, {
    headers: withApiKey({ accept: 'application/json' }, apiKey),
  })
  return /** @type {SourceDocument} */ (await response.json())
}

/**
 * Lists the indexed documents (id, title and size), in index order.
 * @param {{ apiKey: string | null }} options
 * @returns {Promise<DocumentSummary[]>}
 */
export async function fetchDocumentList({ apiKey }) {
  const response = await sendRequest('/api/documents', { headers: withApiKey({ accept: 'application/json' }, apiKey) })
  const body = await response.json()
  return Array.isArray(body?.documents) ? body.documents : []
}

/**
 * Fetches the source guide of one document.
 * @param {string} docId
 * @param {{ apiKey: string | null }} options
 * @returns {Promise<DocumentGuide>}
 */
export async function fetchGuide(docId, { apiKey }) {
  const response = await sendRequest(`/api/documents/${encodeURIComponent(docId)}/guide`, {
    headers: withApiKey({ accept: 'application/json' }, apiKey),
  })
  return /** @type {DocumentGuide} */ (await response.json())
}

/**
 * Fetches the starter questions shown in the empty state.
 * @param {{ apiKey: string | null }} options
 * @returns {Promise<Suggestion[]>}
 */
export async function fetchSuggestions({ apiKey }) {
  const response = await sendRequest('/api/suggestions', { headers: withApiKey({ accept: 'application/json' }, apiKey) })
  const body = await response.json()
  return Array.isArray(body?.suggestions) ? body.suggestions : []
}

/**
 * Adds the bearer key when there is one; without a key the server answers 401 only if it requires one.
 * @param {Record<string, string>} headers
 * @param {string | null} apiKey
 * @returns {Record<string, string>}
 */
function withApiKey(headers, apiKey) {
  return apiKey ? { ...headers, authorization: `Bearer ${apiKey}` } : headers
}

/**
 * Runs `fetch` and turns transport failures and non-2xx answers into `ApiError`s.
 * @param {string} url
 * @param {RequestInit} init
 * @returns {Promise<Response>}
 */
async function sendRequest(url, init) {
  /** @type {Response} */
  let response
  try {
    response = await fetch(url, init)
  } catch (error) {
    throw normalizeError(error, init.signal ?? null)
  }
  if (response.ok) return response
  /** @type {any} */
  let body = null
  try {
    body = await response.json()
  } catch {
    // A proxy or crash page may answer with non-JSON; the status alone still classifies it.
  }
  const sentApiKey = new Headers(init.headers).has('authorization')
  throw errorFromBody(body, response.status, readRetryAfter(response.headers.get('retry-after')), sentApiKey)
}

/**
 * @param {any} body
 * @param {number} status
 * @param {number | null} retryAfterSeconds
 * @param {boolean} [sentApiKey]
 * @returns {ApiError}
 */
function errorFromBody(body, status, retryAfterSeconds, sentApiKey = false) {
  const code = typeof body?.error?.code === 'string' ? body.error.code : undefined
  const message = typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${status}`
  const effectiveStatus = status >= 400 ? status : undefined
  if (code === 'rate_limited' || status === 429) {
    const fromBody = Number(body?.error?.details?.retryAfterSeconds)
    return new ApiError('rate_limited', message, {
      status: effectiveStatus, code, retryAfterSeconds: retryAfterSeconds ?? (Number.isFinite(fromBody) ? fromBody : null),
    })
  }
  if (code === 'unauthorized' || status === 401) {
    return new ApiError('unauthorized', message, { status: effectiveStatus, code, apiKeyRejected: sentApiKey })
  }
  if (code === 'invalid_request' || code === 'payload_too_large' || status === 400 || status === 413) {
    return new ApiError('invalid_request', message, { status: effectiveStatus, code })
  }
  return new ApiError('server', message, { status: effectiveStatus, code })
}

/**
 * Reads `Retry-After` as either delay-seconds or an HTTP date.
 * @param {string | null} value
 * @returns {number | null}
 */
function readRetryAfter(value) {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

/**
 * @param {unknown} error
 * @param {AbortSignal | null} signal
 * @returns {ApiError}
 */
function normalizeError(error, signal) {
  if (error instanceof ApiError) return error
  if (signal?.aborted) return new ApiError('aborted', 'request cancelled')
  return new ApiError('network', error instanceof Error ? error.message : String(error))
}

/**
 * @param {string} text
 * @returns {any}
 */
function parseJson(text) {
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError('server', 'malformed event data')
  }
}
