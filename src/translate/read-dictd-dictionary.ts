import { readFileSync } from 'node:fs'
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { PROJECT_DIRECTORY } from '../project-directory.js'

/** FreeDict English–Arabic as bundled in the repository (`data/freedict-eng-ara/`, GPL-2.0-or-later). */
export const BUNDLED_DICTIONARY_DIRECTORY = join(PROJECT_DIRECTORY, 'data', 'freedict-eng-ara')

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT_VALUES = new Int8Array(128).fill(-1)
for (let digit = 0; digit < BASE64_DIGITS.length; digit++) DIGIT_VALUES[BASE64_DIGITS.charCodeAt(digit)] = digit

/** Decodes a dictd index number: big-endian base 64 with the standard alphabet and no padding. */
export function decodeDictdNumber(text: string): number {
  let value = 0
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position)
    const digit = code < 128 ? DIGIT_VALUES[code]! : -1
    if (digit < 0) throw new RangeError(`not a dictd base64 number: ${text}`)
    value = value * 64 + digit
  }
  return value
}

// "1. القنبلة النووية": a numbered sense.
const SENSE_NUMBER = /^\s*\d+\.\s*/
// "إيزيس - الرّبّة الرّئيسيّة …": what follows a spaced dash is a gloss, not a translation.
const GLOSS = /\s+[-–]\s+.*$/
// "إسكارول (أعشاب)": a note in brackets.
const NOTE = /\s*[([][^)\]]*[)\]]?/g
const SEPARATORS = /[,،;؛/]/
// Lines of a dictd index that describe the database ("00databaseinfo" and its kin) rather than a word.
const DATABASE_ENTRY = '00database'

/**
 * The translations of a FreeDict entry ("June /dʒˈuːn/\nيونيو/حزيران\n" → ["يونيو", "حزيران"]):
 * the headword line is dropped, then numbered senses, glosses and notes; alternatives are split at
 * commas, semicolons and slashes. Works for any language pair.
 */
export function parseDictdEntry(entry: string): string[] {
  const translations: string[] = []
  // The first line is the headword with its IPA ("Journalist /dʒˈɜːnəlˌɪst/").
  for (const line of entry.split('\n').slice(1)) {
    const sense = line.replace(SENSE_NUMBER, '').replace(GLOSS, '').replace(NOTE, ' ')
    for (const part of sense.split(SEPARATORS)) {
      const translation = part.replace(/\s+/g, ' ').trim()
      if (/\p{L}/u.test(translation) && !translations.includes(translation)) translations.push(translation)
    }
  }
  return translations
}

interface EntryLocation {
  offset: number
  length: number
}

/** Entry locations by case-folded headword: a Map, or the compact form that `parseDictdIndex` builds. */
export type DictdIndex = Pick<ReadonlyMap<string, readonly EntryLocation[]>, 'get' | 'has' | 'keys' | 'size'> & Iterable<[string, readonly EntryLocation[]]>

/**
 * A parsed dictd index held compactly: one Map from headword to its first entry, and the entries'
 * offsets and lengths in typed arrays, chained when a headword has several (its case variants). A Map of
 * arrays of objects holds 87k headwords in several times the memory.
 */
class CompactDictdIndex implements DictdIndex {
  constructor(
    private readonly firstEntry: ReadonlyMap<string, number>,
    private readonly offsets: Uint32Array,
    private readonly lengths: Uint32Array,
    /** The next entry of the same headword, or -1. */
    private readonly nextEntry: Int32Array,
  ) {}

  get size(): number {
    return this.firstEntry.size
  }

  has(headword: string): boolean {
    return this.firstEntry.has(headword)
  }

  get(headword: string): EntryLocation[] | undefined {
    const first = this.firstEntry.get(headword)
    return first === undefined ? undefined : this.locationsFrom(first)
  }

  keys(): MapIterator<string> {
    return this.firstEntry.keys()
  }

  *[Symbol.iterator](): IterableIterator<[string, EntryLocation[]]> {
    for (const [headword, first] of this.firstEntry) yield [headword, this.locationsFrom(first)]
  }

  private locationsFrom(first: number): EntryLocation[] {
    const locations: EntryLocation[] = []
    for (let entry = first; entry >= 0; entry = this.nextEntry[entry]!) locations.push({ offset: this.offsets[entry]!, length: this.lengths[entry]! })
    return locations
  }
}

/**
 * A dictd dictionary (`name.index` and `name.dict` or `name.dict.dz`) looked up by headword,
 * case-insensitively; multi-word headwords ("bin laden") are looked up with their words joined by spaces.
 * The index may be given as a function: it is then parsed on the first lookup, like the data file,
 * which is read (and gunzipped, dictzip being gzip) on the first lookup only.
 */
export class DictdDictionary {
  private data: Buffer | null = null
  private parsedIndex: DictdIndex | null
  private longestHeadword: number | null = null
  private readonly cache = new Map<string, string[]>()
  /** How many headwords the index lists (by default, how many distinct case-folded ones it has). */
  readonly headwordCount: number

  constructor(
    private readonly index: DictdIndex | (() => DictdIndex),
    private readonly readData: () => Buffer,
    /** The directory the dictionary was read from. */
    readonly directory = '',
    headwordCount?: number,
  ) {
    this.parsedIndex = typeof index === 'function' ? null : index
    this.headwordCount = headwordCount ?? this.entriesByHeadword.size
  }

  private get entriesByHeadword(): DictdIndex {
    return (this.parsedIndex ??= typeof this.index === 'function' ? this.index() : this.index)
  }

  /** The number of words of the longest headword, for phrase lookups. */
  get longestHeadwordWords(): number {
    if (this.longestHeadword === null) {
      let longest = 1
      for (const headword of this.entriesByHeadword.keys()) longest = Math.max(longest, headword.split(' ').length)
      this.longestHeadword = longest
    }
    return this.longestHeadword
  }

  /** Whether the headword is in the dictionary. */
  has(headword: string): boolean {
    return this.entriesByHeadword.has(foldHeadword(headword))
  }

  /** Every headword with its translations, read straight from the data without caching (for inverting). */
  *entries(): IterableIterator<[string, string[]]> {
    this.data ??= this.readData()
    for (const [headword, locations] of this.entriesByHeadword) {
      const translations = this.cache.get(headword) ?? locations.flatMap(({ offset, length }) => parseDictdEntry(this.data!.toString('utf8', offset, offset + length)))
      yield [headword, translations]
    }
  }

  /** The translations of a headword, in dictionary order; empty when it is absent. */
  lookup(headword: string): string[] {
    const key = foldHeadword(headword)
    const cached = this.cache.get(key)
    if (cached) return cached
    const locations = this.entriesByHeadword.get(key)
    if (!locations) return []
    this.data ??= this.readData()
    const translations: string[] = []
    for (const { offset, length } of locations) {
      for (const translation of parseDictdEntry(this.data.toString('utf8', offset, offset + length))) {
        if (!translations.includes(translation)) translations.push(translation)
      }
    }
    this.cache.set(key, translations)
    return translations
  }
}

function foldHeadword(headword: string): string {
  const lower = headword.toLowerCase()
  return /\s\s|^\s|\s$|[\t\n]/.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower
}

/**
 * Parses the lines of a dictd `.index` file into entry locations by case-folded headword, reading the
 * text in place (no array of lines, no array per line) into the compact form.
 */
export function parseDictdIndex(text: string): DictdIndex {
  const firstEntry = new Map<string, number>()
  const lastEntry = new Map<number, number>()
  const offsets: number[] = []
  const lengths: number[] = []
  const nextEntry: number[] = []
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const firstTab = text.indexOf('\t', start)
    const secondTab = firstTab >= 0 && firstTab < end ? text.indexOf('\t', firstTab + 1) : -1
    if (secondTab >= 0 && secondTab < end && firstTab > start && !text.startsWith(DATABASE_ENTRY, start)) {
      const key = foldHeadword(text.slice(start, firstTab))
      const lengthEnd = text.indexOf('\t', secondTab + 1)
      const entry = offsets.length
      offsets.push(decodeDictdNumber(text.slice(firstTab + 1, secondTab).trim()))
      lengths.push(decodeDictdNumber(text.slice(secondTab + 1, lengthEnd >= 0 && lengthEnd < end ? lengthEnd : end).trim()))
      nextEntry.push(-1)
      const first = firstEntry.get(key)
      if (first === undefined) firstEntry.set(key, entry)
      else nextEntry[lastEntry.get(first) ?? first] = entry
      if (first !== undefined) lastEntry.set(first, entry)
    }
    start = end + 1
  }
  return new CompactDictdIndex(firstEntry, Uint32Array.from(offsets), Uint32Array.from(lengths), Int32Array.from(nextEntry))
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

/**
 * Counts the headword lines of a dictd `.index` file without parsing it (database entries excluded).
 * The text may be decoded as latin1, which is quicker than UTF-8 and keeps every newline where it was.
 */
export function countDictdHeadwords(indexText: string): number {
  let count = 0
  for (let start = 0; start < indexText.length; ) {
    let end = indexText.indexOf('\n', start)
    if (end < 0) end = indexText.length
    if (end > start && !indexText.startsWith(DATABASE_ENTRY, start)) count++
    start = end + 1
  }
  return count
}

/**
 * Opens the dictd dictionary `name` (e.g. "freedict-eng-ara") in a directory, or returns null when
 * it is not installed there. Only the index's lines are counted now (about a millisecond); the
 * index is parsed on the first lookup and the data read then too, so a server that never meets
 * English does not hold the 87k headwords in memory.
 */
export async function readDictdDictionary(directory: string, name: string): Promise<DictdDictionary | null> {
  const indexPath = join(directory, `${name}.index`)
  const plainPath = join(directory, `${name}.dict`)
  const compressedPath = join(directory, `${name}.dict.dz`)
  if (!(await exists(indexPath))) return null
  const dataPath = (await exists(plainPath)) ? plainPath : (await exists(compressedPath)) ? compressedPath : null
  if (!dataPath) return null
  const headwordCount = countDictdHeadwords(await readFile(indexPath, 'latin1'))
  // Read synchronously on first use: lookups run inside synchronous query building.
  return new DictdDictionary(
    () => parseDictdIndex(readFileSync(indexPath, 'utf8')),
    () => {
      const raw = readFileSync(dataPath)
      return dataPath.endsWith('.dz') ? gunzipSync(raw) : raw
    },
    directory,
    headwordCount,
  )
}

/**
 * Opens FreeDict English–Arabic from `configuredDirectory` (DICTIONARY_DIR, e.g. a system-wide
 * `/usr/share/dictd`) when it is there, and otherwise from the copy bundled with sanad, so English
 * questions work after `npm install` alone. Null only when the bundled copy was removed as well.
 */
export async function openEnglishArabicDictionary(configuredDirectory?: string): Promise<DictdDictionary | null> {
  const name = 'freedict-eng-ara'
  const configured = configuredDirectory ? await readDictdDictionary(configuredDirectory, name) : null
  return configured ?? readDictdDictionary(BUNDLED_DICTIONARY_DIRECTORY, name)
}
