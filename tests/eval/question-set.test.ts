import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SanadError } from '../../src/errors/sanad-error.js'
import {
  HELD_OUT_SUPPORT_PAIRS_PATH,
  loadQuestionSet,
  loadSupportPairs,
  type QuestionKind,
  type QuestionSet,
  type SupportPairSet,
} from '../../src/eval/question-set.js'
import { isHeldOutSource } from '../../src/eval/split-support-pairs.js'

const ARTICLE_PATH = new URL('../../index/sources/article.txt', import.meta.url)

const MINIMUM_PER_KIND: Record<QuestionKind, number> = {
  factoid: 20,
  list: 6,
  paraphrase: 8,
  'spelling-variant': 6,
  'near-miss': 8,
  'out-of-domain': 5,
  injection: 5,
  'follow-up': 6,
  english: 18,
  'english-unanswerable': 6,
}

const ENGLISH_KINDS: ReadonlySet<QuestionKind> = new Set(['english', 'english-unanswerable'])

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

let article: string
let questions: QuestionSet
let pairs: SupportPairSet
let scratchDirectory: string

beforeAll(async () => {
  article = await readFile(ARTICLE_PATH, 'utf8')
  questions = await loadQuestionSet()
  pairs = await loadSupportPairs()
  scratchDirectory = await mkdtemp(join(tmpdir(), 'sanad-question-set-'))
})

afterAll(async () => {
  await rm(scratchDirectory, { recursive: true, force: true })
})

describe('questions.json', () => {
  it('should hold at least 90 questions, 62 Arabic and 24 English', () => {
    const byLanguage = countBy(questions, (question) => question.language)
    expect(questions.length).toBeGreaterThanOrEqual(90)
    expect(byLanguage.get('ar') ?? 0).toBeGreaterThanOrEqual(62)
    expect(byLanguage.get('en') ?? 0).toBeGreaterThanOrEqual(24)
  })

  it.each(Object.entries(MINIMUM_PER_KIND))('should hold enough %s questions', (kind, minimum) => {
    const count = questions.filter((question) => question.kind === kind).length
    expect(count).toBeGreaterThanOrEqual(minimum)
  })

  it('should give every question a unique id', () => {
    const ids = questions.map((question) => question.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('should write English kinds in English and every other kind in Arabic', () => {
    const mismatched = questions.filter(
      (question) => (question.language === 'en') !== ENGLISH_KINDS.has(question.kind),
    )
    expect(mismatched.map((question) => question.id)).toEqual([])
  })

  it('should give every follow-up, and only follow-ups, a history ending with an assistant turn', () => {
    const wrong = questions.filter((question) => {
      const history = question.history ?? []
      const endsWithAnswer = history.length >= 2 && history.at(-1)?.role === 'assistant'
      return question.kind === 'follow-up' ? !endsWithAnswer : history.length > 0
    })
    expect(wrong.map((question) => question.id)).toEqual([])
  })

  it('should give answerable questions answers and evidence, and unanswerable ones neither', () => {
    const inconsistent = questions.filter((question) =>
      question.answerable
        ? question.acceptableAnswers.length === 0 || question.goldEvidence.length === 0
        : question.acceptableAnswers.length > 0 || question.goldEvidence.length > 0,
    )
    expect(inconsistent.map((question) => question.id)).toEqual([])
  })

  it('should keep near-miss, out-of-domain and english-unanswerable questions unanswerable', () => {
    const refusalKinds: ReadonlySet<QuestionKind> = new Set(['near-miss', 'out-of-domain', 'english-unanswerable'])
    const answerable = questions.filter((question) => refusalKinds.has(question.kind) && question.answerable)
    expect(answerable.map((question) => question.id)).toEqual([])
  })

  it('should quote every gold evidence exactly from the article', () => {
    const missing = questions.flatMap((question) =>
      question.goldEvidence.filter((evidence) => !article.includes(evidence)).map((evidence) => `${question.id}: ${evidence}`),
    )
    expect(missing).toEqual([])
  })
})

describe('support-pairs.json and support-pairs.heldout.json', () => {
  let heldOut: SupportPairSet
  let sources: Map<string, string>

  beforeAll(async () => {
    heldOut = await loadSupportPairs(HELD_OUT_SUPPORT_PAIRS_PATH)
    const arcd = JSON.parse(await readFile(new URL('../../datasets/support-sources/arcd-paragraphs.json', import.meta.url), 'utf8')) as { id: string; paragraphs: string[] }[]
    sources = new Map([
      ['article', article],
      ...(await Promise.all(['economy', 'culture', 'politics', 'science'].map(async (id) => [id, await readFile(new URL(`../../datasets/multi/articles/${id}.txt`, import.meta.url), 'utf8')] as [string, string]))),
      ...arcd.map((entry): [string, string] => [entry.id, entry.paragraphs.join('\n')]),
    ])
  })

  it('should hold at least 600 pairs, a held-out part of at least a quarter, and both labels well represented in each', () => {
    expect(pairs.length + heldOut.length).toBeGreaterThanOrEqual(600)
    expect(heldOut.length / (pairs.length + heldOut.length)).toBeGreaterThan(0.25)
    for (const part of [pairs, heldOut]) {
      const supported = part.filter((pair) => pair.supported).length / part.length
      expect(supported).toBeGreaterThan(0.3)
      expect(supported).toBeLessThan(0.7)
    }
  })

  it('should give every pair a unique id across both parts', () => {
    const ids = [...pairs, ...heldOut].map((pair) => pair.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('should hold out whole documents, by the hash rule, and never the seed article', () => {
    expect(heldOut.every((pair) => pair.source !== undefined && isHeldOutSource(pair.source))).toBe(true)
    expect(pairs.every((pair) => !isHeldOutSource(pair.source ?? 'article'))).toBe(true)
    expect(new Set(heldOut.map((pair) => pair.source)).has('article')).toBe(false)
    expect(new Set(heldOut.map((pair) => pair.source)).size).toBeGreaterThanOrEqual(10)
  })

  it('should copy every passage exactly from its source document', () => {
    const missing = [...pairs, ...heldOut].filter((pair) => !sources.get(pair.source ?? 'article')?.includes(pair.passage)).map((pair) => pair.id)
    expect(missing).toEqual([])
  })

  it('should include English claims, questions and hand-written pairs with both labels in both parts', () => {
    for (const part of [pairs, heldOut]) {
      for (const subset of [part.filter((pair) => pair.perturbation === 'english'), part.filter((pair) => pair.question), part.filter((pair) => pair.origin === 'hand')]) {
        expect(subset.length).toBeGreaterThanOrEqual(10)
        expect(new Set(subset.map((pair) => pair.supported))).toEqual(new Set([true, false]))
      }
    }
  })

  it('should label every content-changing perturbation as unsupported, and verbatim ones as supported', () => {
    const changing = new Set(['number', 'date', 'name', 'negation', 'unrelated', 'partial', 'entity-swap', 'organisation', 'event-contradiction', 'antonym', 'off-question'])
    const verbatim = new Set(['none', 'clause', 'on-question'])
    const mislabelled = [...pairs, ...heldOut].filter((pair) => (changing.has(pair.perturbation) && pair.supported) || (verbatim.has(pair.perturbation) && !pair.supported)).map((pair) => pair.id)
    expect(mislabelled).toEqual([])
  })

  it('should cover swaps in inflected forms, event contradictions and off-question answers', () => {
    const all = [...pairs, ...heldOut]
    const count = (perturbation: string) => all.filter((pair) => pair.perturbation === perturbation).length
    expect(count('entity-swap')).toBeGreaterThanOrEqual(60)
    expect(count('event-contradiction') + count('antonym')).toBeGreaterThanOrEqual(40)
    expect(count('off-question')).toBeGreaterThanOrEqual(40)
    // Feminine, definite and clitic forms of nationality adjectives are among the swaps.
    expect(all.some((pair) => pair.perturbation === 'entity-swap' && /(^|\s)(ال|وال|بال|لل)\S+ية(\s|$)/.test(pair.claim))).toBe(true)
  })
})

describe('loaders', () => {
  it('should reject a question set with a duplicate id', async () => {
    const path = join(scratchDirectory, 'duplicate-questions.json')
    const first = questions[0]
    await writeFile(path, JSON.stringify([first, first]))
    await expect(loadQuestionSet(path)).rejects.toSatisfy(
      (error) => SanadError.isInstance(error) && error.code === 'config_invalid',
    )
  })

  it('should reject an unanswerable question that carries gold evidence', async () => {
    const path = join(scratchDirectory, 'inconsistent-question.json')
    const answerable = questions.find((question) => question.answerable)
    await writeFile(path, JSON.stringify([{ ...answerable, answerable: false }]))
    await expect(loadQuestionSet(path)).rejects.toSatisfy(
      (error) => SanadError.isInstance(error) && error.code === 'config_invalid',
    )
  })

  it('should reject a support pair with an unknown field', async () => {
    const path = join(scratchDirectory, 'extra-field-pairs.json')
    await writeFile(path, JSON.stringify([{ ...pairs[0], score: 1 }]))
    await expect(loadSupportPairs(path)).rejects.toSatisfy(
      (error) => SanadError.isInstance(error) && error.code === 'config_invalid',
    )
  })

  it('should reject a file that does not exist', async () => {
    await expect(loadSupportPairs(join(scratchDirectory, 'missing.json'))).rejects.toSatisfy(
      (error) => SanadError.isInstance(error) && error.code === 'config_invalid',
    )
  })
})
