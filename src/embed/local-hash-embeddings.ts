import { Embeddings } from '@langchain/core/embeddings'
import { tokenize } from '../text/tokenize.js'
import { consonantSkeleton } from '../text/consonant-skeleton.js'

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
      this.addFeature(vector, `w:${token.stem}`, STEM_WEIGHT)
      if (token.isNumber) continue
      const skeleton = consonantSkeleton(token.stem)
      if (skeleton.length >= 2) this.addFeature(vector, `k:${skeleton}`, SKELETON_WEIGHT)
      const word = `<${token.stem}>`
      for (const size of NGRAM_SIZES) {
        const count = Math.max(1, word.length - size + 1)
        for (let index = 0; index + size <= word.length; index++) {
          this.addFeature(vector, `g:${word.slice(index, index + size)}`, NGRAM_WEIGHT / Math.sqrt(count))
        }
      }
    }
    let norm = 0
    for (const value of vector) norm += value * value
    norm = Math.sqrt(norm)
    if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index]! /= norm
    return vector
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => Array.from(this.embedSync(text)))
  }

  override async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embedSync(text))
  }

  private addFeature(vector: Float32Array, feature: string, weight: number): void {
    const hash = hashString(feature)
    const index = hash % this.dimensions
    vector[index]! += (hash & 0x80000000) === 0 ? weight : -weight
  }
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
