import { join, resolve } from 'node:path'
import { LocalHashEmbeddings } from '../embed/local-hash-embeddings.js'
import { OpenAICompatibleEmbeddings } from '../embed/openai-compatible-embeddings.js'
import type { SanadEmbeddings } from '../embed/sanad-embeddings.js'
import type { IndexLocation } from '../index/load-or-build-index.js'
import { OpenAICompatibleClient } from '../llm/openai-compatible-client.js'
import type { Config } from './load-config.js'

/** The embedder the configuration names: the offline hash embedder, or an OpenAI-compatible server. */
export function createEmbeddings(config: Config): SanadEmbeddings {
  if (config.EMBEDDINGS === 'local') return new LocalHashEmbeddings({ dimensions: config.EMBEDDING_DIMENSIONS })
  const client = new OpenAICompatibleClient({
    baseUrl: config.EMBEDDING_BASE_URL!,
    model: config.EMBEDDING_MODEL!,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    ...(config.EMBEDDING_API_KEY ? { apiKey: config.EMBEDDING_API_KEY } : {}),
  })
  return new OpenAICompatibleEmbeddings(client)
}

/** Where the index and its sources live (relative paths resolve from the working directory) and how it is built. */
export function createIndexLocation(config: Config): IndexLocation {
  const indexDirectory = resolve(config.INDEX_DIR)
  return {
    indexDirectory,
    sourcesDirectory: config.SOURCES_DIR ? resolve(config.SOURCES_DIR) : join(indexDirectory, 'sources'),
    embeddings: createEmbeddings(config),
    chunker: { maxCharacters: config.CHUNK_MAX_CHARACTERS, overlapSentences: config.CHUNK_OVERLAP_SENTENCES },
  }
}
