import { createLlmAnswerer } from './answer/create-llm-answerer.js'
import { createQuestionAnswerer } from './answer/create-question-answerer.js'
import type { AnswerModel } from './answer/answer-model.js'
import { loadAnswerModel } from './answer/load-answer-model.js'
import type { QuestionAnswerer } from './answer/question-answerer.js'
import { createCachingAnswerer, type AnswerCacheStatistics, type CachedAnswer } from './cache/create-caching-answerer.js'
import { LruByteCache } from './cache/lru-byte-cache.js'
import { createIndexLocation } from './config/create-index-location.js'
import type { Config } from './config/load-config.js'
import { createGroundingScorer } from './grounding/create-grounding-scorer.js'
import { createSupportFinder, type FindSupport } from './grounding/create-support-finder.js'
import { loadScoreOptions } from './grounding/load-score-options.js'
import type { ScoreSupportOptions } from './grounding/score-support.js'
import type { BuildTimings } from './index/build-index.js'
import { computeIndexChecksum } from './index/compute-index-checksum.js'
import { loadOrBuildIndex, type LoadedIndex } from './index/load-or-build-index.js'
import type { SanadIndex } from './index/sanad-index.js'
import { OpenAICompatibleClient } from './llm/openai-compatible-client.js'
import type { ChunkRetriever } from './retrieve/chunk-retriever.js'
import { HybridRetriever } from './retrieve/hybrid-retriever.js'
import { BUNDLED_DICTIONARY_DIRECTORY } from './translate/read-dictd-dictionary.js'
import { createQueryTranslator } from './translate/translate-query.js'

/**
 * Where the English–Arabic dictionary was read from and how many headwords it has. The bundled copy
 * is named by its path in the repository, so health checks never reveal where sanad is installed.
 */
export interface EnglishDictionaryInfo {
  source: 'bundled' | 'DICTIONARY_DIR'
  path: string
  headwords: number
}

/** The parts of the composition, in order; `composeSanad` reports the end of each (the bench measures memory there). */
export type ComposeStage = 'index' | 'dictionary' | 'answerer'

/** Everything that answers questions, built once from the configuration. */
export interface Sanad {
  index: SanadIndex
  retriever: ChunkRetriever
  answerer: QuestionAnswerer
  /** The support scorer's options on this machine (word-by-word English checks when the dictionary is installed). */
  supportOptions: ScoreSupportOptions
  /** Finds the best support in the sources for a claim without citations; shared by answers and POST /api/grounding. */
  findSupport: FindSupport
  /** The answer cache's counters (null: ANSWER_CACHE_BYTES is 0). */
  readAnswerCache: (() => AnswerCacheStatistics) | null
  /** The English–Arabic dictionary English questions are translated with (null: none found). */
  englishDictionary: EnglishDictionaryInfo | null
  /** Why the index was rebuilt at load, or null when it was loaded as it was. */
  rebuildReason: string | null
  buildTimings: BuildTimings | null
  /** Releases what the index holds open (the Postgres pool). */
  close(): Promise<void>
  /** Milliseconds each part of the composition took: loading (or building) the index, opening the dictionary, the rest. */
  startupMs: { index: number; dictionary: number; answerer: number }
}

/**
 * Builds the pipeline the configuration describes: the index (from its folder, rebuilt when missing,
 * stale or corrupt unless INDEX_READ_ONLY; or read from PostgreSQL with VECTOR_STORE=postgres), the
 * hybrid retriever, offline English translation, the grounding scorer and, when a model server is
 * configured, the LLM answerer. Used by the server, the evaluation and the benchmark alike.
 */
export async function composeSanad(config: Config, options: { onStage?: (stage: ComposeStage) => void } = {}): Promise<Sanad> {
  const started = performance.now()
  const { index, rebuildReason, buildTimings, retriever, close } = await loadIndexFor(config)
  options.onStage?.('index')
  const indexLoaded = performance.now()
  const composed = await composeSanadOver(index, config, { retriever, onStage: options.onStage })
  const startupMs = { index: indexLoaded - started, ...composed.startupMs }
  return { ...composed, rebuildReason, buildTimings, close, startupMs }
}

/** The pipeline over an index already in memory (an evaluation collection, a test corpus). */
export async function composeSanadOver(
  index: SanadIndex,
  config: Config,
  overrides: { model?: AnswerModel; retriever?: ChunkRetriever; onStage?: ((stage: ComposeStage) => void) | undefined } = {},
): Promise<Omit<Sanad, 'rebuildReason' | 'buildTimings' | 'close' | 'startupMs'> & { startupMs: { dictionary: number; answerer: number } }> {
  const started = performance.now()
  const retriever = overrides.retriever ?? new HybridRetriever(index, config.TOP_K)
  // With the English–Arabic dictionary, English sentences are checked word by word against Arabic sources.
  const { options: supportOptions, dictionary } = await loadScoreOptions(config.DICTIONARY_DIR)
  overrides.onStage?.('dictionary')
  const dictionaryOpened = performance.now()
  const documents = [...index.documents.values()].map(({ id, text }) => ({ docId: id, text }))
  const findSupport = createSupportFinder(documents, supportOptions)
  const llm = config.LLM_BASE_URL && config.LLM_MODEL
    ? createLlmAnswerer({
        client: new OpenAICompatibleClient({
          baseUrl: config.LLM_BASE_URL,
          model: config.LLM_MODEL,
          timeoutMs: config.LLM_TIMEOUT_MS,
          maxRetries: config.LLM_MAX_RETRIES,
          ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}),
        }),
        supportOptions,
      })
    : undefined
  const uncachedAnswerer = createQuestionAnswerer({
    index,
    retriever,
    defaultTopK: config.TOP_K,
    scoreGrounding: createGroundingScorer(documents, supportOptions, findSupport),
    model: overrides.model ?? loadAnswerModel(),
    // One dictionary serves both English question translation and the grounding of English answers.
    translateQuery: createQueryTranslator({ dictionaryDirectory: dictionary?.directory ?? BUNDLED_DICTIONARY_DIRECTORY, index, dictionary, vocabulary: retriever.vocabulary }),
    llm,
  })
  // Answers are a function of the index and the request; the LLM answerer decodes greedily (temperature 0), so its answers are cached too.
  const cachingAnswerer =
    config.ANSWER_CACHE_BYTES > 0
      ? createCachingAnswerer(uncachedAnswerer, { cache: new LruByteCache<CachedAnswer>(config.ANSWER_CACHE_BYTES), indexChecksum: computeIndexChecksum(index.manifest), llmSamples: false })
      : null
  const answerer = cachingAnswerer ?? uncachedAnswerer
  const englishDictionary: EnglishDictionaryInfo | null = dictionary
    ? dictionary.directory === BUNDLED_DICTIONARY_DIRECTORY
      ? { source: 'bundled', path: 'data/freedict-eng-ara', headwords: dictionary.headwordCount }
      : { source: 'DICTIONARY_DIR', path: dictionary.directory, headwords: dictionary.headwordCount }
    : null
  overrides.onStage?.('answerer')
  const startupMs = { dictionary: dictionaryOpened - started, answerer: performance.now() - dictionaryOpened }
  const readAnswerCache = cachingAnswerer ? () => cachingAnswerer.statistics() : null
  return { index, retriever, answerer, supportOptions, findSupport, englishDictionary, readAnswerCache, startupMs }
}

// The index and its retriever: the folder (loaded, or rebuilt unless read-only), or PostgreSQL (only read).
async function loadIndexFor(config: Config): Promise<LoadedIndex & { retriever: ChunkRetriever; close: () => Promise<void> }> {
  const location = createIndexLocation(config)
  if (config.VECTOR_STORE === 'hnswlib') {
    const loaded = await loadOrBuildIndex(location, { readOnly: config.INDEX_READ_ONLY })
    return { ...loaded, retriever: new HybridRetriever(loaded.index, config.TOP_K), close: async () => {} }
  }
  // Loaded only when configured: the pg client and what it loads (net, tls, dns) cost a start that does not use them.
  const [{ PostgresVectorStore }, { loadPostgresIndex }, { PostgresHybridRetriever }] = await Promise.all([
    import('./vector-store/postgres-vector-store.js'),
    import('./index/load-postgres-index.js'),
    import('./retrieve/postgres-hybrid-retriever.js'),
  ])
  const store = PostgresVectorStore.connect(location.embeddings, {
    connectionString: config.DATABASE_URL!,
    poolSize: config.DATABASE_POOL_SIZE,
    efSearch: config.HNSW_EF_SEARCH,
  })
  try {
    const index = await loadPostgresIndex(store, location.embeddings, location.chunker)
    return { index, rebuildReason: null, buildTimings: null, retriever: new PostgresHybridRetriever(index, config.TOP_K), close: () => store.close() }
  } catch (error) {
    await store.close()
    throw error
  }
}
