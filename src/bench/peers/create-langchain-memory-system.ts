import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory'
import { Document } from '@langchain/core/documents'
import type { SanadEmbeddings } from '../../embed/sanad-embeddings.js'
import type { RetrievalSystem } from '../retrieval-system.js'

const ADD_BATCH = 1000

/**
 * LangChain's in-memory vector store (from @langchain/classic, where LangChain 1.x keeps it) with sanad's
 * local embeddings, queried as a plain retrieval chain: `store.asRetriever({ k }).invoke(question)`,
 * an exhaustive cosine search, dense only.
 */
export function createLangChainMemorySystem(embeddings: SanadEmbeddings, version: string): RetrievalSystem {
  let store: MemoryVectorStore | null = null
  return {
    name: 'LangChain MemoryVectorStore',
    description: `@langchain/classic ${version} MemoryVectorStore.asRetriever().invoke(), dense only (exhaustive cosine over ${embeddings.id})`,
    async build(corpus) {
      store = new MemoryVectorStore(embeddings)
      for (let offset = 0; offset < corpus.chunkTexts.length; offset += ADD_BATCH) {
        const texts = corpus.chunkTexts.slice(offset, offset + ADD_BATCH)
        await store.addDocuments(texts.map((text, position) => new Document({ pageContent: text, metadata: { label: offset + position } })))
      }
    },
    async search(question, k) {
      if (!store) throw new Error('build the LangChain system first')
      const documents = await store.asRetriever({ k }).invoke(question)
      return documents.map((document) => document.metadata.label as number)
    },
  }
}
