import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/answer-schemas.js'
import { startPgliteServer, type PgliteServer } from '../../src/bench/start-pglite-server.js'
import { composeSanad, type Sanad } from '../../src/compose-sanad.js'
import { loadConfig } from '../../src/config/load-config.js'
import { createIndexLocation } from '../../src/config/create-index-location.js'
import { computeMetrics } from '../../src/eval/compute-metrics.js'
import { loadQuestionSet, type Question } from '../../src/eval/question-set.js'
import { runQuestionSet } from '../../src/eval/run-question-set.js'
import { indexIntoPostgres } from '../../src/index/index-into-postgres.js'
import { PostgresHybridRetriever } from '../../src/retrieve/postgres-hybrid-retriever.js'
import { loadSources } from '../../src/source/load-sources.js'
import { PostgresVectorStore } from '../../src/vector-store/postgres-vector-store.js'
import { copyIndexDirectory } from '../support/load-test-index.js'
import { startServer } from '../support/start-server.js'

let server: PgliteServer
let folder: Sanad
let postgres: Sanad
let questions: Question[]
let postgresEnvironment: Record<string, string>

beforeAll(async () => {
  server = await startPgliteServer()
  const indexDirectory = await copyIndexDirectory()
  const folderConfig = loadConfig({ INDEX_DIR: indexDirectory, INDEX_READ_ONLY: 'true' })
  // The same sources, embedder and chunker, loaded into Postgres the way `npm run index -- --target postgres` does.
  const location = createIndexLocation(folderConfig)
  const loader = PostgresVectorStore.connect(location.embeddings, { connectionString: server.url, poolSize: 1, efSearch: 40 })
  await indexIntoPostgres(loader, await loadSources(join(indexDirectory, 'sources')), location.embeddings, location.chunker)
  await loader.close()

  postgresEnvironment = { VECTOR_STORE: 'postgres', DATABASE_URL: server.url, DATABASE_POOL_SIZE: '1' }
  folder = await composeSanad(folderConfig)
  postgres = await composeSanad(loadConfig(postgresEnvironment))
  questions = await loadQuestionSet()
}, 120_000)
afterAll(async () => {
  await postgres?.close()
  await server?.stop()
})

describe('PostgresHybridRetriever', () => {
  it('should serve the seed article as the same corpus the folder index holds', () => {
    expect(postgres.retriever).toBeInstanceOf(PostgresHybridRetriever)
    expect(postgres.index.corpus).toEqual(folder.index.corpus)
    expect(postgres.index.summary()).toEqual(folder.index.summary())
  })

  it('should retrieve the same chunks in the same order as hnswlib and BM25 in process, for every question of the set', async () => {
    const differences: string[] = []
    for (const { question } of questions) {
      const [fromFolder, fromPostgres] = await Promise.all([folder.retriever.retrieve({ text: question, topK: 5 }), postgres.retriever.retrieve({ text: question, topK: 5 })])
      if (JSON.stringify(fromPostgres.map((hit) => hit.label)) !== JSON.stringify(fromFolder.map((hit) => hit.label))) differences.push(question)
      fromPostgres.forEach((hit, position) => {
        expect(hit.score).toBeCloseTo(fromFolder[position]!.score, 12)
        if (hit.lexical !== null) expect(hit.lexical).toBeCloseTo(fromFolder[position]!.lexical!, 9)
      })
    }
    expect(differences).toEqual([])
  })

  it('should answer the seed question set with the same citations and the same scores as hnswlib', async () => {
    const ask = (sanad: Sanad) => runQuestionSet(questions, (request) => sanad.answerer.ask(request))
    const [fromFolder, fromPostgres] = [await ask(folder), await ask(postgres)]
    const citations = (records: typeof fromFolder) => records.map((record) => ({ id: record.question.id, answered: record.response?.answered, citations: record.response?.citations ?? record.error }))
    expect(citations(fromPostgres)).toEqual(citations(fromFolder))
    const documents = new Map([...folder.index.documents].map(([id, document]) => [id, document.text]))
    // Every score but the latencies, which measure the engines rather than the answers.
    const scores = (records: typeof fromFolder) => Object.fromEntries(Object.entries(computeMetrics(records, documents).metrics).filter(([name]) => !/latency/i.test(name)))
    expect(scores(fromPostgres)).toEqual(scores(fromFolder))
  }, 60_000)

  it('should honour a documents filter and answer through the LangChain retriever interface', async () => {
    const [docId] = [...folder.index.documents.keys()]
    const filtered = await postgres.retriever.retrieve({ text: questions[0]!.question, topK: 3, documents: new Set([docId!]) })
    expect(filtered.length).toBeGreaterThan(0)
    for (const hit of filtered) expect(hit.chunk.docId).toBe(docId)
    const none = await postgres.retriever.retrieve({ text: questions[0]!.question, topK: 3, documents: new Set(['no-such-document']) })
    expect(none).toEqual([])
    const [document] = await postgres.retriever.invoke(questions[0]!.question)
    expect(document!.pageContent).toBe(postgres.index.textOf(document!.metadata as { docId: string; start: number; end: number }))
  })

  it('should run the server as a read-only replica of the Postgres index, with no index folder', async () => {
    const replica = await startServer({ indexDirectory: '/nonexistent/index', environment: postgresEnvironment })
    try {
      expect(replica.logs()).toContain('"vectorStore":"postgres"')
      const response = await fetch(`${replica.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: questions[0]!.question }) })
      const answer = AskResponseSchema.parse(await response.json())
      const expected = await folder.answerer.ask({ question: questions[0]!.question })
      expect(answer.citations).toEqual(expected.citations)
    } finally {
      expect(await replica.stop()).toBe(0)
    }
  }, 60_000)
})
