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
  const isArabic = hasArabicLetter(first.stem) && hasArabicLetter(second.stem)
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

// Whether a string has a letter of the Arabic block (U+0621–U+064A).
function hasArabicLetter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x0621 && code <= 0x064a) return true
  }
  return false
}

/** The similarity from which two words count as the same word: a shared skeleton or root guess, or more. */
export const CLOSE_WORD_SIMILARITY = 0.85

// The forms of a set of words, by the keys that decide a similarity of at least CLOSE_WORD_SIMILARITY.
interface CloseKeys {
  stems: Set<string>
  normalized: Set<string>
  skeletons: Set<string>
  roots: Set<string>
  bigrams: Set<string>
  /** Forms whose stem has no Arabic letter: compared one by one (digits, Latin words). */
  others: WordForms[]
  /** Every form, for a query form without Arabic letters (rare in Arabic sources). */
  everyForm: WordForms[]
}

/**
 * The words of a text, indexed so that "is one of them at least CLOSE_WORD_SIMILARITY alike to this
 * word?" is answered by look-ups rather than by measuring the word against each of them. At that
 * threshold `measureWordSimilarity` is met only by an equal stem or normalized form, or, between Arabic
 * stems, an equal skeleton, root guess or multiset of skeleton bigrams (a Dice coefficient of 1), or,
 * otherwise, by its Latin rules, which are checked word by word; the answer is the same as the scan's.
 */
export class CloseWordIndex {
  private readonly full = emptyKeys()
  private readonly bare = emptyKeys()

  constructor(words: Iterable<WordForms>) {
    for (const word of words) {
      addKeys(this.full, word)
      if (word.bare) addKeys(this.bare, word.bare)
    }
  }

  /** Whether some indexed word is at least CLOSE_WORD_SIMILARITY alike to `word` (as `measureWordSimilarity` measures). */
  hasCloseWord(word: WordForms): boolean {
    // measureWordSimilarity also compares each side's form without its proclitic with the other's whole form.
    return isCloseTo(this.full, word) || (word.bare ? isCloseTo(this.full, word.bare) : false) || isCloseTo(this.bare, word)
  }
}

function emptyKeys(): CloseKeys {
  return { stems: new Set(), normalized: new Set(), skeletons: new Set(), roots: new Set(), bigrams: new Set(), others: [], everyForm: [] }
}

function addKeys(keys: CloseKeys, form: WordForms): void {
  keys.stems.add(form.stem)
  keys.normalized.add(form.normalized)
  keys.everyForm.push(form)
  if (!hasArabicLetter(form.stem)) {
    keys.others.push(form)
    return
  }
  if (form.skeleton.length >= 2) keys.skeletons.add(form.skeleton)
  if (form.root.length >= 3) keys.roots.add(form.root)
  if (form.skeleton.length >= 3) keys.bigrams.add(sortedBigramsOf(form.skeleton).join('|'))
}

function isCloseTo(keys: CloseKeys, form: WordForms): boolean {
  if (keys.stems.has(form.stem) || keys.normalized.has(form.normalized)) return true
  if (hasArabicLetter(form.stem)) {
    if (form.skeleton.length >= 2 && keys.skeletons.has(form.skeleton)) return true
    if (form.root.length >= 3 && keys.roots.has(form.root)) return true
    if (form.skeleton.length >= 3 && keys.bigrams.has(sortedBigramsOf(form.skeleton).join('|'))) return true
    // Against a stem without Arabic letters only the Latin rules apply.
    return keys.others.some((other) => measureFormSimilarity(form, other) >= CLOSE_WORD_SIMILARITY)
  }
  // A form without Arabic letters is measured against every indexed form.
  return keys.everyForm.some((other) => measureFormSimilarity(form, other) >= CLOSE_WORD_SIMILARITY)
}
