import type { CorpusVocabulary, VocabularyWord } from './corpus-vocabulary.js'

// How Latin letters and digraphs of a name are usually written in (normalized) Arabic, likeliest first.
// Vowels may be written as a long vowel letter or not at all; ة is ه after normalization.
const DIGRAPHS: Record<string, readonly string[]> = {
  sh: ['ش'], ch: ['تش', 'ش'], th: ['ث', 'ت'], kh: ['خ'], gh: ['غ', 'ج'], ph: ['ف'], dh: ['ذ', 'د'], ck: ['ك'],
  qu: ['ك', 'كو'], ou: ['و'], oo: ['و'], ee: ['ي'], ea: ['ي'], ie: ['ي'], ey: ['ي', 'اي'], ay: ['اي', 'ي'], ai: ['اي', 'ي'],
  aa: ['ع', 'ا', 'اع'],
}
const LETTERS: Record<string, readonly string[]> = {
  b: ['ب'], c: ['ك', 'س'], d: ['د', 'ض'], f: ['ف'], g: ['غ', 'ج', 'ك'], h: ['ه', 'ح', ''], j: ['ج'], k: ['ك', 'ق'],
  l: ['ل'], m: ['م'], n: ['ن'], p: ['ب'], q: ['ق', 'ك'], r: ['ر'], s: ['س', 'ز', 'ص'], t: ['ت', 'ط'], v: ['ف'],
  w: ['و'], x: ['كس'], y: ['ي'], z: ['ز'],
  a: ['ا', ''], e: ['', 'ي'], i: ['ي', ''], o: ['و', ''], u: ['و', ''],
}
const INITIAL: Record<string, readonly string[]> = { a: ['ا', 'ع'], e: ['ا', 'اي'], i: ['ا', 'اي'], o: ['او', 'ا'], u: ['او', 'ا'] }
const FINAL: Record<string, readonly string[]> = { a: ['ا', 'ه'], ah: ['ه', 'ا'], e: ['', 'ي'], i: ['ي'], y: ['ي'], o: ['و'] }
const MAXIMUM_SPELLINGS = 512

/**
 * The Arabic spellings (normalized) a Latin-script name is likely written with: "Obama" → "اوباما",
 * "Jeddah" → "جده", "Argana" → "اركانه", among a few hundred candidates at most.
 */
export function spellInArabic(name: string): string[] {
  const letters = name.toLowerCase().replace(/['’]s$/, '').replace(/[^a-z]/g, '')
  // A doubled consonant is written once; a doubled vowel (Saad) may stand for ع, so it stays.
  const collapsed = letters.replace(/([^aeiou])\1+/g, '$1')
  if (collapsed.length === 0) return []
  let spellings = ['']
  for (let position = 0; position < collapsed.length; ) {
    const rest = collapsed.slice(position)
    let options: readonly string[]
    let length = 1
    // Own keys only: "constructor" must not find Object.prototype's.
    const initial = position === 0 ? lookUp(INITIAL, rest[0]!) : undefined
    const digraph = lookUp(DIGRAPHS, rest.slice(0, 2))
    const final = lookUp(FINAL, rest)
    if (initial && !digraph) {
      options = initial
    } else if (final) {
      options = final
      length = rest.length
    } else if (digraph) {
      options = digraph
      length = 2
    } else {
      options = lookUp(LETTERS, rest[0]!) ?? ['']
    }
    position += length
    const next = new Set<string>()
    for (const spelling of spellings) for (const option of options) next.add(spelling + option)
    spellings = [...next].slice(0, MAXIMUM_SPELLINGS)
  }
  return [...new Set(spellings)].filter((spelling) => spelling.length >= 2)
}

// Names are compared against the same words again and again: each word's bigrams are kept (bounded).
const BIGRAM_MEMO_SIZE = 20_000
const bigramsOfWord = new Map<string, Set<string>>()

function bigramsOf(word: string): Set<string> {
  let bigrams = bigramsOfWord.get(word)
  if (bigrams) return bigrams
  const padded = `^${word}$`
  bigrams = new Set<string>()
  for (let index = 0; index + 2 <= padded.length; index++) bigrams.add(padded.slice(index, index + 2))
  if (bigramsOfWord.size >= BIGRAM_MEMO_SIZE) bigramsOfWord.clear()
  bigramsOfWord.set(word, bigrams)
  return bigrams
}

/** Dice similarity of the character bigrams of two words (with start and end marks), 0 to 1. */
export function measureBigramSimilarity(left: string, right: string): number {
  const leftBigrams = bigramsOf(left)
  const rightBigrams = bigramsOf(right)
  let shared = 0
  for (const bigram of leftBigrams) if (rightBigrams.has(bigram)) shared++
  return (2 * shared) / (leftBigrams.size + rightBigrams.size)
}

/** How well an Arabic word (normalized) may be a spelling of a Latin-script name, 0 to 1. */
export function measureNameSimilarity(name: string, arabic: string): number {
  let best = 0
  for (const spelling of spellInArabic(name)) best = Math.max(best, measureBigramSimilarity(spelling, arabic))
  return best
}

interface BigramIndex {
  forms: { word: VocabularyWord; form: string; size: number }[]
  postings: Map<string, number[]>
}

const bigramIndexes = new WeakMap<CorpusVocabulary, BigramIndex>()

function bigramIndexOf(vocabulary: CorpusVocabulary): BigramIndex {
  let index = bigramIndexes.get(vocabulary)
  if (index) return index
  index = { forms: [], postings: new Map() }
  for (const word of vocabulary.words()) {
    for (const form of new Set([word.normalized, word.bare])) {
      if (form.length < 2) continue
      const position = index.forms.length
      const bigrams = bigramsOf(form)
      index.forms.push({ word, form, size: bigrams.size })
      for (const bigram of bigrams) {
        const list = index.postings.get(bigram)
        if (list) list.push(position)
        else index.postings.set(bigram, [position])
      }
    }
  }
  bigramIndexes.set(vocabulary, index)
  return index
}

/** A word of the sources that a name may be written as, and how similar its spelling is. */
export interface NameMatch {
  word: VocabularyWord
  similarity: number
}

/**
 * The words of the sources that a Latin-script name is likely written as (Obama → اوباما,
 * Foley → فولي, Abbottabad → أبوتاباد), best first: each Arabic spelling of the name is compared with
 * each word form, with and without its proclitics, by character-bigram Dice similarity.
 */
export function transliterateName(name: string, vocabulary: CorpusVocabulary, minimumSimilarity = 0.75): NameMatch[] {
  const index = bigramIndexOf(vocabulary)
  const best = new Map<VocabularyWord, number>()
  for (const spelling of spellInArabic(name)) {
    const bigrams = bigramsOf(spelling)
    const shared = new Map<number, number>()
    for (const bigram of bigrams) for (const position of index.postings.get(bigram) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1)
    for (const [position, count] of shared) {
      const { word, size } = index.forms[position]!
      const similarity = (2 * count) / (bigrams.size + size)
      if (similarity >= minimumSimilarity && similarity > (best.get(word) ?? 0)) best.set(word, similarity)
    }
  }
  return [...best]
    .map(([word, similarity]) => ({ word, similarity }))
    .sort((left, right) => right.similarity - left.similarity || right.word.count - left.word.count)
}

function lookUp(table: Readonly<Record<string, readonly string[]>>, key: string): readonly string[] | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
