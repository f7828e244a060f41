import { createSeededRandom, deriveSeed } from './create-seeded-random.js'

/** What synthetic documents are recombined from: the sentences and section headings of a real article. */
export interface SyntheticMaterial {
  sentences: readonly string[]
  headings: readonly string[]
}

/** One synthetic source file. */
export interface SyntheticDocument {
  fileName: string
  text: string
}

/** How synthetic documents are drawn. */
export interface SyntheticDocumentOptions {
  seed: number
  /** How many documents to yield at most; the caller may stop earlier. */
  count: number
  /** The share of content words replaced by recombined words (default 0.35). */
  replacementRate?: number
}

const CONTENT_WORD = /^[\u0621-\u064A]{4,}$/u
const SENTENCES_PER_DOCUMENT = { min: 28, max: 52 }
const SENTENCES_PER_PARAGRAPH = { min: 1, max: 4 }
const PARAGRAPHS_PER_SECTION = 3
// The recombined vocabulary open to document i has about VOCABULARY_SCALE·√(i+1) words, so the corpus
// vocabulary keeps growing with its size (Heaps' law) instead of every term's posting list growing linearly.
const VOCABULARY_SCALE = 2000

/**
 * Yields deterministic news-like documents made of the material's sentences, shuffled and recombined:
 * about a third of the content words are swapped for words spliced from two article words, drawn with
 * a Zipf-like (log-uniform rank) law over a vocabulary that grows with the corpus. Document i depends
 * only on the seed and i, so a smaller corpus is a prefix of a larger one.
 */
export function* generateSyntheticDocuments(material: SyntheticMaterial, options: SyntheticDocumentOptions): Generator<SyntheticDocument> {
  if (material.sentences.length === 0) throw new Error('synthetic documents need at least one sentence')
  const contentWords = [...new Set(material.sentences.flatMap((sentence) => splitWords(sentence)).map(stripPunctuation).filter((word) => CONTENT_WORD.test(word)))].sort()
  const replacementRate = options.replacementRate ?? 0.35
  const width = String(Math.max(options.count - 1, 0)).length

  for (let documentIndex = 0; documentIndex < options.count; documentIndex++) {
    const random = createSeededRandom(deriveSeed(options.seed, documentIndex))
    const vocabularySize = Math.max(2, Math.round(VOCABULARY_SCALE * Math.sqrt(documentIndex + 1)))
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const between = (range: { min: number; max: number }) => range.min + Math.floor(random() * (range.max - range.min + 1))

    const recombine = (sentence: string): string =>
      splitWords(sentence)
        .map((word) => {
          const bare = stripPunctuation(word)
          if (contentWords.length < 2 || !CONTENT_WORD.test(bare) || random() >= replacementRate) return word
          const rank = Math.floor(Math.exp(random() * Math.log(vocabularySize)))
          return word.replace(bare, spliceWord(contentWords, rank))
        })
        .join(' ')

    const titleWords = splitWords(recombine(pick(material.sentences))).slice(0, 4 + Math.floor(random() * 5))
    const lines = [titleWords.map(stripPunctuation).join(' '), '']
    const sentenceCount = between(SENTENCES_PER_DOCUMENT)
    let written = 0
    for (let paragraph = 0; written < sentenceCount; paragraph++) {
      if (paragraph > 0 && paragraph % PARAGRAPHS_PER_SECTION === 0 && material.headings.length > 0) lines.push(pick(material.headings))
      const size = Math.min(between(SENTENCES_PER_PARAGRAPH), sentenceCount - written)
      const sentences: string[] = []
      for (let index = 0; index < size; index++) sentences.push(recombine(pick(material.sentences)))
      lines.push(sentences.join(' '))
      written += size
    }
    yield { fileName: `synthetic-${String(documentIndex).padStart(width, '0')}.txt`, text: `${lines.join('\n')}\n` }
  }
}

// Word r of the recombined vocabulary: the first half of one article word and the second half of another.
function spliceWord(contentWords: readonly string[], rank: number): string {
  const head = contentWords[rank % contentWords.length]!
  // Half a turn plus the head's position: one-to-one for each head, and never a word spliced with itself.
  const count = contentWords.length
  const tail = contentWords[(rank + Math.floor(rank / count) + 1 + Math.floor(count / 2)) % count]!
  return head.slice(0, Math.ceil(head.length / 2)) + tail.slice(Math.floor(tail.length / 2))
}

function splitWords(sentence: string): string[] {
  return sentence.trim().split(/\s+/u).filter(Boolean)
}

function stripPunctuation(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
}
