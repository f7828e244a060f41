import type { ChunkOptions } from '../../chunk/corpus.js'
import type { SanadEmbeddings } from '../../embed/sanad-embeddings.js'
import { buildIndex } from '../../index/build-index.js'
import { HybridRetriever } from '../../retrieve/hybrid-retriever.js'
import type { RetrievalSystem } from '../retrieval-system.js'

/** sanad's own retrieval: its index built from the sources, and HybridRetriever (HNSW ⊕ BM25, fused) on the raw question. */
export function createSanadSystem(embeddings: SanadEmbeddings, chunker: ChunkOptions): RetrievalSystem {
  let retriever: HybridRetriever | null = null
  return {
    name: 'sanad',
    description: `buildIndex + HybridRetriever (hnswlib HNSW ⊕ BM25 over stems, reciprocal rank fusion), ${embeddings.id}`,
    async build(corpus) {
      const { index } = await buildIndex(corpus.sources, embeddings, { chunker })
      retriever = new HybridRetriever(index)
    },
    async search(question, k) {
      if (!retriever) throw new Error('build the sanad system first')
      return (await retriever.retrieve({ text: question, topK: k })).map((hit) => hit.label)
    },
  }
}
