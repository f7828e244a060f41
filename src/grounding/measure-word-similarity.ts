/** The forms of one word that similarity is measured on; see `describeWord`. */
export interface WordForms {
  normalized: string
  stem: string
  skeleton: string
  root: string
  /** The same forms without a proclitic Light10 keeps (بدعوة → دعوة, لمؤتمر → مؤتمر), when the word has one. */
  bare?: WordForms | null
}

/**
 * How alike two words are, from 1 (same stem) down to 0: a shared consonant skeleton absorbs
 * spelling variants (أمريكي/أميركي), a shared root guess absorbs derivation (مقتل/قتل), and
 * character-bigram overlap of skeletons absorbs the rest when it is high. A proclitic that the
 * stemmer keeps (ب ل ك ف) is looked past on either side.
 */
export function measureWordSimilarity(first: WordForms, second: WordForms): number {
  const direct = measureFormSimilarity(first, second)
  if (direct === 1 || (!first.bare && !second.bare)) return direct
  return Math.max(direct, first.bare ? measureFormSimilarity(first.bare, second) : 0, second.bare ? measureFormSimilarity(first, second.bare) : 0)
}

function measureFormSimilarity(first: WordForms, second: WordForms): number {
  if (first.stem === second.stem || first.normalized === second.normalized) return 1
  const isArabic = /[\u0621-\u064A]/.test(first.stem) && /[\u0621-\u064A]/.test(second.stem)
  if (!isArabic) return measureLatinSimilarity(first.stem, second.stem)
  if (first.skeleton.length >= 2 && first.skeleton === second.skeleton) return 0.9
  if (first.root.length >= 3 && first.root === second.root) return 0.85
  const shorter = Math.min(first.skeleton.length, second.skeleton.length)
  if (shorter < 3) return 0
  const overlap = diceOfBigrams(first.skeleton, second.skeleton)
  return overlap >= 0.7 ? overlap * 0.85 : 0
}

function measureLatinSimilarity(first: string, second: string): number {
  if (first.length < 4 || second.length < 4) return 0
  if (first.startsWith(second) || second.startsWith(first)) return Math.min(first.length, second.length) >= 5 ? 0.85 : 0
  const overlap = diceOfBigrams(first, second)
  return overlap >= 0.8 ? overlap * 0.85 : 0
}

// The Dice coefficient of the character-bigram multisets of two strings, unpadded: fairer to short stems.
function diceOfBigrams(first: string, second: string): number {
  if (first.length < 2 || second.length < 2) return first === second ? 1 : 0
  const counts = new Map<string, number>()
  for (let index = 0; index + 1 < first.length; index++) {
    const bigram = first.slice(index, index + 2)
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1)
  }
  let shared = 0
  for (let index = 0; index + 1 < second.length; index++) {
    const bigram = second.slice(index, index + 2)
    const count = counts.get(bigram) ?? 0
    if (count > 0) {
      shared++
      counts.set(bigram, count - 1)
    }
  }
  return (2 * shared) / (first.length - 1 + second.length - 1)
}
