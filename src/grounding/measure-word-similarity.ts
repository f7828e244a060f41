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
  const left = sortedBigramsOf(first)
  const right = sortedBigramsOf(second)
  let shared = 0
  for (let leftIndex = 0, rightIndex = 0; leftIndex < left.length && rightIndex < right.length; ) {
    if (left[leftIndex] === right[rightIndex]) {
      shared++
      leftIndex++
      rightIndex++
    } else if (left[leftIndex]! < right[rightIndex]!) {
      leftIndex++
    } else {
      rightIndex++
    }
  }
  return (2 * shared) / (left.length + right.length)
}

// Skeletons recur across comparisons: each one's bigrams are listed and sorted once (bounded).
const BIGRAM_MEMO_SIZE = 50_000
const bigramsOfSkeleton = new Map<string, string[]>()

function sortedBigramsOf(text: string): string[] {
  let bigrams = bigramsOfSkeleton.get(text)
  if (!bigrams) {
    bigrams = []
    for (let index = 0; index + 1 < text.length; index++) bigrams.push(text.slice(index, index + 2))
    bigrams.sort()
    if (bigramsOfSkeleton.size >= BIGRAM_MEMO_SIZE) bigramsOfSkeleton.clear()
    bigramsOfSkeleton.set(text, bigrams)
  }
  return bigrams
}
