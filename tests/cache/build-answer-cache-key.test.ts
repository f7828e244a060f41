import { describe, expect, it } from 'vitest'
import { buildAnswerCacheKey, normalizeQuestionForCache } from '../../src/cache/build-answer-cache-key.js'

const question = 'متى افتتح المتحف؟'
const key = (request: Parameters<typeof buildAnswerCacheKey>[0], choice: Parameters<typeof buildAnswerCacheKey>[1] = 'default', checksum = 'index-1') =>
  buildAnswerCacheKey(request, choice, checksum)

describe('normalizeQuestionForCache', () => {
  it('should trim, but keep inner spacing, which the answerer reads', () => {
    expect(normalizeQuestionForCache(`  ${question} `)).toBe(question)
    expect(normalizeQuestionForCache('متى  افتتح المتحف؟')).toBe('متى  افتتح المتحف؟')
  })

  it('should compose decomposed letters (NFC)', () => {
    expect(normalizeQuestionForCache('\u0627\u0653')).toBe('\u0622')
  })
})

describe('buildAnswerCacheKey', () => {
  it('should give the same key to the same question composed otherwise or with spaces around it', () => {
    expect(key({ question: ` ${question.normalize('NFD')}  ` })).toBe(key({ question }))
  })

  it('should treat the documents filter as a set', () => {
    expect(key({ question, documents: ['beta', 'alpha', 'beta'] })).toBe(key({ question, documents: ['alpha', 'beta'] }))
  })

  it('should give another key for another documents filter, history, topK, answerer or index', () => {
    const keys = [
      key({ question }),
      key({ question, documents: ['alpha'] }),
      key({ question, documents: ['beta'] }),
      key({ question, history: [{ role: 'user', content: 'من افتتح المتحف؟' }] }),
      key({ question, history: [{ role: 'user', content: 'من افتتح الجسر؟' }] }),
      key({ question, history: [{ role: 'assistant', content: 'من افتتح الجسر؟' }] }),
      key({ question, topK: 3 }),
      key({ question }, 'extractive'),
      key({ question }, 'llm'),
      key({ question }, 'default', 'index-2'),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('should keep the parts apart, so text moved from one part to another is another key', () => {
    expect(key({ question: 'a', history: [{ role: 'user', content: 'b' }] })).not.toBe(key({ question: 'b', history: [{ role: 'user', content: 'a' }] }))
    expect(key({ question: 'a","b' })).not.toBe(key({ question: 'a', documents: ['b'] }))
  })
})
