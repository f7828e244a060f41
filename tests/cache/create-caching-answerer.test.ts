import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AskRequest, AskResponse } from '../../src/answer/answer-schemas.js'
import type { AnswerEvent, AskOptions, QuestionAnswerer } from '../../src/answer/question-answerer.js'
import { normalizeQuestionForCache } from '../../src/cache/build-answer-cache-key.js'
import { createCachingAnswerer, encodeAskResponse, type CachedAnswer } from '../../src/cache/create-caching-answerer.js'
import { LruByteCache } from '../../src/cache/lru-byte-cache.js'
import { composeSanad, type Sanad } from '../../src/compose-sanad.js'
import { loadConfig } from '../../src/config/load-config.js'
import { computeIndexChecksum } from '../../src/index/compute-index-checksum.js'
import { loadQuestionSet } from '../../src/eval/question-set.js'
import { copyIndexDirectory } from '../support/load-test-index.js'

// Made-up sources: two documents that answer the same question differently, and two events for follow-ups.
const MUSEUM_ALPHA = 'متحف المدينة\n\nافتتح متحف المدينة أبوابه للزوار في عام 1990 بعد سنوات من الترميم. يضم المتحف مخطوطات نادرة وخرائط قديمة.\n'
const MUSEUM_BETA = 'متحف الساحل\n\nافتتح متحف الساحل أبوابه للزوار في عام 2005 بعد حملة تبرعات. يعرض المتحف سفنا خشبية وأدوات صيد.\n'
const EVENTS = 'أحداث العام\n\nأعلن وزير التعليم خطة المدارس الجديدة في مارس 2010. وافتتح رئيس البلدية الجسر الكبير في يونيو 2015.\n'

const temporaryFolders: string[] = []
afterAll(async () => {
  for (const folder of temporaryFolders) await rm(folder, { recursive: true, force: true })
})

// The real pipeline, without its own cache, over an index built from the given sources (id → text).
async function composeUncached(texts: Record<string, string>): Promise<Sanad> {
  const folder = await mkdtemp(join(tmpdir(), 'sanad-cache-'))
  temporaryFolders.push(folder)
  await mkdir(join(folder, 'sources'))
  for (const [id, text] of Object.entries(texts)) await writeFile(join(folder, 'sources', `${id}.txt`), text)
  return composeSanad(loadConfig({ INDEX_DIR: folder, ANSWER_CACHE_BYTES: '0' }))
}

// Counts the calls that reach the wrapped answerer.
function countCalls(answerer: QuestionAnswerer): QuestionAnswerer & { calls: number } {
  const counted = {
    answerers: answerer.answerers,
    calls: 0,
    ask: (request: AskRequest, options?: AskOptions) => {
      counted.calls++
      return answerer.ask(request, options)
    },
    stream: (request: AskRequest, options?: AskOptions) => {
      counted.calls++
      return answerer.stream(request, options)
    },
  }
  return counted
}

// An answer without its timings, which differ from run to run.
const content = ({ timingsMs: _timings, ...answer }: AskResponse) => answer

async function collect(events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> {
  const collected: AnswerEvent[] = []
  for await (const event of events) collected.push(event)
  return collected
}

describe('createCachingAnswerer over the real pipeline', () => {
  let museums: Sanad
  let events: Sanad
  beforeAll(async () => {
    museums = await composeUncached({ alpha: MUSEUM_ALPHA, beta: MUSEUM_BETA })
    events = await composeUncached({ events: EVENTS })
  })

  const wrap = (sanad: Sanad, cache = new LruByteCache<CachedAnswer>(1 << 20)) => {
    const inner = countCalls(sanad.answerer)
    return { inner, cache, cached: createCachingAnswerer(inner, { cache, indexChecksum: computeIndexChecksum(sanad.index.manifest), llmSamples: false }) }
  }

  it('should answer a repeated question from the cache, with the same answer and its own timings', async () => {
    const { inner, cached } = wrap(museums)
    const first = await cached.ask({ question: 'متى افتتح متحف المدينة؟' })
    const second = await cached.ask({ question: '  متى افتتح متحف المدينة؟ ' })
    expect(inner.calls).toBe(1)
    expect(first.answered).toBe(true)
    expect(content(second)).toEqual(content(first))
    expect(Object.keys(second.timingsMs)).toEqual(['cache', 'total'])
    expect(cached.statistics()).toMatchObject({ hits: 1, misses: 1, entries: 1 })
  })

  it('should encode a cached answer to the same JSON as the answer object, timings included', async () => {
    const { cached } = wrap(museums)
    const question = 'ماذا يعرض متحف الساحل؟'
    const first = await cached.ask({ question })
    const hit = await cached.ask({ question })
    expect(JSON.parse(encodeAskResponse(first).toString('utf8'))).toEqual(first)
    expect(JSON.parse(encodeAskResponse(hit).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(hit)))
    expect(encodeAskResponse(hit).toString('utf8')).toBe(JSON.stringify(hit))
  })

  it('should keep a separate entry for each documents filter, each as the uncached answerer gives it', async () => {
    const { inner, cached } = wrap(museums)
    const question = 'في أي عام افتتح المتحف أبوابه للزوار؟'
    const alpha = await cached.ask({ question, documents: ['alpha'] })
    const beta = await cached.ask({ question, documents: ['beta'] })
    expect(inner.calls).toBe(2)
    expect(alpha.answer).toContain('1990')
    expect(beta.answer).toContain('2005')
    expect(content(await cached.ask({ question, documents: ['beta'] }))).toEqual(content(await museums.answerer.ask({ question, documents: ['beta'] })))
    expect(inner.calls).toBe(2)
  })

  it('should keep a separate entry for each history of a follow-up', async () => {
    const { inner, cached } = wrap(events)
    const followUp = 'ومتى حدث ذلك؟'
    const histories = [
      [{ role: 'user' as const, content: 'من أعلن خطة المدارس الجديدة؟' }],
      [{ role: 'user' as const, content: 'من افتتح الجسر الكبير؟' }],
    ]
    const answers = []
    for (const history of histories) {
      const answer = await cached.ask({ question: followUp, history })
      expect(content(answer)).toEqual(content(await events.answerer.ask({ question: followUp, history })))
      answers.push(answer)
    }
    expect(inner.calls).toBe(2)
    expect(answers[0]!.answer).toContain('2010')
    expect(answers[1]!.answer).toContain('2015')
  })

  it('should never serve an answer of an index that was rebuilt since, even from a shared cache', async () => {
    const before = await composeUncached({ alpha: MUSEUM_ALPHA })
    const after = await composeUncached({ alpha: MUSEUM_ALPHA.replace('1990', '1994') })
    expect(computeIndexChecksum(after.index.manifest)).not.toBe(computeIndexChecksum(before.index.manifest))
    const cache = new LruByteCache<CachedAnswer>(1 << 20)
    const question = 'متى افتتح متحف المدينة؟'
    expect((await wrap(before, cache).cached.ask({ question })).answer).toContain('1990')
    const rebuilt = wrap(after, cache)
    const answer = await rebuilt.cached.ask({ question })
    expect(rebuilt.inner.calls).toBe(1)
    expect(answer.answer).toContain('1994')
    expect(answer.answer).not.toContain('1990')
  })

  it('should replay a cached answer as a stream: passages, the text with its citations, then the answer', async () => {
    const { inner, cached } = wrap(museums)
    const question = 'متى افتتح متحف الساحل؟'
    const fresh = await collect(cached.stream({ question }))
    const replayed = await collect(cached.stream({ question }))
    expect(inner.calls).toBe(1)
    const text = (events: AnswerEvent[]) => events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('')
    const citations = (events: AnswerEvent[]) => events.flatMap((event) => (event.type === 'citation' ? [event.citation] : []))
    const answerOf = (events: AnswerEvent[]) => (events.at(-1) as Extract<AnswerEvent, { type: 'answer' }>).answer
    expect(replayed[0]).toEqual(fresh[0])
    expect(replayed[0]!.type).toBe('passages')
    expect(text(replayed)).toBe(answerOf(fresh).answer)
    expect(citations(replayed)).toEqual(citations(fresh))
    expect(content(answerOf(replayed))).toEqual(content(answerOf(fresh)))
    // ask and stream share entries.
    expect(content(await cached.ask({ question }))).toEqual(content(answerOf(fresh)))
    expect(inner.calls).toBe(1)
  })

  it('should store nothing for a stream that was abandoned before its answer', async () => {
    const { cached } = wrap(museums)
    for await (const event of cached.stream({ question: 'ماذا يضم متحف المدينة؟' })) {
      expect(event.type).toBe('passages')
      break
    }
    expect(cached.statistics().entries).toBe(0)
  })
})

describe('createCachingAnswerer with a model', () => {
  // A stand-in for the LLM configuration: each call gives a new answer, as sampling would.
  function createSamplingAnswerer(fallback: string | null = null): QuestionAnswerer & { calls: number } {
    let calls = 0
    const answerFor = (request: AskRequest, options: AskOptions = {}): AskResponse => ({
      answered: true,
      answer: `${request.question} → ${++calls}`,
      shortAnswer: null,
      citations: [],
      passages: [],
      related: [],
      grounding: { score: 1, supported: true, explanation: '' },
      language: 'ar',
      questionKind: 'factoid',
      answerer: options.answerer === 'extractive' ? 'extractive' : 'llm',
      fallback: options.answerer === 'extractive' ? null : fallback,
      refusalReason: null,
      timingsMs: { total: 1 },
    })
    return {
      answerers: ['extractive', 'llm'],
      get calls() {
        return calls
      },
      ask: async (request, options) => answerFor(request, options),
      async *stream(request, options) {
        yield { type: 'answer', answer: answerFor(request, options) }
      },
    }
  }

  it('should go around the cache for the model when it samples, and still cache extractive answers', async () => {
    const inner = createSamplingAnswerer()
    const cached = createCachingAnswerer(inner, { cache: new LruByteCache(1 << 20), indexChecksum: 'x', llmSamples: true })
    const first = await cached.ask({ question: 'س' })
    const second = await cached.ask({ question: 'س' }, { answerer: 'llm' })
    expect(second.answer).not.toBe(first.answer)
    await cached.ask({ question: 'س' }, { answerer: 'extractive' })
    await cached.ask({ question: 'س' }, { answerer: 'extractive' })
    expect(inner.calls).toBe(3)
    expect(cached.statistics()).toMatchObject({ bypasses: 2, hits: 1, misses: 1 })
  })

  it('should cache a greedy model answer, but not one that fell back to extraction after a model fault', async () => {
    const greedy = createSamplingAnswerer()
    const cachedGreedy = createCachingAnswerer(greedy, { cache: new LruByteCache(1 << 20), indexChecksum: 'x', llmSamples: false })
    await cachedGreedy.ask({ question: 'س' })
    await cachedGreedy.ask({ question: 'س' })
    expect(greedy.calls).toBe(1)

    const failing = createSamplingAnswerer('model_timeout')
    const cachedFailing = createCachingAnswerer(failing, { cache: new LruByteCache(1 << 20), indexChecksum: 'x', llmSamples: false })
    await cachedFailing.ask({ question: 'س' })
    await collect(cachedFailing.stream({ question: 'س' }))
    expect(failing.calls).toBe(2)
    expect(cachedFailing.statistics().entries).toBe(0)
  })
})

describe("the cache key's question normalization", () => {
  // The cache may only merge questions the answerer cannot tell apart: checked over the whole question set.
  it('should merge only spellings that the answerer answers identically', async () => {
    const directory = await copyIndexDirectory()
    const sanad = await composeSanad(loadConfig({ INDEX_DIR: directory, ANSWER_CACHE_BYTES: '0' }))
    const questions = await loadQuestionSet()
    expect(questions.length).toBeGreaterThan(50)
    // Hamza letters (أ إ آ ؤ ئ) decompose, so many questions are spelled differently in NFD.
    expect(questions.filter(({ question }) => question.normalize('NFD') !== question).length).toBeGreaterThan(questions.length / 3)
    for (const { question, history } of questions) {
      const decomposed = question.normalize('NFD')
      expect(normalizeQuestionForCache(decomposed)).toBe(normalizeQuestionForCache(question))
      const request = history ? { history } : {}
      expect(content(await sanad.answerer.ask({ question: decomposed, ...request })), question).toEqual(content(await sanad.answerer.ask({ question, ...request })))
    }
  }, 60_000)
})
