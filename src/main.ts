import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createLlmAnswerer } from './answer/create-llm-answerer.js'
import { createQuestionAnswerer } from './answer/create-question-answerer.js'
import { createIndexLocation } from './config/create-index-location.js'
import { loadConfig } from './config/load-config.js'
import { createGroundingScorer } from './grounding/create-grounding-scorer.js'
import { loadOrBuildIndex } from './index/load-or-build-index.js'
import { OpenAICompatibleClient } from './llm/openai-compatible-client.js'
import { HybridRetriever } from './retrieve/hybrid-retriever.js'
import { createApp } from './server/create-app.js'
import { createLogger } from './server/create-logger.js'
import { startHttpServer, type RunningServer } from './server/start-http-server.js'
import { createQueryTranslator } from './translate/translate-query.js'

const PROJECT_DIRECTORY = fileURLToPath(new URL('..', import.meta.url))

/** The composition root: config → index → retriever → answerer → app → server, and a graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger({ level: config.LOG_LEVEL })
  const { version } = JSON.parse(await readFile(`${PROJECT_DIRECTORY}package.json`, 'utf8')) as { version: string }

  const location = createIndexLocation(config)
  const { index, rebuildReason, buildTimings } = await loadOrBuildIndex(location)
  if (rebuildReason) logger.warn('index rebuilt', { reason: rebuildReason, timingsMs: buildTimings, directory: location.indexDirectory })
  else logger.info('index loaded', { directory: location.indexDirectory })

  const retriever = new HybridRetriever(index, config.TOP_K)
  const llm = config.LLM_BASE_URL
    ? createLlmAnswerer({
        client: new OpenAICompatibleClient({
          baseUrl: config.LLM_BASE_URL,
          model: config.LLM_MODEL!,
          timeoutMs: config.LLM_TIMEOUT_MS,
          maxRetries: config.LLM_MAX_RETRIES,
          ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}),
        }),
      })
    : undefined
  const answerer = createQuestionAnswerer({
    index,
    retriever,
    defaultTopK: config.TOP_K,
    scoreGrounding: createGroundingScorer([...index.documents.values()].map(({ id, text }) => ({ docId: id, text }))),
    translateQuery: createQueryTranslator({ dictionaryDirectory: config.DICTIONARY_DIR, index }),
    llm,
  })

  let running: RunningServer | undefined
  const app = createApp({
    index,
    answerer,
    settings: config,
    logger,
    version,
    webDirectory: `${PROJECT_DIRECTORY}web`,
    isDraining: () => running?.isDraining() ?? false,
  })
  running = await startHttpServer({ fetch: app.fetch, hostname: config.HOST, port: config.PORT, graceMs: config.SHUTDOWN_GRACE_MS, logger })
  logger.info('listening', { url: running.url, version, answerers: answerer.answerers, ...index.summary() })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void running.shutdown(signal).then((outcome) => process.exit(outcome === 'drained' ? 0 : 1))
    })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sanad could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
