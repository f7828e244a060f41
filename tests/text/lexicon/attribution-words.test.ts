import { describe, expect, it } from 'vitest'
import { ATTRIBUTION_PREPOSITIONS, isSpeechVerb, REPORTED_SPEECH_OPENERS, SPEECH_VERBS, STANCE_VERBS } from '../../../src/text/lexicon/attribution-words.js'
import { normalizeArabic } from '../../../src/text/normalize-arabic.js'

describe('the attribution lexicon', () => {
  it('should know verbs of saying in their forms, with a glued conjunction', () => {
    for (const word of ['قال', 'وقالت', 'فقال', 'يقول', 'أكد', 'وأوضح', 'أضاف', 'قائلا', 'said', 'announced']) expect(isSpeechVerb(normalizeArabic(word)), word).toBe(true)
    for (const word of ['قالب', 'كتاب', 'مقال', 'أعلام']) expect(isSpeechVerb(normalizeArabic(word)), word).toBe(false)
  })

  it('should keep verbs of stance apart from verbs of saying', () => {
    expect(STANCE_VERBS.has(normalizeArabic('رحبت'))).toBe(true)
    expect(SPEECH_VERBS.has(normalizeArabic('رحبت'))).toBe(false)
    expect(SPEECH_VERBS.has(normalizeArabic('أعلن'))).toBe(true)
  })

  it('should store its words normalized', () => {
    for (const word of [...SPEECH_VERBS, ...STANCE_VERBS, ...ATTRIBUTION_PREPOSITIONS, ...REPORTED_SPEECH_OPENERS]) expect(normalizeArabic(word)).toBe(word)
  })
})
