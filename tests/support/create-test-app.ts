import { join } from 'node:path'
import type { QuestionAnswerer } from '../../src/answer/question-answerer.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { createApp, type AppDependencies } from '../../src/server/create-app.js'
import { createLogger } from '../../src/server/create-logger.js'

/** The chat UI folder of the repository. */
export const WEB_DIRECTORY = join(import.meta.dirname, '..', '..', 'web')
/** The self-hosted Arabic font files, from their npm package. */
export const FONT_DIRECTORY = join(import.meta.dirname, '..', '..', 'node_modules', '@fontsource', 'noto-naskh-arabic', 'files')

/** An app built for `app.request()` tests, with its log lines parsed. */
export interface TestApp {
  app: ReturnType<typeof createApp>
  logs: Record<string, unknown>[]
}

/** Builds the app with default settings (overridable through environment-style variables) and captured logs. */
export function createTestApp(
  index: SanadIndex,
  answerer: QuestionAnswerer,
  options: { environment?: Record<string, string>; dependencies?: Partial<AppDependencies> } = {},
): TestApp {
  const config = loadConfig(options.environment ?? {})
  const logs: Record<string, unknown>[] = []
  const logger = createLogger({ level: config.LOG_LEVEL, write: (line) => logs.push(JSON.parse(line)) })
  const app = createApp({
    index,
    answerer,
    settings: config,
    logger,
    version: '0.0.0-test',
    webDirectory: WEB_DIRECTORY,
    fontDirectory: FONT_DIRECTORY,
    ...options.dependencies,
  })
  return { app, logs }
}

/** A JSON POST request init. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
}
