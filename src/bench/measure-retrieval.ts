import hnswlib from 'hnswlib-node'
import type { SanadIndex } from '../index/sanad-index.js'
import type { HybridRetriever } from '../retrieve/hybrid-retriever.js'
import { DEFAULT_HNSW_PARAMETERS } from '../vector-store/hnsw-vector-store.js'
import { summarizeSamples, type SampleSummary } from './summarize-samples.js'

const { HierarchicalNSW } = hnswlib

// What HybridRetriever asks the vector store for (24 candidates) and the store's default efSearch,
// so that the raw search does exactly the graph work that retrieval does.
const DENSE_CANDIDATES = 24
const EF_SEARCH = DEFAULT_HNSW_PARAMETERS.efSearch

/** Per-query costs of retrieval and of the parts it cannot go below, measured on the same queries. */
export interface RetrievalMeasurement {
  queryEmbedding: SampleSummary
  /** hnswlib's searchKnn on the saved graph, without the vector-store adapter: the physical limit. */
  rawVectorSearch: SampleSummary
  /** Bm25Index.search with the retriever's own query concepts. */
  lexicalSearch: SampleSummary
  /** HybridRetriever.retrieve({ text, topK }) end to end. */
  retrieval: SampleSummary
  /** Retrieval p50 ÷ (raw search p50 + query embedding p50). */
  ratio: number
}

/**
 * Times, query by query and interleaved so that all four see the same machine state: the query
 * embedding, a raw hnswlib search of the graph file the index saved, the BM25 search and the whole
 * hybrid retrieval. Stops after `samples` queries or `budgetMs`.
 */
export async function measureRetrieval(options: {
  index: SanadIndex
  retriever: HybridRetriever
  /** The `vectors.hnsw` file written by saveIndex for this index. */
  graphPath: string
  queries: readonly string[]
  topK: number
  samples: number
  warmup: number
  budgetMs: number
}): Promise<RetrievalMeasurement> {
  const { index, retriever, queries } = options
  if (queries.length === 0) throw new Error('measureRetrieval needs at least one query')
  const graph = new HierarchicalNSW('cosine', index.manifest.embedder.dimensions)
  graph.readIndexSync(options.graphPath)
  graph.setEf(EF_SEARCH)
  const candidates = Math.min(DENSE_CANDIDATES, graph.getCurrentCount())

  const embedding: number[] = []
  const rawSearch: number[] = []
  const lexical: number[] = []
  const retrieval: number[] = []
  const deadline = performance.now() + options.budgetMs
  for (let round = 0; round < options.warmup + options.samples && performance.now() < deadline; round++) {
    const text = queries[round % queries.length]!
    const beforeEmbedding = performance.now()
    const vector = await index.embeddings.embedQuery(text)
    const beforeSearch = performance.now()
    graph.searchKnn(vector, candidates)
    const beforeLexical = performance.now()
    index.lexical.search(retriever.conceptsOf(text), DENSE_CANDIDATES)
    const beforeRetrieval = performance.now()
    await retriever.retrieve({ text, topK: options.topK })
    const finished = performance.now()
    if (round < options.warmup) continue
    embedding.push(beforeSearch - beforeEmbedding)
    rawSearch.push(beforeLexical - beforeSearch)
    lexical.push(beforeRetrieval - beforeLexical)
    retrieval.push(finished - beforeRetrieval)
  }
  const summaries = {
    queryEmbedding: summarizeSamples(embedding),
    rawVectorSearch: summarizeSamples(rawSearch),
    lexicalSearch: summarizeSamples(lexical),
    retrieval: summarizeSamples(retrieval),
  }
  return { ...summaries, ratio: summaries.retrieval.p50 / (summaries.rawVectorSearch.p50 + summaries.queryEmbedding.p50) }
}
