import type { AskRequest, AskResponse } from '../answer/answer-schemas.js'
import { streamText } from '../answer/create-question-answerer.js'
import type { AnswerEvent, AnswererChoice, AskOptions, QuestionAnswerer } from '../answer/question-answerer.js'
import { buildAnswerCacheKey } from './build-answer-cache-key.js'
import { deepFreeze } from './deep-freeze.js'
import type { CacheStatistics, LruByteCache } from './lru-byte-cache.js'

/** What the caching answerer is built from. */
export interface CachingAnswererOptions {
  /** The store, shared by every answerer that should share answers; its budget bounds the memory. */
  cache: LruByteCache<CachedAnswer>
  /** The checksum of the index `answerer` answers from (computeIndexChecksum of its manifest). */
  indexChecksum: string
  /**
   * Whether the model samples (a temperature above 0): its answers then differ from call to call, and
   * requests it would answer bypass the cache. Greedy decoding (the default) is cached.
   */
  llmSamples: boolean
}

/** The cache's counters, and how many requests went around it because the model samples. */
export type AnswerCacheStatistics = CacheStatistics & { bypasses: number }

/** A QuestionAnswerer that also reports on its cache. */
export interface CachingAnswerer extends QuestionAnswerer {
  statistics(): AnswerCacheStatistics
}

// A JavaScript string weighs two bytes a character; the rest of an entry (the Map slot, the objects) about this much.
const ENTRY_OVERHEAD_BYTES = 512

/** An answer as the cache keeps it. */
export interface CachedAnswer {
  response: AskResponse
  /** The response's JSON in UTF-8 without `timingsMs` and its closing brace, made once when it was stored. */
  jsonPrefix: Buffer
}

// The JSON prefixes of the answers served from a cache, by the object each hit returned.
const jsonPrefixes = new WeakMap<AskResponse, Buffer>()

/**
 * The JSON of an answer in UTF-8. An answer served from the cache was serialized and encoded when it was
 * stored, and only its timings are added now, so a hit neither serializes the whole answer (passages
 * included) again nor encodes its Arabic text to UTF-8 again.
 */
export function encodeAskResponse(response: AskResponse): Buffer<ArrayBuffer> {
  const prefix = jsonPrefixes.get(response)
  if (prefix === undefined) return Buffer.from(JSON.stringify(response))
  const suffix = `,"timingsMs":${JSON.stringify(response.timingsMs)}}`
  const encoded = Buffer.allocUnsafe(prefix.length + suffix.length)
  prefix.copy(encoded)
  // The suffix is ASCII: numbers and names.
  encoded.write(suffix, prefix.length, 'latin1')
  return encoded
}

/**
 * Wraps a QuestionAnswerer with an answer cache: an answer is a pure function of the index and the
 * request, so a repeated request is served from memory. `ask` and `stream` share entries; a cached
 * answer is streamed again as its events (passages, the text with its citations, the answer). Only
 * whole answers are stored: an aborted request stores nothing, and neither does a model answer that
 * fell back to extraction (a timeout now is not an answer later).
 */
export function createCachingAnswerer(answerer: QuestionAnswerer, options: CachingAnswererOptions): CachingAnswerer {
  const { cache, indexChecksum } = options
  let bypassCount = 0
  const usesModel = (choice: AnswererChoice) => choice !== 'extractive' && answerer.answerers.includes('llm')
  const bypasses = (choice: AnswererChoice) => options.llmSamples && usesModel(choice)

  const store = (key: string, response: AskResponse, choice: AnswererChoice) => {
    if (usesModel(choice) && response.fallback !== null) return
    const { timingsMs: _timings, ...timeless } = response
    const jsonPrefix = Buffer.from(JSON.stringify(timeless).slice(0, -1))
    // Frozen: every later request gets this object, so nothing may change it. Its weight: the encoded JSON,
    // plus the response object's strings, about as many bytes again (Arabic is two bytes a character in
    // UTF-8 and in a JavaScript string alike).
    cache.set(key, { response: deepFreeze(response), jsonPrefix }, key.length * 2 + jsonPrefix.length * 2 + ENTRY_OVERHEAD_BYTES)
  }
  const lookup = (key: string): AskResponse | undefined => {
    const started = performance.now()
    const cached = cache.get(key)
    if (!cached) return undefined
    // The stage timings of the first answer say nothing about this one: a hit reports its own lookup.
    const milliseconds = Math.round((performance.now() - started) * 1000) / 1000
    const hit = { ...cached.response, timingsMs: { cache: milliseconds, total: milliseconds } }
    jsonPrefixes.set(hit, cached.jsonPrefix)
    return hit
  }

  // The keys of frozen requests (a server remembers the validated request of a repeated body): a frozen
  // request cannot change, so its key is built once.
  const keysOfFrozenRequests = new WeakMap<AskRequest, { choice: AnswererChoice; key: string }>()
  const keyOf = (request: AskRequest, choice: AnswererChoice): string => {
    if (!Object.isFrozen(request)) return buildAnswerCacheKey(request, choice, indexChecksum)
    const known = keysOfFrozenRequests.get(request)
    if (known?.choice === choice) return known.key
    const key = buildAnswerCacheKey(request, choice, indexChecksum)
    keysOfFrozenRequests.set(request, { choice, key })
    return key
  }

  async function ask(request: AskRequest, askOptions: AskOptions = {}): Promise<AskResponse> {
    const choice = askOptions.answerer ?? 'default'
    if (bypasses(choice)) {
      bypassCount++
      return answerer.ask(request, askOptions)
    }
    const key = keyOf(request, choice)
    const cached = lookup(key)
    if (cached) return cached
    const response = await answerer.ask(request, askOptions)
    store(key, response, choice)
    return response
  }

  async function* stream(request: AskRequest, askOptions: AskOptions = {}): AsyncIterable<AnswerEvent> {
    const choice = askOptions.answerer ?? 'default'
    if (bypasses(choice)) {
      bypassCount++
      return yield* answerer.stream(request, askOptions)
    }
    const key = keyOf(request, choice)
    const cached = lookup(key)
    if (cached) {
      yield { type: 'passages', passages: cached.passages }
      yield* streamText(cached.answer, cached.citations, askOptions.signal)
      yield { type: 'answer', answer: cached }
      return
    }
    for await (const event of answerer.stream(request, askOptions)) {
      if (event.type === 'answer') store(key, event.answer, choice)
      yield event
    }
  }

  return { answerers: answerer.answerers, ask, stream, statistics: () => ({ ...cache.statistics(), bypasses: bypassCount }) }
}
