import { rmSync } from 'node:fs'
import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { loadOrBuildIndex } from '../../src/index/load-or-build-index.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'

/** The repository's index folder. */
export const REPOSITORY_INDEX_DIRECTORY = join(import.meta.dirname, '..', '..', 'index')

const copies = new Set<string>()
// The copies are removed when the test worker exits, so runs do not pile folders up in /tmp.
process.once('exit', () => {
  for (const directory of copies) rmSync(directory, { recursive: true, force: true })
})

/** Copies the repository's index (sources included) into a fresh temporary folder and returns its path. */
export async function copyIndexDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'sanad-index-'))
  copies.add(directory)
  await cp(REPOSITORY_INDEX_DIRECTORY, directory, { recursive: true })
  return directory
}

/** Loads the default-configuration index from a temporary copy, so a rebuild never touches the repository. */
export async function loadTestIndex(): Promise<SanadIndex> {
  const directory = await copyIndexDirectory()
  const { index } = await loadOrBuildIndex({
    indexDirectory: directory,
    sourcesDirectory: join(directory, 'sources'),
    embeddings: new LocalHashEmbeddings({ dimensions: 512 }),
    chunker: { maxCharacters: 600, overlapSentences: 1 },
  })
  return index
}
