import { createHash } from 'node:crypto'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SanadError } from '../../src/errors/sanad-error.js'
import { documentIdFor, hashText, loadSources } from '../../src/source/load-sources.js'
import { SourceDocumentSchema } from '../../src/source/source-document.js'
import { ARTICLE_SOURCES_DIRECTORY, ARTICLE_TEXT } from '../fixtures/foundation-article.js'
import { useTemporaryDirectories } from '../fixtures/foundation-temporary-directories.js'

const NOTES_PATH = join(import.meta.dirname, '..', 'fixtures', 'foundation-notes.md')
const makeTemporaryDirectory = useTemporaryDirectories('sanad-sources-')

async function createSourcesFolder(): Promise<string> {
  const directory = await makeTemporaryDirectory()
  await copyFile(join(ARTICLE_SOURCES_DIRECTORY, 'article.txt'), join(directory, 'article.txt'))
  await copyFile(NOTES_PATH, join(directory, 'Coalition Notes.md'))
  await writeFile(join(directory, 'ignored.json'), '{"not": "a source"}')
  return directory
}

describe('loadSources', () => {
  it('should read every .txt and .md file in name order, byte for byte', async () => {
    const documents = await loadSources(await createSourcesFolder())
    expect(documents.map((document) => document.path)).toEqual(['Coalition Notes.md', 'article.txt'])
    expect(documents[1]!.text).toBe(ARTICLE_TEXT)
    expect(documents[0]!.text).toBe(await readFile(NOTES_PATH, 'utf8'))
    for (const document of documents) expect(SourceDocumentSchema.parse(document)).toEqual(document)
  })

  it('should give each document a stable id and its title', async () => {
    const documents = await loadSources(await createSourcesFolder())
    expect(documents.map((document) => document.id)).toEqual(['coalition-notes', 'article'])
    expect(documents.map((document) => document.title)).toEqual(['ملاحظات عن التحالف الدولي', 'دور المغرب في التحالف الدولي ضد الإرهاب'])
  })

  it('should record the sha256 of the file bytes', async () => {
    const [, article] = await loadSources(await createSourcesFolder())
    const bytes = await readFile(join(ARTICLE_SOURCES_DIRECTORY, 'article.txt'))
    expect(article!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(article!.sha256).toMatch(/^25beb66d/)
  })

  it('should fail with index_unavailable when the folder holds no source', async () => {
    const empty = await makeTemporaryDirectory()
    await writeFile(join(empty, 'readme.json'), '{}')
    await expect(loadSources(empty)).rejects.toSatisfy((error) => SanadError.isInstance(error) && error.code === 'index_unavailable')
  })

  it('should fail with index_unavailable when the folder is missing', async () => {
    await expect(loadSources(join(tmpdir(), 'sanad-no-such-folder', String(process.pid)))).rejects.toMatchObject({
      name: 'SanadError',
      code: 'index_unavailable',
    })
  })

  it('should refuse two sources with the same document id', async () => {
    const directory = await makeTemporaryDirectory()
    await writeFile(join(directory, 'article.md'), '# عنوان\n')
    await writeFile(join(directory, 'article.txt'), 'عنوان\n')
    await expect(loadSources(directory)).rejects.toMatchObject({ code: 'index_unavailable', message: expect.stringContaining('article') })
  })
})

describe('documentIdFor', () => {
  it('should drop the extension and make the name safe', () => {
    expect(documentIdFor('article.txt')).toBe('article')
    expect(documentIdFor('Coalition Notes.md')).toBe('coalition-notes')
    expect(documentIdFor('مقال الإرهاب.txt')).toBe('مقال-الإرهاب')
  })
})

describe('hashText', () => {
  it('should hash a string as its UTF-8 bytes', () => {
    expect(hashText('داعش')).toBe(hashText(Buffer.from('داعش', 'utf8')))
    expect(hashText('داعش')).not.toBe(hashText('داعش '))
  })
})
