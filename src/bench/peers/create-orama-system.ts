import { create, insertMultiple, search, type Orama } from '@orama/orama'
import type { LocalHashEmbeddings } from '../../embed/local-hash-embeddings.js'
import type { RetrievalSystem } from '../retrieval-system.js'

const INSERT_BATCH = 1000

/**
 * Orama as its documentation sets up hybrid search: one document per chunk with its text (BM25 over
 * Orama's Arabic tokenizer, no stemmer: Orama ships none for Arabic) and sanad's local embedding as a
 * vector property (Orama searches vectors exhaustively); `mode: 'hybrid'` merges the two rankings.
 * The similarity floor is lowered to 0, since hashed embeddings rarely reach Orama's default of 0.8.
 */
export function createOramaSystem(embeddings: LocalHashEmbeddings, version: string): RetrievalSystem {
  const dimensions = embeddings.dimensions
  const schema = { text: 'string', embedding: `vector[${dimensions}]` } as const
  let database: Orama<typeof schema> | null = null
  return {
    name: 'Orama',
    description: `@orama/orama ${version}, hybrid (BM25, Arabic tokenizer ⊕ exhaustive cosine over ${embeddings.id})`,
    async build(corpus) {
      database = create({ schema, language: 'arabic' })
      for (let offset = 0; offset < corpus.chunkTexts.length; offset += INSERT_BATCH) {
        const texts = corpus.chunkTexts.slice(offset, offset + INSERT_BATCH)
        const documents = texts.map((text, position) => ({ id: String(offset + position), text, embedding: Array.from(embeddings.embedSync(text)) }))
        await insertMultiple(database, documents, INSERT_BATCH)
      }
    },
    async search(question, k) {
      if (!database) throw new Error('build the Orama system first')
      const result = await search(database, {
        mode: 'hybrid',
        term: question,
        vector: { value: Array.from(embeddings.embedSync(question)), property: 'embedding' },
        similarity: 0,
        limit: k,
      })
      return result.hits.map((hit) => Number(hit.id))
    },
  }
}
