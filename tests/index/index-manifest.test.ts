import { describe, expect, it } from 'vitest'
import { INDEX_FILES, INDEX_FORMAT_VERSION, IndexManifestSchema, TEXT_PIPELINE_VERSION } from '../../src/index/index-manifest.js'

const manifest = {
  formatVersion: INDEX_FORMAT_VERSION,
  textPipelineVersion: TEXT_PIPELINE_VERSION,
  sources: [{ id: 'article', path: 'article.txt', title: 'دور المغرب في التحالف الدولي ضد الإرهاب', sha256: 'ab', carriesInstructions: false }],
  embedder: { id: 'local-hash-v1-512', dimensions: 512 },
  chunker: { maxCharacters: 600, overlapSentences: 1 },
  counts: { documents: 1, sentences: 41, chunks: 18 },
  files: { [INDEX_FILES.corpus]: 'cd' },
}

describe('IndexManifestSchema', () => {
  it('should accept a manifest of the present format', () => {
    expect(IndexManifestSchema.parse(manifest)).toEqual(manifest)
  })

  it('should refuse a manifest of another format version', () => {
    expect(IndexManifestSchema.safeParse({ ...manifest, formatVersion: INDEX_FORMAT_VERSION + 1 }).success).toBe(false)
  })

  it('should refuse an embedder without a positive dimension', () => {
    expect(IndexManifestSchema.safeParse({ ...manifest, embedder: { id: 'x', dimensions: 0 } }).success).toBe(false)
  })

  it('should refuse chunker settings out of bounds', () => {
    expect(IndexManifestSchema.safeParse({ ...manifest, chunker: { maxCharacters: 600, overlapSentences: 9 } }).success).toBe(false)
  })
})
