import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  countDictdHeadwords,
  decodeDictdNumber,
  DictdDictionary,
  parseDictdEntry,
  parseDictdIndex,
  openEnglishArabicDictionary,
  readDictdDictionary,
  BUNDLED_DICTIONARY_DIRECTORY,
} from '../../src/translate/read-dictd-dictionary.js'


function encodeDictdNumber(value: number): string {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let text = ''
  do {
    text = digits[value % 64] + text
    value = Math.floor(value / 64)
  } while (value > 0)
  return text
}

// Writes a dictd dictionary of the given entries, as dictfmt does: data, then an index of base64 offsets.
async function writeDictionary(directory: string, name: string, entries: Record<string, string>, compress: boolean): Promise<void> {
  let data = ''
  const lines: string[] = ['00databaseinfo\tA\tB']
  for (const [headword, body] of Object.entries(entries)) {
    const entry = `${headword} /ipa/\n${body}\n`
    const offset = Buffer.byteLength(data)
    data += entry
    lines.push(`${headword.toLowerCase()}\t${encodeDictdNumber(offset)}\t${encodeDictdNumber(Buffer.byteLength(entry))}`)
  }
  await writeFile(join(directory, `${name}.index`), `${lines.join('\n')}\n`)
  await writeFile(join(directory, compress ? `${name}.dict.dz` : `${name}.dict`), compress ? gzipSync(data) : data)
}

describe('decodeDictdNumber', () => {
  it('should read big-endian base64 numbers as dictd writes them', () => {
    for (const value of [0, 63, 64, 4095, 1_120_954]) expect(decodeDictdNumber(encodeDictdNumber(value))).toBe(value)
  })

  it('should reject characters outside the base64 alphabet', () => {
    expect(() => decodeDictdNumber('a=b')).toThrow(RangeError)
  })
})

describe('parseDictdEntry', () => {
  it('should drop the headword line and split alternatives at slashes', () => {
    expect(parseDictdEntry('June /dʒˈuːn/\nيونيو/حزيران\n')).toEqual(['يونيو', 'حزيران'])
  })

  it('should strip sense numbers, glosses after a spaced dash and notes in brackets', () => {
    const entry = 'Isis /ˈaɪsɪs/\n1. إيزيس - الرّبّة الرّئيسيّة\n2. إسكارول (أعشاب)\n'
    expect(parseDictdEntry(entry)).toEqual(['إيزيس', 'إسكارول'])
  })

  it('should split alternatives at Arabic and Latin commas and semicolons', () => {
    expect(parseDictdEntry('State /stˈeɪt/\nالحالة، الدولة؛ يقرّ, دولة\n')).toEqual(['الحالة', 'الدولة', 'يقرّ', 'دولة'])
  })

  it('should work the same for a dictionary out of Arabic', () => {
    expect(parseDictdEntry('الصحفي /ʔasˈsˤaħafiː/\n1. Journalist\n2. Newspaperman\n')).toEqual(['Journalist', 'Newspaperman'])
  })
})

describe('DictdDictionary', () => {
  it('should read the data only when a word is first looked up', () => {
    let reads = 0
    const entry = 'Oil /ˈɔɪl/\nالنفط\n'
    const dictionary = new DictdDictionary(parseDictdIndex(`oil\tA\t${encodeDictdNumber(Buffer.byteLength(entry))}\n`), () => {
      reads++
      return Buffer.from(entry)
    })
    expect(dictionary.has('Oil')).toBe(true)
    expect(reads).toBe(0)
    expect(dictionary.lookup('OIL')).toEqual(['النفط'])
    dictionary.lookup('oil')
    expect(reads).toBe(1)
  })
})

describe('parseDictdIndex', () => {
  it('should keep every entry of a headword listed in several cases, in index order, and skip malformed lines', () => {
    const index = parseDictdIndex('00databaseinfo\tA\tB\nMay\tA\tB\nmay\tC\tD\nbroken line\nbin laden\tE\tF\n')
    expect(index.size).toBe(2)
    expect(index.get('may')).toEqual([
      { offset: 0, length: 1 },
      { offset: 2, length: 3 },
    ])
    expect([...index.keys()]).toEqual(['may', 'bin laden'])
    expect([...index].map(([headword, locations]) => [headword, locations.length])).toEqual([
      ['may', 2],
      ['bin laden', 1],
    ])
    expect(index.has('broken line')).toBe(false)
  })
})

describe('countDictdHeadwords', () => {
  it('should count headword lines, not database entries or blank lines', () => {
    const index = '00databaseinfo\tA\tB\n00databaseshort\tA\tB\nOil\tA\tC\noil\tC\tC\nbin laden\tE\tC\n\n'
    expect(countDictdHeadwords(index)).toBe(3)
  })

  it('should count a last line without a newline', () => {
    expect(countDictdHeadwords('cat\tA\tB\ndog\tB\tB')).toBe(2)
  })
})

describe('a lazily parsed DictdDictionary', () => {
  it('should parse its index on the first lookup only, and report the count it was given before that', () => {
    let parses = 0
    const entry = 'Oil /ˈɔɪl/\nالنفط\n'
    const dictionary = new DictdDictionary(
      () => {
        parses++
        return parseDictdIndex(`oil\tA\t${encodeDictdNumber(Buffer.byteLength(entry))}\n`)
      },
      () => Buffer.from(entry),
      '',
      1,
    )
    expect(dictionary.headwordCount).toBe(1)
    expect(parses).toBe(0)
    expect(dictionary.lookup('oil')).toEqual(['النفط'])
    expect(dictionary.has('OIL')).toBe(true)
    expect(dictionary.longestHeadwordWords).toBe(1)
    expect(parses).toBe(1)
  })
})

describe('readDictdDictionary', () => {
  let directory: string

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sanad-dictd-'))
    const entries = { Coalition: 'التحالف', 'Bin Laden': 'بن لادن', Journalist: 'الصحفي' }
    await writeDictionary(directory, 'freedict-eng-ara', entries, true)
    await writeDictionary(directory, 'freedict-fra-ara', { Journaliste: 'الصحفي' }, false)
  })

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('should look words up case-insensitively in a dictzip data file', async () => {
    const dictionary = await readDictdDictionary(directory, 'freedict-eng-ara')
    expect(dictionary?.lookup('JOURNALIST')).toEqual(['الصحفي'])
    expect(dictionary?.lookup('coalition')).toEqual(['التحالف'])
  })

  it('should look up multi-word headwords and know their length', async () => {
    const dictionary = await readDictdDictionary(directory, 'freedict-eng-ara')
    expect(dictionary?.lookup('bin  laden')).toEqual(['بن لادن'])
    expect(dictionary?.longestHeadwordWords).toBe(2)
  })

  it('should skip the database description entries', async () => {
    const dictionary = await readDictdDictionary(directory, 'freedict-eng-ara')
    expect(dictionary?.has('00databaseinfo')).toBe(false)
  })

  it('should read any language pair into Arabic, with a plain data file', async () => {
    const dictionary = await readDictdDictionary(directory, 'freedict-fra-ara')
    expect(dictionary?.lookup('journaliste')).toEqual(['الصحفي'])
  })

  it('should answer an empty list for a word it lacks', async () => {
    const dictionary = await readDictdDictionary(directory, 'freedict-eng-ara')
    expect(dictionary?.lookup('capital')).toEqual([])
  })

  it('should return null when the dictionary is not installed', async () => {
    expect(await readDictdDictionary(directory, 'freedict-deu-ara')).toBeNull()
  })
})

describe('the bundled FreeDict English–Arabic dictionary', () => {
  it('should translate the words of news questions', async () => {
    const dictionary = await readDictdDictionary(BUNDLED_DICTIONARY_DIRECTORY, 'freedict-eng-ara')
    expect(dictionary?.lookup('journalist')).toContain('الصحفي')
    expect(dictionary?.lookup('coalition')).toContain('التحالف')
    expect(dictionary?.lookup('June')).toEqual(expect.arrayContaining(['يونيو', 'حزيران']))
    expect(dictionary?.lookup('Bahrain')).toContain('البحرين')
  })
})

// The promise of the README: no system package is needed. With the system folder hidden (a path that
// does not exist, or one without the files), the bundled copy is found; a present system copy wins.
describe('openEnglishArabicDictionary', () => {
  it('should fall back to the bundled copy when DICTIONARY_DIR does not exist', async () => {
    const dictionary = await openEnglishArabicDictionary('/nonexistent/dictd')
    expect(dictionary?.directory).toBe(BUNDLED_DICTIONARY_DIRECTORY)
    expect(dictionary?.headwordCount).toBeGreaterThan(80_000)
    expect(dictionary?.lookup('journalist')).toContain('الصحفي')
  })

  it('should fall back to the bundled copy when DICTIONARY_DIR is not set', async () => {
    expect((await openEnglishArabicDictionary(undefined))?.directory).toBe(BUNDLED_DICTIONARY_DIRECTORY)
  })

  it('should prefer a configured folder that holds the dictionary', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sanad-dictd-'))
    try {
      const entry = 'cat /kæt/\nقطة\n'
      await writeFile(join(folder, 'freedict-eng-ara.index'), `cat\t${encodeDictdNumber(0)}\t${encodeDictdNumber(Buffer.byteLength(entry))}\n`)
      await writeFile(join(folder, 'freedict-eng-ara.dict'), entry)
      const dictionary = await openEnglishArabicDictionary(folder)
      expect(dictionary?.directory).toBe(folder)
      expect(dictionary?.lookup('cat')).toEqual(['قطة'])
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
