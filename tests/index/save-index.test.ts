import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { INDEX_FILES, IndexManifestSchema, type IndexManifest } from '../../src/index/index-manifest.js'
import { Bm25Index } from '../../src/lexical/bm25-index.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { saveIndex } from '../../src/index/save-index.js'
import { buildArticleIndex } from '../fixtures/foundation-build-article-index.js'
import { useTemporaryDirectories } from '../fixtures/foundation-temporary-directories.js'

const makeTemporaryDirectory = useTemporaryDirectories('sanad-save-')
const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
let directory: string
let index: SanadIndex
let manifest: IndexManifest

beforeAll(async () => {
  directory = await makeTemporaryDirectory()
  ;({ index, manifest } = await buildArticleIndex(directory))
})

describe('saveIndex', () => {
  it('should write the corpus, the lexical index, the vectors and a manifest that checksums each of them', async () => {
    const written = JSON.parse(await readFile(join(directory, INDEX_FILES.manifest), 'utf8'))
    expect(IndexManifestSchema.parse(written)).toEqual(manifest)
    expect(Object.keys(manifest.files)).toEqual(['corpus.json', 'guide.json', 'lexical.bin', 'vectors.documents.json', 'vectors.hnsw'])
    for (const [name, sha256] of Object.entries(manifest.files)) expect(sha256Of(await readFile(join(directory, name))), name).toBe(sha256)
  })

  it('should leave no scratch folder behind', async () => {
    expect((await readdir(directory)).filter((name) => name.startsWith('.'))).toEqual([])
  })

  it('should write the corpus structure that the index holds', async () => {
    expect(JSON.parse(await readFile(join(directory, INDEX_FILES.corpus), 'utf8'))).toEqual(index.corpus)
    expect(Bm25Index.fromBinary(await readFile(join(directory, INDEX_FILES.lexical))).toJSON()).toEqual(index.lexical.toJSON())
  })

  it('should replace an older index and its manifest', async () => {
    const older = await makeTemporaryDirectory()
    await writeFile(join(older, INDEX_FILES.manifest), '{"formatVersion": 0}')
    await writeFile(join(older, INDEX_FILES.corpus), 'old')
    expect(await saveIndex(index, older)).toEqual(manifest)
    expect(JSON.parse(await readFile(join(older, INDEX_FILES.manifest), 'utf8'))).toEqual(manifest)
    for (const name of Object.keys(manifest.files)) expect((await readFile(join(older, name))).equals(await readFile(join(directory, name))), name).toBe(true)
  })
})
