import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../src/grounding/analyze-text.js'
import { CLOSE_WORD_SIMILARITY, CloseWordIndex, measureWordSimilarity } from '../../src/grounding/measure-word-similarity.js'

// Made-up words: spelling variants (أمريكي/أميركي), derivations (قتل/مقتل), proclitics (بدعوة/دعوة),
// near-anagrams of a skeleton, digits and Latin words.
const VOCABULARY = [
  'الأمريكي', 'الأميركية', 'مقتل', 'قتل', 'المقتول', 'بدعوة', 'دعوة', 'الدعوات', 'لمؤتمر', 'مؤتمر', 'المؤتمرين', 'كتاب', 'بكتب',
  'الكاتب', 'مكتبة', 'ربا', 'بار', 'رابح', 'سلام', 'السلم', 'مسلمون', '2014', '20145', 'Obama', 'Obamas', 'report', 'reporting',
  'طنجة', 'طنجه', 'وطنجة', 'جنوب', 'الجنوبي', 'نجب',
]

const scanFinds = (word: Parameters<typeof measureWordSimilarity>[0], evidence: readonly Parameters<typeof measureWordSimilarity>[1][]) =>
  evidence.some((candidate) => measureWordSimilarity(word, candidate) >= CLOSE_WORD_SIMILARITY)

describe('CloseWordIndex', () => {
  it('should answer exactly as measuring the word against every indexed word', () => {
    const text = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 8 }).map((words) => words.join(' '))
    fc.assert(
      fc.property(text, text, (indexed, asked) => {
        const evidence = analyzeText(indexed).words
        const index = new CloseWordIndex(evidence)
        for (const word of analyzeText(asked).words) expect(index.hasCloseWord(word)).toBe(scanFinds(word, evidence))
      }),
      { numRuns: 300 },
    )
  })

  it('should find a spelling variant and a derivation but not an unrelated word', () => {
    const index = new CloseWordIndex(analyzeText('أعلن المسؤول الأمريكي مقتل القائد').words)
    const [variant, derived, unrelated] = analyzeText('الأميركي قتل السلام').words
    expect(index.hasCloseWord(variant!)).toBe(true)
    expect(index.hasCloseWord(derived!)).toBe(true)
    expect(index.hasCloseWord(unrelated!)).toBe(false)
  })
})
