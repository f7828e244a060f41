import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadPeerCorpus } from '../bench/load-peer-corpus.js'
import { measureHnswParameters, type HnswSetting } from '../bench/measure-hnsw-parameters.js'
import { candidatesFor } from '../retrieve/chunk-retriever.js'
import { createEmbeddings } from '../config/create-index-location.js'
import { loadConfig } from '../config/load-config.js'
import { PROJECT_DIRECTORY } from '../project-directory.js'

const USAGE = `Usage: npm run bench:hnsw -- [--chunks N] [--m LIST] [--ef-construction LIST] [--ef-search LIST] [--json FILE]

Builds hnswlib graphs of the bench's synthetic news (the scale curve's corpus, local embeddings) for
each M × efConstruction, and reports the build's CPU time and, for each efSearch, the recall of the
retriever's dense candidates against exact search and the query time. Queries: the question set's
Arabic questions and the openings of 400 chunks spread evenly over the corpus.

  --chunks N              corpus size (default 20000)
  --m LIST                comma-separated M values (default 16,12,8)
  --ef-construction LIST  comma-separated efConstruction values (default 200,100,64,40)
  --ef-search LIST        comma-separated efSearch values (default 64,96,128)
  --json FILE             also write the measurements as JSON`

const SCALE_SEED = 20140907
// The seed the index builds its graph with (HnswVectorStore's default).
const GRAPH_SEED = 100
const CHUNK_QUERIES = 400
const CHUNK_QUERY_CHARACTERS = 120

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      chunks: { type: 'string', default: '20000' },
      m: { type: 'string', default: '16,12,8' },
      'ef-construction': { type: 'string', default: '200,100,64,40' },
      'ef-search': { type: 'string', default: '64,96,128' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const numbers = (list: string, name: string) => {
    const parsed = list.split(',').map(Number)
    if (parsed.some((value) => !Number.isInteger(value) || value <= 0)) throw new Error(`--${name} takes positive integers separated by commas`)
    return parsed
  }
  const chunks = numbers(values.chunks, 'chunks')[0]!
  const settings: HnswSetting[] = numbers(values.m, 'm').flatMap((m) => numbers(values['ef-construction'], 'ef-construction').map((efConstruction) => ({ m, efConstruction })))
  const efSearch = numbers(values['ef-search'], 'ef-search')

  const config = loadConfig({})
  const embeddings = createEmbeddings(config)
  const chunker = { maxCharacters: config.CHUNK_MAX_CHARACTERS, overlapSentences: config.CHUNK_OVERLAP_SENTENCES }
  const corpus = await loadPeerCorpus({ name: 'synthetic', sourcesDirectory: join(PROJECT_DIRECTORY, 'index', 'sources'), targetChunks: chunks, seed: SCALE_SEED }, chunker)
  const embed = async (texts: readonly string[]) => {
    const vectors: Float32Array[] = []
    for (let offset = 0; offset < texts.length; offset += 256) for (const vector of await embeddings.embedDocuments(texts.slice(offset, offset + 256))) vectors.push(Float32Array.from(vector))
    return vectors
  }
  const vectors = await embed(corpus.chunkTexts)
  const queryTexts = [
    ...corpus.questions.map((question) => question.question),
    ...corpus.chunkTexts.filter((_, label) => label % Math.max(1, Math.floor(corpus.chunkTexts.length / CHUNK_QUERIES)) === 0).slice(0, CHUNK_QUERIES).map((text) => text.slice(0, CHUNK_QUERY_CHARACTERS)),
  ]
  const queries = await Promise.all(queryTexts.map(async (text) => Float32Array.from(await embeddings.embedQuery(text))))
  const k = candidatesFor(config.TOP_K)
  process.stderr.write(`[bench:hnsw] ${vectors.length} chunks, ${queries.length} queries, recall@${k}\n`)
  const measurements = measureHnswParameters({ vectors, queries, k, settings, efSearch, randomSeed: GRAPH_SEED })

  const header = ['M', 'efC', 'build CPU s', 'build wall s', ...efSearch.flatMap((ef) => [`recall ef${ef}`, `p50 ms ef${ef}`])]
  const rows = measurements.map((row) => [
    String(row.m),
    String(row.efConstruction),
    (row.buildCpuMs / 1000).toFixed(1),
    (row.buildWallMs / 1000).toFixed(1),
    ...row.searches.flatMap((search) => [search.recall.toFixed(4), search.p50Ms.toFixed(3)]),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, column) => cell.padStart(widths[column]!)).join('  ')}\n`)
  if (values.json) await writeFile(resolve(values.json), `${JSON.stringify({ chunks: vectors.length, queries: queries.length, k, measurements }, null, 2)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:hnsw failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
