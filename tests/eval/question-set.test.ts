import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SanadError } from '../../src/errors/sanad-error.js'
import {
  loadQuestionSet,
  loadSupportPairs,
  type QuestionKind,
  type QuestionSet,
  type SupportPairSet,
} from '../../src/eval/question-set.js'

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

describe('support-pairs.json', () => {
  it('should hold at least 130 pairs with both labels well represented', () => {
    const supported = pairs.filter((pair) => pair.supported).length
    expect(pairs.length).toBeGreaterThanOrEqual(130)
    expect(supported / pairs.length).toBeGreaterThan(0.4)
    expect(supported / pairs.length).toBeLessThan(0.6)
  })

  it('should give every pair a unique id', () => {
    const ids = pairs.map((pair) => pair.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('should copy every passage exactly from the article', () => {
    const missing = pairs.filter((pair) => !article.includes(pair.passage)).map((pair) => pair.id)
    expect(missing).toEqual([])
  })

  it('should include English claims with both labels', () => {
    const english = pairs.filter((pair) => pair.perturbation === 'english')
    expect(english.length).toBeGreaterThanOrEqual(10)
    expect(new Set(english.map((pair) => pair.supported))).toEqual(new Set([true, false]))
  })

  it('should label every content-changing perturbation as unsupported', () => {
    const changing = new Set(['number', 'date', 'name', 'negation', 'unrelated', 'partial', 'entity-swap'])
    const mislabelled = pairs.filter((pair) => changing.has(pair.perturbation) && pair.supported).map((pair) => pair.id)
    expect(mislabelled).toEqual([])
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
