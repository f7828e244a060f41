import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPgliteServer, type PgliteServer } from '../../src/bench/start-pglite-server.js'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { SanadError } from '../../src/errors/sanad-error.js'
import { buildIndex } from '../../src/index/build-index.js'
import { indexIntoPostgres } from '../../src/index/index-into-postgres.js'
import { loadPostgresIndex } from '../../src/index/load-postgres-index.js'
import { sourceFromText } from '../../src/source/load-sources.js'
import type { SourceDocument } from '../../src/source/source-document.js'
import { PostgresVectorStore } from '../../src/vector-store/postgres-vector-store.js'
import { ConfigSchema } from '../../src/config/load-config.js'
import { REPOSITORY_INDEX_DIRECTORY } from '../support/load-test-index.js'
import { PROJECT_DIRECTORY } from '../support/start-server.js'

// Made-up articles with headings, several paragraphs and enough sentences for a few chunks each.
function article(topic: string, city: string, paragraphs = 3): string {
  const body = Array.from({ length: paragraphs }, (_, paragraph) =>
    Array.from({ length: 4 }, (_, sentence) => `يتحدث التقرير ${paragraph + 1} عن ${topic} في مدينة ${city} والجملة ${sentence + 1} تذكر عدد ${100 * paragraph + sentence} من السكان.`).join(' '),
  )
  return `${topic} في ${city}\n\n## الخلفية\n\n${body.join('\n\n')}\n`
}

const embeddings = new LocalHashEmbeddings({ dimensions: 64 })
const chunker = { maxCharacters: 300, overlapSentences: 1 }
const FIRST = [sourceFromText('aleppo', article('الأسواق القديمة', 'حلب')), sourceFromText('fez', article('الجامعة العتيقة', 'فاس')), sourceFromText('tunis', article('الميناء', 'تونس'))]

let server: PgliteServer
let client: pg.Client
beforeAll(async () => {
  server = await startPgliteServer()
  client = new pg.Client({ connectionString: server.url })
  await client.connect()
}, 90_000)
afterAll(async () => {
  await client?.end()
  await server?.stop()
})

function openStore(schema: string): PostgresVectorStore {
  return PostgresVectorStore.connect(embeddings, { connectionString: server.url, poolSize: 1, efSearch: 40, schema })
}

// Runs a test's work with a store, and closes its pool however the work ends.
async function withStore(store: PostgresVectorStore, work: (store: PostgresVectorStore) => Promise<void>): Promise<void> {
  try {
    await work(store)
  } finally {
    await store.close()
  }
}

// Each stored row's document and transaction id: a row rewritten gets a new xmin.
async function rowVersions(schema: string): Promise<{ docId: string; xmin: string }[]> {
  const { rows } = await client.query<{ docId: string; xmin: string }>(
    `SELECT id AS "docId", xmin::text FROM ${schema}.documents
     UNION ALL SELECT doc_id, xmin::text FROM ${schema}.sentences
     UNION ALL SELECT doc_id, xmin::text FROM ${schema}.chunks ORDER BY 1, 2`,
  )
  return rows
}

describe('indexIntoPostgres', () => {
  it('should load sources into an index that reads back as the same corpus a folder index numbers', async () => {
    await withStore(openStore('load_roundtrip'), async (store) => {
      const progress: string[] = []
      const report = await indexIntoPostgres(store, FIRST, embeddings, chunker, { onProgress: (line) => progress.push(line) })
      expect(report).toMatchObject({ rebuildReason: null, added: ['aleppo', 'fez', 'tunis'], replaced: [], removed: [], unchanged: [] })
      expect(progress.join('\n')).toMatch(/added fez: \d+ chunks/)

      const loaded = await loadPostgresIndex(store, embeddings, chunker)
      const { index: built } = await buildIndex(FIRST, embeddings, { chunker })
      expect(loaded.corpus).toEqual(built.corpus)
      expect([...loaded.lexical.terms()]).toEqual([...built.lexical.terms()])
      expect(loaded.summary()).toEqual(built.summary())
      expect(report.chunkCount).toBe(built.corpus.chunks.length)
      for (const chunk of loaded.corpus.chunks) expect(loaded.textOf(chunk)).toBe(built.textOf(chunk))
    })
  })

  it('should leave every row untouched when nothing changed, and rewrite only the rows of a changed document', async () => {
    await withStore(openStore('load_idempotent'), async (store) => {
      await indexIntoPostgres(store, FIRST, embeddings, chunker)
      const original = await rowVersions('load_idempotent')

      const again = await indexIntoPostgres(store, FIRST, embeddings, chunker)
      expect(again).toMatchObject({ added: [], replaced: [], removed: [], unchanged: ['aleppo', 'fez', 'tunis'], chunksWritten: 0 })
      expect(await rowVersions('load_idempotent')).toEqual(original)

      const edited = [FIRST[0]!, sourceFromText('fez', article('الجامعة العتيقة', 'فاس', 4)), FIRST[2]!]
      const changed = await indexIntoPostgres(store, edited, embeddings, chunker)
      expect(changed).toMatchObject({ replaced: ['fez'], unchanged: ['aleppo', 'tunis'] })
      const after = await rowVersions('load_idempotent')
      expect(after.filter((row) => row.docId !== 'fez')).toEqual(original.filter((row) => row.docId !== 'fez'))
      expect(new Set(after.filter((row) => row.docId === 'fez').map((row) => row.xmin))).not.toEqual(new Set(original.filter((row) => row.docId === 'fez').map((row) => row.xmin)))

      const removed = await indexIntoPostgres(store, [edited[1]!, sourceFromText('sanaa', article('العمارة', 'صنعاء'))], embeddings, chunker)
      expect(removed).toMatchObject({ added: ['sanaa'], removed: ['aleppo', 'tunis'], unchanged: ['fez'] })
      const loaded = await loadPostgresIndex(store, embeddings, chunker)
      expect([...loaded.documents.keys()]).toEqual(['fez', 'sanaa'])
    })
  })

  it('should rebuild everything, saying why, when the chunker changed', async () => {
    await withStore(openStore('load_rebuild'), async (store) => {
      await indexIntoPostgres(store, FIRST, embeddings, chunker)
      const report = await indexIntoPostgres(store, FIRST, embeddings, { maxCharacters: 200, overlapSentences: 0 })
      expect(report).toMatchObject({ rebuildReason: 'the chunker settings changed', added: ['aleppo', 'fez', 'tunis'] })
      await loadPostgresIndex(store, embeddings, { maxCharacters: 200, overlapSentences: 0 })
    })
  })

  it('should leave the index as it was when the load fails half-way', async () => {
    await withStore(openStore('load_rollback'), async (store) => {
      await indexIntoPostgres(store, FIRST, embeddings, chunker)
      const before = await store.readCorpus()
      const failing = Object.assign(new LocalHashEmbeddings({ dimensions: 64 }), {
        embedDocuments: async () => {
          throw new Error('the embedding server went away')
        },
    })
    const edited = FIRST.map((source) => sourceFromText(source.id, `${source.text}\nفقرة أخرى جديدة.\n`))
    await expect(indexIntoPostgres(store, edited, failing, chunker)).rejects.toThrow('the embedding server went away')
    expect(await store.readCorpus()).toEqual(before)
    })
  })

  it('should insert a bulk load first and build the HNSW index once, then search it', async () => {
    await withStore(openStore('load_bulk'), async (store) => {
      const progress: string[] = []
      const sources: SourceDocument[] = Array.from({ length: 6 }, (_, position) => sourceFromText(`town-${position}`, article(`السوق ${position}`, `البلدة ${position}`, 2)))
      const report = await indexIntoPostgres(store, sources, embeddings, chunker, { bulkLoadChunks: 5, onProgress: (line) => progress.push(line) })
      expect(progress.at(-1)).toMatch(/building the HNSW index over \d+ vectors/)
      expect(report.milliseconds.vectorIndex).toBeGreaterThan(0)
      const { rows } = await client.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'load_bulk' AND indexname = 'chunks_embedding'`)
      expect(rows[0]!.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/)
      const [best] = await store.similaritySearch('السوق 3 في البلدة 3', 1)
      expect(best!.metadata.docId).toBe('town-3')
    })
  })
})

describe('loadPostgresIndex', () => {
  const refusal = async (load: Promise<unknown>, reason: RegExp) => {
    const error = await load.then(() => null, (caught: unknown) => caught)
    expect(SanadError.isInstance(error) && error.code).toBe('index_unavailable')
    expect((error as Error).message).toMatch(reason)
    expect((error as Error).message).toContain('npm run index -- --target postgres')
    expect((error as Error).message).not.toContain('\n')
  }

  it('should refuse a database that holds no index', async () => {
    await withStore(openStore('never_loaded'), async (store) => {
      await refusal(loadPostgresIndex(store, embeddings, chunker), /no index was loaded/)
    })
  })

  it('should refuse an index built with another embedder or chunker', async () => {
    await withStore(openStore('load_mismatch'), async (store) => {
      await indexIntoPostgres(store, FIRST, embeddings, chunker)
      await refusal(loadPostgresIndex(store, new LocalHashEmbeddings({ dimensions: 128 }), chunker), /embedder local-hash-v1-64, not local-hash-v1-128/)
      await refusal(loadPostgresIndex(store, embeddings, { maxCharacters: 301, overlapSentences: 1 }), /chunker settings changed/)
    })
  })

  it('should refuse an index whose rows went missing', async () => {
    await withStore(openStore('load_damaged'), async (store) => {
      await indexIntoPostgres(store, FIRST, embeddings, chunker)
      await client.query(`DELETE FROM load_damaged.chunks WHERE doc_id = 'fez' AND ordinal = 1`)
      await refusal(loadPostgresIndex(store, embeddings, chunker), /chunks but its statistics count/)
      await client.query(`UPDATE load_damaged.index_meta SET chunk_count = chunk_count - 1`)
      await refusal(loadPostgresIndex(store, embeddings, chunker), /rows of fez are missing/)
    })
  })

  it('should refuse, naming the cause, when Postgres does not answer', async () => {
    await withStore(PostgresVectorStore.connect(embeddings, { connectionString: 'postgres://postgres@127.0.0.1:1/postgres', poolSize: 1, efSearch: 40 }), async (store) => {
      await refusal(loadPostgresIndex(store, embeddings, chunker), /Postgres did not answer/)
    })
  })
})

describe('npm run index -- --target postgres', () => {
  it('should load the sources into DATABASE_URL with progress and report what it did', async () => {
    const environment: Record<string, string | undefined> = { ...process.env }
    for (const key of Object.keys(ConfigSchema.shape)) delete environment[key]
    Object.assign(environment, { DATABASE_URL: server.url, SOURCES_DIR: join(REPOSITORY_INDEX_DIRECTORY, 'sources') })
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'index', '--', '--target', 'postgres'], { cwd: PROJECT_DIRECTORY, env: environment })
    expect(stderr).toMatch(/added article: \d+ chunks/)
    expect(stdout).toMatch(/^added:\s+1 \(article\)$/m)
    expect(stdout).toMatch(/^unchanged:\s+0$/m)
    expect(stdout).toMatch(/^index:\s+postgres \(schema sanad\)$/m)
    await withStore(openStore('sanad'), async (store) => {
      expect((await loadPostgresIndex(store, new LocalHashEmbeddings(), { maxCharacters: 600, overlapSentences: 1 })).documents.has('article')).toBe(true)
    })
  }, 60_000)
})
