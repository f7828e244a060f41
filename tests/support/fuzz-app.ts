import type { QuestionAnswerer } from '../../src/answer/question-answerer.js'
import { composeSanad } from '../../src/compose-sanad.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { createTestApp, type TestApp } from './create-test-app.js'
import { copyIndexDirectory } from './load-test-index.js'

/** The app as main.ts composes it (index, retriever, translation, grounding, answerer), for in-process hostile tests. */
export interface FuzzApp extends TestApp {
  index: SanadIndex
  answerer: QuestionAnswerer
  /** The text of each document by id. */
  documents: ReadonlyMap<string, string>
}

/** Builds the real pipeline with `composeSanad` over a temporary copy of the repository's index, with captured logs. */
export async function createFuzzApp(environment: Record<string, string> = {}): Promise<FuzzApp> {
  const config = loadConfig({ ...environment, INDEX_DIR: await copyIndexDirectory() })
  const { index, answerer } = await composeSanad(config)
  const testApp = createTestApp(index, answerer, { environment })
  const documents = new Map([...index.documents].map(([id, document]) => [id, document.text]))
  return { ...testApp, index, answerer, documents }
}
