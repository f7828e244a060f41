import { describe, expect, it } from 'vitest'
import { SourceDocumentSchema } from '../../src/source/source-document.js'

describe('SourceDocumentSchema', () => {
  it('should accept a document with id, title, path, sha256 and text', () => {
    const document = { id: 'article', title: 'دور المغرب', path: 'article.txt', sha256: 'ab', text: 'نص' }
    expect(SourceDocumentSchema.parse(document)).toEqual(document)
  })

  it('should reject a document without its text', () => {
    expect(SourceDocumentSchema.safeParse({ id: 'article', title: 'دور المغرب', path: 'article.txt', sha256: 'ab' }).success).toBe(false)
  })
})
