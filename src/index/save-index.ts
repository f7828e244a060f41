import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { HnswVectorStore } from '../vector-store/hnsw-vector-store.js'
import { hashFile } from './hash-file.js'
import { INDEX_FILES, type IndexManifest } from './index-manifest.js'
import type { SanadIndex } from './sanad-index.js'

/**
 * Writes an index folder: corpus, lexical index, source guides, vector store, then the manifest with a checksum
 * of every file. Files are written to a scratch folder first and moved in, manifest last, so a
 * crash never leaves a manifest that vouches for half-written files.
 */
export async function saveIndex(index: SanadIndex, directory: string): Promise<IndexManifest> {
  if (!(index.vectorStore instanceof HnswVectorStore)) throw new Error('an index whose vectors live in Postgres is saved there, not in a folder')
  const scratch = await mkdtemp(join(directory, '.build-'))
  try {
    await writeFile(join(scratch, INDEX_FILES.corpus), JSON.stringify(index.corpus))
    await writeFile(join(scratch, INDEX_FILES.lexical), index.lexical.toBinary())
    await writeFile(join(scratch, INDEX_FILES.guide), JSON.stringify([...index.guides.values()]))
    await index.vectorStore.save(scratch)
    const names = (await readdir(scratch)).sort()
    const files: Record<string, string> = {}
    for (const name of names) files[name] = await hashFile(join(scratch, name))
    const manifest: IndexManifest = { ...index.manifest, files }
    await rm(join(directory, INDEX_FILES.manifest), { force: true })
    for (const name of names) await rename(join(scratch, name), join(directory, name))
    await writeFile(join(directory, INDEX_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`)
    return manifest
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
