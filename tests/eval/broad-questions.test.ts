import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { fingerprintHeldOut, isHeldOut, loadBroadQuestions } from '../../src/eval/broad-questions.js'

// Recorded when the held-out part was frozen, before any broad-question code was tuned; never update it.
const FROZEN_HELDOUT_FINGERPRINT = '4b9b685c6f14b81e46dde4bbf4a8fb058225fae33652b205e3fdb38e6b7a02aa'

async function articleText(docId: string): Promise<string> {
  const path = docId === 'article' ? new URL('../../index/sources/article.txt', import.meta.url) : new URL(`../../datasets/multi/articles/${docId}.txt`, import.meta.url)
  return readFile(path, 'utf8')
}

describe('datasets/multi/broad.json', () => {
  it('should hold at least 30 broad questions of every kind, in Arabic and English', async () => {
    const questions = await loadBroadQuestions()
    expect(questions.length).toBeGreaterThanOrEqual(30)
    expect(new Set(questions.map((question) => question.kind))).toEqual(new Set(['summary', 'main-points', 'speaker', 'list', 'timeline']))
    expect(questions.some((question) => question.language === 'en')).toBe(true)
  })

  it('should give gold points that are exact substrings of their article', async () => {
    for (const question of await loadBroadQuestions()) {
      const text = await articleText(question.docId)
      for (const point of question.goldPoints) expect(text.includes(point), `${question.id}: ${point}`).toBe(true)
    }
  })

  it('should keep the held-out part (health and sport) exactly as it was frozen', async () => {
    const questions = await loadBroadQuestions()
    expect(questions.filter(isHeldOut).length).toBe(12)
    expect(fingerprintHeldOut(questions)).toBe(FROZEN_HELDOUT_FINGERPRINT)
  })
})
