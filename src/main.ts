import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { readCodeCacheStatus } from './build/run-with-code-cache.js'
import { composeSanad } from './compose-sanad.js'
import { loadConfig } from './config/load-config.js'
import { PROJECT_DIRECTORY } from './project-directory.js'
import { createApp } from './server/create-app.js'
import { createLogger } from './server/create-logger.js'
import { startHttpServer, type RunningServer } from './server/start-http-server.js'

// How much the old generation may grow past its live size once the server runs (V8's default is up to 300%).
const HEAP_GROWING_PERCENT = 50
// The Arabic web font, self-hosted from its npm package (no CDN: the CSP allows only this origin).
const FONT_DIRECTORY = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-naskh-arabic/arabic-400.css')), 'files')

/** The composition root: config → index → retriever → answerer → app → server, and a graceful shutdown. */
async function main(): Promise<void> {
  // performance.now() counts from the process's start: everything before main() is Node and module loading.
  const modulesLoaded = performance.now()
  const config = loadConfig()
  const logger = createLogger({ level: config.LOG_LEVEL })
  const { version } = JSON.parse(await readFile(`${PROJECT_DIRECTORY}package.json`, 'utf8')) as { version: string }

  const configRead = performance.now()
  const { index, answerer, supportOptions, findSupport, englishDictionary, readAnswerCache, rebuildReason, buildTimings, startupMs, close } = await composeSanad(config)
  const composed = performance.now()
  if (rebuildReason) logger.warn('index rebuilt', { reason: rebuildReason, timingsMs: buildTimings, directory: config.INDEX_DIR })
  else if (config.VECTOR_STORE === 'postgres') logger.info('index loaded', { vectorStore: 'postgres', efSearch: config.HNSW_EF_SEARCH })
  else logger.info('index loaded', { directory: config.INDEX_DIR, readOnly: config.INDEX_READ_ONLY })

  let running: RunningServer | undefined
  const app = createApp({
    index,
    answerer,
    supportOptions,
    findSupport,
    englishDictionary,
    ...(readAnswerCache ? { readAnswerCache } : {}),
    settings: config,
    logger,
    version,
    webDirectory: `${PROJECT_DIRECTORY}web`,
    fontDirectory: FONT_DIRECTORY,
    isDraining: () => running?.isDraining() ?? false,
  })
  const appBuilt = performance.now()
  running = await startHttpServer({ fetch: app.fetch, hostname: config.HOST, port: config.PORT, graceMs: config.SHUTDOWN_GRACE_MS, logger })
  const listening = performance.now()
  const startup = {
    node: performance.nodeTiming.bootstrapComplete,
    modules: modulesLoaded - performance.nodeTiming.bootstrapComplete,
    config: configRead - modulesLoaded,
    ...startupMs,
    app: appBuilt - composed,
    listen: listening - appBuilt,
    total: listening,
  }
  // Once started, let the old generation grow by half its live size instead of up to four times: RSS after
  // 20k requests about 137 MiB instead of about 220, for a few percent of CPU. Set now rather than on the
  // command line, where it slows the start (module loading grows the heap fast) by about 30 ms.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
  const startupRounded = Object.fromEntries(Object.entries(startup).map(([stage, milliseconds]) => [stage, Math.round(milliseconds * 10) / 10]))
  logger.info('listening', { url: running.url, version, answerers: answerer.answerers, ...index.summary(), englishDictionary, startupMs: startupRounded, codeCache: readCodeCacheStatus() })
  if (!englishDictionary) logger.warn('no English–Arabic dictionary found: English questions are refused', { DICTIONARY_DIR: config.DICTIONARY_DIR ?? null })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void running
        .shutdown(signal)
        .then(async (outcome) => {
          await close().catch(() => undefined)
          return outcome
        })
        .then((outcome) => process.exit(outcome === 'drained' ? 0 : 1))
    })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sanad could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
