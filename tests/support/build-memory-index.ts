import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { buildIndex } from '../../src/index/build-index.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { sourceFromText } from '../../src/source/load-sources.js'

/** An in-memory index of made-up texts (id → text), with the default chunker and local embedder. */
export async function buildMemoryIndex(texts: Record<string, string>): Promise<SanadIndex> {
  const sources = Object.entries(texts).map(([id, text]) => sourceFromText(id, text))
  return (await buildIndex(sources, new LocalHashEmbeddings({ dimensions: 512 }), { chunker: { maxCharacters: 600, overlapSentences: 1 } })).index
}
