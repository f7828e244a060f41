// Child process of `npm run bench`: one retrieval system on one corpus per process, so that its memory
// is its own. argv: <options JSON> <result file>.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ChunkOptionsSchema } from '../../chunk/corpus.js'
import { LocalHashEmbeddings } from '../../embed/local-hash-embeddings.js'
import { PROJECT_DIRECTORY } from '../../project-directory.js'
import { loadPeerCorpus, PeerCorpusSpecSchema } from '../load-peer-corpus.js'
import { measurePeer } from '../measure-peer.js'
import { createLangChainMemorySystem } from '../peers/create-langchain-memory-system.js'
import { createOramaSystem } from '../peers/create-orama-system.js'
import { createSanadSystem } from '../peers/create-sanad-system.js'

const OptionsSchema = z.object({
  system: z.enum(['sanad', 'orama', 'langchain']),
  corpus: PeerCorpusSpecSchema,
  chunker: ChunkOptionsSchema,
  dimensions: z.number().int().positive(),
  samples: z.number().int().positive(),
  warmup: z.number().int().min(0),
  budgetMs: z.number().positive(),
})

const [optionsJson, resultPath] = process.argv.slice(2)
if (!optionsJson || !resultPath) throw new Error('usage: run-peer.ts <options JSON> <result file>')
const options = OptionsSchema.parse(JSON.parse(optionsJson))
const versionOf = async (name: string) => (JSON.parse(await readFile(join(PROJECT_DIRECTORY, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
const embeddings = new LocalHashEmbeddings({ dimensions: options.dimensions })
const system =
  options.system === 'sanad'
    ? createSanadSystem(embeddings, options.chunker)
    : options.system === 'orama'
      ? createOramaSystem(embeddings, await versionOf('@orama/orama'))
      : createLangChainMemorySystem(embeddings, await versionOf('@langchain/classic'))
const corpus = await loadPeerCorpus(options.corpus, options.chunker)
const result = await measurePeer(system, { ...corpus, name: options.corpus.name }, options)
await writeFile(resultPath, JSON.stringify(result))
