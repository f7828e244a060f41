import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { SanadError } from '../errors/sanad-error.js'
import { cleanDocument } from './clean-document.js'
import type { SourceDocument } from './source-document.js'

const SOURCE_EXTENSIONS = new Set(['.txt', '.md'])

/** The sha256 of a text's UTF-8 bytes, in hex. */
export function hashText(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}

/** A stable document id from a file name: `article.txt` → `article`. */
export function documentIdFor(fileName: string): string {
  return basename(fileName, extname(fileName)).normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').toLowerCase()
}

/** Reads every .txt and .md file of a folder, in name order, exactly as stored. */
export async function loadSources(directory: string): Promise<SourceDocument[]> {
  let names: string[]
  try {
    names = await readdir(directory)
  } catch (cause) {
    throw new SanadError('index_unavailable', `cannot read the sources folder ${directory}`, { cause })
  }
  const files = names.filter((name) => SOURCE_EXTENSIONS.has(extname(name).toLowerCase())).sort()
  if (files.length === 0) throw new SanadError('index_unavailable', `no .txt or .md sources in ${directory}`)
  const documents: SourceDocument[] = []
  for (const file of files) {
    const bytes = await readFile(join(directory, file))
    const text = bytes.toString('utf8')
    const id = documentIdFor(file)
    if (documents.some((document) => document.id === id)) {
      throw new SanadError('index_unavailable', `two sources share the document id "${id}"`)
    }
    documents.push({ id, path: file, sha256: hashText(bytes), text, title: cleanDocument(text).title || id })
  }
  return documents
}

/** A source held in memory (an evaluation paragraph, a test text) as if read from `<id>.txt`. */
export function sourceFromText(id: string, text: string): SourceDocument {
  return { id, path: `${id}.txt`, sha256: hashText(text), text, title: cleanDocument(text).title || id }
}
