import type { EmbeddingsInterface } from '@langchain/core/embeddings'
import { Document, type DocumentInterface } from '@langchain/core/documents'
import { VectorStore } from '@langchain/core/vectorstores'
import pg from 'pg'
import { z } from 'zod'
import { contentStems } from '../text/tokenize.js'

/** A document as stored: its exact text (every offset indexes into it) and where it came from. */
export interface StoredDocument {
  id: string
  path: string
  title: string
  sha256: string
  text: string
}

/** A sentence of a stored document, by its position in the document and its offsets. */
export interface StoredSentence {
  ordinal: number
  section: string | null
  start: number
  end: number
}

/** A chunk of a stored document: offsets, the text it was indexed as, and its vector. */
export interface StoredChunk {
  ordinal: number
  section: string | null
  sentenceOrdinals: number[]
  start: number
  end: number
  /** The text embedded and lexically indexed (the section heading, then the chunk's sentences). */
  content: string
  embedding: number[]
}

/** A stored chunk's place, without its text or vector. */
export type StoredChunkPlace = Omit<StoredChunk, 'content' | 'embedding'> & { docId: string }

/** Everything stored, in document path order, sentences and chunks by ordinal: what a replica reads at start. */
export interface StoredCorpus {
  documents: StoredDocument[]
  sentences: (StoredSentence & { docId: string })[]
  chunks: StoredChunkPlace[]
}

/** Alternative lexical terms that count as one, with a weight (a query word and its indexed variants). */
export interface LexicalTermGroup {
  terms: readonly string[]
  weight?: number | undefined
}

/** One hybrid query: a vector, the lexical term groups, and how many candidates each method ranks. */
export interface HybridSearchQuery {
  vector: readonly number[]
  termGroups: readonly LexicalTermGroup[]
  candidates: number
  /** Only chunks of these documents (all when absent). */
  documents?: readonly string[] | undefined
  /** Okapi BM25's term-frequency saturation and length normalization. */
  bm25: { k1: number; b: number }
  /** The rank constant of reciprocal rank fusion. */
  fusionK: number
}

/** A fused hit: the chunk's place, its fused score, and its cosine similarity and BM25 score (null when that method missed it). */
export interface HybridHit {
  docId: string
  ordinal: number
  score: number
  dense: number | null
  lexical: number | null
}

/** How the store connects and searches. */
export interface PostgresConnectionOptions {
  connectionString: string
  /** Connections in the pool (PGlite serves one backend: keep it at 1 there). */
  poolSize: number
  /** pgvector's `hnsw.ef_search`: candidates kept during the graph search; recall rises with it, and latency. */
  efSearch: number
  /** The schema holding sanad's tables. */
  schema?: string
}

/** The stored metadata: what the index was built with, and the corpus statistics BM25 needs. */
export const StoredIndexMetaSchema = z.object({
  manifest: z.record(z.string(), z.unknown()),
  chunkCount: z.number().int(),
  lexicalLengthTotal: z.number().int(),
})
export type StoredIndexMeta = z.infer<typeof StoredIndexMetaSchema>

const ChunkMetadataSchema = z.object({
  docId: z.string(),
  ordinal: z.number().int().min(0),
  section: z.string().nullable().default(null),
  sentenceOrdinals: z.array(z.number().int()).default([]),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
})

const DEFAULT_SCHEMA = 'sanad'
const INSERT_BATCH = 500
// pgvector's defaults; the graph is built once per chunk, so build cost grows with ef_construction.
const HNSW_BUILD = { m: 16, efConstruction: 64 }
const MAINTENANCE_WORK_MEMORY = '512MB'

// Connections that already carry the search settings.
const configuredClients = new WeakSet<pg.PoolClient>()

/**
 * A LangChain VectorStore on PostgreSQL through `pg`: documents, sentences and chunks with their exact
 * offsets; a pgvector `vector` column under an HNSW cosine index; and a `tsvector` of sanad's own
 * normalized, clitic-stripped, stemmed tokens (through the `simple` configuration, so Postgres adds
 * no stemming of its own) under a GIN index. `hybridSearch` fuses the dense and the BM25 ranking by
 * reciprocal rank in one SQL statement. The only module that speaks SQL.
 */
export class PostgresVectorStore extends VectorStore {
  declare FilterType: { documents?: readonly string[] }
  readonly schema: string

  private constructor(
    embeddings: EmbeddingsInterface,
    private readonly connection: pg.Pool | pg.PoolClient,
    schema: string,
    private readonly ownsPool: boolean,
    private readonly efSearch: number,
  ) {
    super(embeddings, {})
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`)
    this.schema = schema
  }

  /** Opens a pool; every connection gets the HNSW search settings before its first query. */
  static connect(embeddings: EmbeddingsInterface, options: PostgresConnectionOptions): PostgresVectorStore {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize, idleTimeoutMillis: 0, allowExitOnIdle: true })
    // An idle client's error (the server went away) must not crash the process; the next query reports it.
    pool.on('error', () => undefined)
    return new PostgresVectorStore(embeddings, pool, options.schema ?? DEFAULT_SCHEMA, true, Math.trunc(options.efSearch))
  }

  _vectorstoreType(): string {
    return 'pgvector'
  }

  /** Ends the pool this store opened. */
  async close(): Promise<void> {
    if (this.ownsPool) await (this.connection as pg.Pool).end()
  }

  /**
   * Runs `work` in one transaction on one connection, with a store bound to it: readers see the index
   * as it was before, or all of it after.
   */
  async transaction<T>(work: (store: PostgresVectorStore) => Promise<T>): Promise<T> {
    if (!(this.connection instanceof pg.Pool)) return work(this)
    const client = await this.checkOut(this.connection)
    try {
      await client.query('BEGIN')
      const result = await work(new PostgresVectorStore(this.embeddings, client, this.schema, false, this.efSearch))
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  /** Creates the extension, the schema, the tables and their indexes for vectors of `dimensions`, if missing. */
  async ensureSchema(dimensions: number): Promise<void> {
    const s = this.schema
    await this.query(`
      CREATE EXTENSION IF NOT EXISTS vector;
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.index_meta (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        manifest jsonb NOT NULL,
        chunk_count integer NOT NULL DEFAULT 0,
        lexical_length_total bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS ${s}.documents (
        id text PRIMARY KEY,
        path text NOT NULL,
        title text NOT NULL,
        sha256 text NOT NULL,
        body text NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${s}.sentences (
        doc_id text NOT NULL REFERENCES ${s}.documents (id) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        section text,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        PRIMARY KEY (doc_id, ordinal),
        CHECK (0 <= start_offset AND start_offset <= end_offset)
      );
      CREATE TABLE IF NOT EXISTS ${s}.chunks (
        doc_id text NOT NULL REFERENCES ${s}.documents (id) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        section text,
        sentence_ordinals integer[] NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        content text NOT NULL,
        lexemes tsvector NOT NULL,
        lexical_length integer NOT NULL,
        embedding vector(${Math.trunc(dimensions)}) NOT NULL,
        PRIMARY KEY (doc_id, ordinal),
        CHECK (0 <= start_offset AND start_offset <= end_offset)
      );
      CREATE INDEX IF NOT EXISTS chunks_lexemes ON ${s}.chunks USING gin (lexemes);
    `)
    await this.createVectorIndex()
  }

  /** Builds the HNSW cosine index if it is missing (after a bulk load it is faster than inserting into it). */
  async createVectorIndex(): Promise<void> {
    // The graph is built fastest when it fits in maintenance_work_mem (about 2.6 kB per 512-d vector);
    // SET LOCAL lasts until the end of the loader's transaction.
    await this.query(`SET LOCAL maintenance_work_mem = '${MAINTENANCE_WORK_MEMORY}'`)
    await this.query(
      `CREATE INDEX IF NOT EXISTS chunks_embedding ON ${this.schema}.chunks USING hnsw (embedding vector_cosine_ops) WITH (m = ${HNSW_BUILD.m}, ef_construction = ${HNSW_BUILD.efConstruction})`,
    )
  }

  /** Drops the HNSW index, before a bulk load into an empty table. */
  async dropVectorIndex(): Promise<void> {
    await this.query(`DROP INDEX IF EXISTS ${this.schema}.chunks_embedding`)
  }

  /** Drops everything sanad stored (the schema), for a rebuild with other dimensions or settings. */
  async dropSchema(): Promise<void> {
    await this.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`)
  }

  /** The stored metadata, or null when no index was written. */
  async readMeta(): Promise<StoredIndexMeta | null> {
    const exists = await this.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [`${this.schema}.index_meta`])
    if (!exists.rows[0]?.found) return null
    const { rows } = await this.query(
      `SELECT manifest, chunk_count AS "chunkCount", lexical_length_total::float8 AS "lexicalLengthTotal" FROM ${this.schema}.index_meta`,
    )
    return rows[0] ? StoredIndexMetaSchema.parse(rows[0]) : null
  }

  /** Records what the index was built with and recounts the corpus statistics from the chunks. */
  async writeMeta(manifest: Record<string, unknown>): Promise<StoredIndexMeta> {
    const { rows } = await this.query(
      `INSERT INTO ${this.schema}.index_meta (manifest, chunk_count, lexical_length_total, updated_at)
       SELECT $1::jsonb, count(*)::integer, coalesce(sum(lexical_length), 0), now() FROM ${this.schema}.chunks
       ON CONFLICT (singleton) DO UPDATE SET manifest = excluded.manifest, chunk_count = excluded.chunk_count,
         lexical_length_total = excluded.lexical_length_total, updated_at = excluded.updated_at
       RETURNING manifest, chunk_count AS "chunkCount", lexical_length_total::float8 AS "lexicalLengthTotal"`,
      [JSON.stringify(manifest)],
    )
    return StoredIndexMetaSchema.parse(rows[0])
  }

  /** Every stored document's id and sha256, to tell which sources changed. */
  async documentHashes(): Promise<Map<string, string>> {
    const { rows } = await this.query<{ id: string; sha256: string }>(`SELECT id, sha256 FROM ${this.schema}.documents`)
    return new Map(rows.map((row) => [row.id, row.sha256]))
  }

  /** Deletes a document with its sentences and chunks. */
  async deleteDocument(id: string): Promise<void> {
    await this.query(`DELETE FROM ${this.schema}.documents WHERE id = $1`, [id])
  }

  /** Replaces a document's rows (document, sentences, chunks) and leaves every other document's rows alone. */
  async replaceDocument(document: StoredDocument, sentences: readonly StoredSentence[], chunks: readonly StoredChunk[]): Promise<void> {
    const s = this.schema
    await this.deleteDocument(document.id)
    await this.query(`INSERT INTO ${s}.documents (id, path, title, sha256, body) VALUES ($1, $2, $3, $4, $5)`, [
      document.id,
      document.path,
      document.title,
      document.sha256,
      document.text,
    ])
    for (let offset = 0; offset < sentences.length; offset += INSERT_BATCH) {
      const batch = sentences.slice(offset, offset + INSERT_BATCH)
      await this.query(
        `INSERT INTO ${s}.sentences (doc_id, ordinal, section, start_offset, end_offset)
         SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::integer[], $5::integer[])`,
        [document.id, batch.map((sentence) => sentence.ordinal), batch.map((sentence) => sentence.section), batch.map((sentence) => sentence.start), batch.map((sentence) => sentence.end)],
      )
    }
    await this.insertChunks(document.id, chunks)
  }

  async addDocuments(documents: DocumentInterface[]): Promise<void> {
    const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent))
    await this.addVectors(vectors, documents)
  }

  /**
   * Adds chunks of documents already stored: each document's metadata names its `docId`, `ordinal`,
   * `start`, `end` (and optionally `section` and `sentenceOrdinals`); its page content is what is indexed.
   */
  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    if (vectors.length !== documents.length) throw new Error('addVectors needs one document per vector')
    const byDocument = new Map<string, StoredChunk[]>()
    documents.forEach((document, position) => {
      const { docId, ...place } = ChunkMetadataSchema.parse(document.metadata)
      let list = byDocument.get(docId)
      if (!list) byDocument.set(docId, (list = []))
      list.push({ ...place, content: document.pageContent, embedding: vectors[position]! })
    })
    for (const [docId, chunks] of byDocument) await this.insertChunks(docId, chunks)
  }

  /** Nearest chunks by cosine similarity alone, as LangChain documents with the chunk's place as metadata. */
  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface, number][]> {
    const { rows } = await this.query(
      `SELECT doc_id AS "docId", ordinal, section, sentence_ordinals AS "sentenceOrdinals", start_offset AS start, end_offset AS "end",
              content, 1 - (embedding <=> $1::vector) AS similarity
       FROM ${this.schema}.chunks
       WHERE $3::text[] IS NULL OR doc_id = ANY($3::text[])
       ORDER BY embedding <=> $1::vector
       LIMIT $2`,
      [toVectorLiteral(query), k, filter?.documents ? [...filter.documents] : null],
    )
    return rows.map(({ content, similarity, ...metadata }) => [new Document({ pageContent: content, metadata }), Number(similarity)])
  }

  /**
   * Dense (HNSW, cosine) and lexical (Okapi BM25 over the stored lexemes, one score per term group as in
   * Pirkola's structured queries) rankings of `candidates` chunks each, fused by reciprocal rank, best
   * first, in one SQL statement. The BM25 arithmetic follows the in-process index term for term, so both
   * engines rank the same corpus the same way; ties go to the earlier chunk (document path, then ordinal).
   */
  async hybridSearch(query: HybridSearchQuery): Promise<HybridHit[]> {
    const s = this.schema
    const groups = query.termGroups
      .map((group) => ({ terms: [...new Set(group.terms.map(toLexeme))].filter(Boolean), weight: group.weight ?? 1 }))
      .filter((group) => group.terms.length > 0)
    const terms = groups.flatMap((group) => group.terms)
    const termGroupNumbers = groups.flatMap((group, position) => group.terms.map(() => position + 1))
    const textQuery = terms.length > 0 ? [...new Set(terms)].map((term) => `'${term}'`).join(' | ') : null
    const { rows } = await this.query(
      `WITH
       nearest AS (
         SELECT doc_id, ordinal, embedding <=> $1::vector AS distance
         FROM ${s}.chunks
         WHERE $3::text[] IS NULL OR doc_id = ANY($3::text[])
         ORDER BY embedding <=> $1::vector
         LIMIT $2
       ),
       dense AS (
         SELECT n.doc_id, n.ordinal, 1 - n.distance AS score,
                row_number() OVER (ORDER BY n.distance, d.path COLLATE "C", n.ordinal) AS rank
         FROM nearest n JOIN ${s}.documents d ON d.id = n.doc_id
       ),
       term_groups AS (
         SELECT grp, weight FROM unnest($5::float8[]) WITH ORDINALITY AS g(weight, grp)
       ),
       terms AS (
         SELECT DISTINCT lexeme, grp FROM unnest($4::text[], $6::integer[]) AS t(lexeme, grp)
       ),
       matched AS (
         SELECT c.doc_id, c.ordinal, c.lexical_length, t.grp, sum(cardinality(u.positions))::float8 AS frequency
         FROM ${s}.chunks c
         -- Only the query's lexemes, without unnesting the whole vector: mark them with weight A, keep weight A.
         CROSS JOIN LATERAL unnest(ts_filter(setweight(c.lexemes, 'A', $4::text[]), '{a}')) AS u(lexeme, positions, weights)
         JOIN terms t ON t.lexeme = u.lexeme
         WHERE c.lexemes @@ to_tsquery('simple', $7::text)
           AND ($3::text[] IS NULL OR c.doc_id = ANY($3::text[]))
         GROUP BY c.doc_id, c.ordinal, c.lexical_length, t.grp
       ),
       group_frequency AS (
         SELECT grp, count(*)::float8 AS documents FROM matched GROUP BY grp
       ),
       statistics AS (
         SELECT chunk_count::float8 AS size,
                CASE WHEN chunk_count = 0 OR lexical_length_total = 0 THEN 1 ELSE lexical_length_total::float8 / chunk_count END AS average_length
         FROM ${s}.index_meta
       ),
       bm25 AS (
         SELECT m.doc_id, m.ordinal,
                sum(g.weight * ln(1 + (st.size - f.documents + 0.5) / (f.documents + 0.5)) * m.frequency * ($8::float8 + 1)
                    / (m.frequency + $8::float8 * (1 - $9::float8 + $9::float8 * m.lexical_length / st.average_length))) AS score
         FROM matched m
         JOIN group_frequency f USING (grp)
         JOIN term_groups g USING (grp)
         CROSS JOIN statistics st
         GROUP BY m.doc_id, m.ordinal
       ),
       lexical AS (
         SELECT b.doc_id, b.ordinal, b.score, row_number() OVER (ORDER BY b.score DESC, d.path COLLATE "C", b.ordinal) AS rank
         FROM bm25 b JOIN ${s}.documents d ON d.id = b.doc_id
         ORDER BY rank
         LIMIT $2
       )
       SELECT coalesce(dense.doc_id, lexical.doc_id) AS "docId",
              coalesce(dense.ordinal, lexical.ordinal) AS ordinal,
              coalesce(1 / ($10::float8 + dense.rank), 0) + coalesce(1 / ($10::float8 + lexical.rank), 0) AS score,
              dense.score AS dense,
              lexical.score AS lexical
       FROM dense FULL JOIN lexical ON dense.doc_id = lexical.doc_id AND dense.ordinal = lexical.ordinal
       ORDER BY score DESC`,
      [
        toVectorLiteral(query.vector),
        query.candidates,
        query.documents ? [...query.documents] : null,
        terms,
        groups.map((group) => group.weight),
        termGroupNumbers,
        textQuery,
        query.bm25.k1,
        query.bm25.b,
        query.fusionK,
      ],
    )
    return rows.map((row) => ({
      docId: row.docId as string,
      ordinal: row.ordinal as number,
      score: Number(row.score),
      dense: row.dense === null ? null : Number(row.dense),
      lexical: row.lexical === null ? null : Number(row.lexical),
    }))
  }

  /** Every stored document, sentence and chunk place (no vectors), documents in path order. */
  async readCorpus(): Promise<StoredCorpus> {
    const s = this.schema
    const documents = await this.query<StoredDocument>(`SELECT id, path, title, sha256, body AS text FROM ${s}.documents`)
    documents.rows.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0))
    const sentences = await this.query<StoredSentence & { docId: string }>(
      `SELECT doc_id AS "docId", ordinal, section, start_offset AS start, end_offset AS "end" FROM ${s}.sentences ORDER BY doc_id, ordinal`,
    )
    const chunks = await this.query<StoredChunkPlace>(
      `SELECT doc_id AS "docId", ordinal, section, sentence_ordinals AS "sentenceOrdinals", start_offset AS start, end_offset AS "end"
       FROM ${s}.chunks ORDER BY doc_id, ordinal`,
    )
    return { documents: documents.rows, sentences: sentences.rows, chunks: chunks.rows }
  }

  /** The bytes the chunks table and its indexes take, by relation, for capacity planning. */
  async measureSize(): Promise<Record<string, number>> {
    const { rows } = await this.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'i')`,
      [this.schema],
    )
    return Object.fromEntries(rows.map((row) => [row.name, Number(row.bytes)]))
  }

  // One query on a pooled connection (or the transaction's), set up for HNSW search on its first use.
  private async query<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>> {
    if (!(this.connection instanceof pg.Pool)) return this.connection.query<Row>(text, values)
    const client = await this.checkOut(this.connection)
    try {
      return await client.query<Row>(text, values)
    } finally {
      client.release()
    }
  }

  private async checkOut(pool: pg.Pool): Promise<pg.PoolClient> {
    const client = await pool.connect()
    if (!configuredClients.has(client)) {
      try {
        // Filtered searches keep walking the graph until enough rows pass the filter (pgvector 0.8).
        await client.query(`SET hnsw.ef_search = ${this.efSearch}; SET hnsw.iterative_scan = relaxed_order`)
      } catch (error) {
        client.release(error as Error)
        throw error
      }
      configuredClients.add(client)
    }
    return client
  }

  private async insertChunks(docId: string, chunks: readonly StoredChunk[]): Promise<void> {
    for (let offset = 0; offset < chunks.length; offset += INSERT_BATCH) {
      const batch = chunks.slice(offset, offset + INSERT_BATCH)
      const lexemeLists = batch.map((chunk) => contentStems(chunk.content).map(toLexeme).filter(Boolean))
      await this.query(
        `INSERT INTO ${this.schema}.chunks
           (doc_id, ordinal, section, sentence_ordinals, start_offset, end_offset, content, lexemes, lexical_length, embedding)
         SELECT $1, ordinal, section, translate(sentence_ordinals, '[]', '{}')::integer[], start_offset, end_offset, content,
                to_tsvector('simple', lexemes), lexical_length, embedding::vector
         FROM unnest($2::integer[], $3::text[], $4::text[], $5::integer[], $6::integer[], $7::text[], $8::text[], $9::integer[], $10::text[])
           AS c(ordinal, section, sentence_ordinals, start_offset, end_offset, content, lexemes, lexical_length, embedding)`,
        [
          docId,
          batch.map((chunk) => chunk.ordinal),
          batch.map((chunk) => chunk.section),
          batch.map((chunk) => JSON.stringify(chunk.sentenceOrdinals)),
          batch.map((chunk) => chunk.start),
          batch.map((chunk) => chunk.end),
          batch.map((chunk) => chunk.content),
          lexemeLists.map((lexemes) => lexemes.join(' ')),
          lexemeLists.map((lexemes) => lexemes.length),
          batch.map((chunk) => toVectorLiteral(chunk.embedding)),
        ],
      )
    }
  }
}

/**
 * A stem as a Postgres lexeme: PostgreSQL's parser would split a word at an apostrophe (o'brien → o,
 * brien), so apostrophes are dropped on both the indexing and the query side; every other stem sanad
 * makes (Arabic letters, Latin words, digit runs with . separators) parses as itself.
 */
export function toLexeme(stem: string): string {
  return stem.replace(/['’]/g, '')
}

function toVectorLiteral(vector: readonly number[]): string {
  return `[${vector.join(',')}]`
}
