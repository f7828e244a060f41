import { Embeddings } from '@langchain/core/embeddings'
import { tokenize } from '../text/tokenize.js'
import { consonantSkeleton } from '../text/consonant-skeleton.js'

interface WordFeatures {
  indices: Int32Array
  weights: Float64Array
}

// How many words' features are kept.
const WORD_FEATURES_MEMO = 50_000

/** Options of the model-free embedder. */
export interface LocalHashEmbeddingsOptions {
  dimensions?: number
}

const STEM_WEIGHT = 0.8
const SKELETON_WEIGHT = 1.2
const NGRAM_WEIGHT = 0.5
const NGRAM_SIZES = [2, 3, 4]

/**
 * A deterministic, model-free, Arabic-aware embedder: signed feature hashing of stemmed content
 * words and of character n-grams of the normalized words, L2-normalized. Spelling variants
 * (الأميركي/الأمريكي, اوباما/أوباما) share their consonant skeleton and most n-grams, so they land close.
 */
export class LocalHashEmbeddings extends Embeddings {
  readonly dimensions: number
  readonly id: string
  private readonly wordFeatures = new Map<string, WordFeatures>()

  constructor(options: LocalHashEmbeddingsOptions = {}) {
    super({})
    this.dimensions = options.dimensions ?? 512
    this.id = `local-hash-v1-${this.dimensions}`
  }

  /** Embeds one text synchronously; the async methods wrap this. */
  embedSync(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions)
    for (const token of tokenize(text)) {
      if (token.isStopword) continue
      const { indices, weights } = this.featuresOf(token.stem, token.isNumber)
      for (let feature = 0; feature < indices.length; feature++) vector[indices[feature]!]! += weights[feature]!
    }
    let norm = 0
    for (const value of vector) norm += value * value
    norm = Math.sqrt(norm)
    if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index]! /= norm
    return vector
  }

  // A word's hashed features, in the order they are added: the same for every text that has the word,
  // so they are worked out once per stem (a bounded memo).
  private featuresOf(stem: string, isNumber: boolean): WordFeatures {
    const key = isNumber ? `#${stem}` : stem
    let features = this.wordFeatures.get(key)
    if (features) return features
    const indices: number[] = []
    const weights: number[] = []
    const add = (feature: string, weight: number) => {
      const hash = hashString(feature)
      indices.push(hash % this.dimensions)
      weights.push((hash & 0x80000000) === 0 ? weight : -weight)
    }
    add(`w:${stem}`, STEM_WEIGHT)
    if (!isNumber) {
      const skeleton = consonantSkeleton(stem)
      if (skeleton.length >= 2) add(`k:${skeleton}`, SKELETON_WEIGHT)
      const word = `<${stem}>`
      for (const size of NGRAM_SIZES) {
        const count = Math.max(1, word.length - size + 1)
        for (let index = 0; index + size <= word.length; index++) add(`g:${word.slice(index, index + size)}`, NGRAM_WEIGHT / Math.sqrt(count))
      }
    }
    features = { indices: Int32Array.from(indices), weights: Float64Array.from(weights) }
    if (this.wordFeatures.size >= WORD_FEATURES_MEMO) this.wordFeatures.clear()
    this.wordFeatures.set(key, features)
    return features
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => toArray(this.embedSync(text)))
  }

  override async embedQuery(text: string): Promise<number[]> {
    return toArray(this.embedSync(text))
  }
}

// A plain array of the vector's numbers (Array.from walks a typed array through its iterator, several times slower).
function toArray(vector: Float32Array): number[] {
  const values = new Array<number>(vector.length)
  for (let index = 0; index < vector.length; index++) values[index] = vector[index]!
  return values
}

// FNV-1a, 32-bit: fast, stable across runs and platforms.
function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
