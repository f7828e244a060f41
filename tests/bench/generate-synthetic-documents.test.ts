import { describe, expect, it } from 'vitest'
import { generateSyntheticDocuments, type SyntheticMaterial } from '../../src/bench/generate-synthetic-documents.js'

const material: SyntheticMaterial = {
  sentences: [
    'أعلن باراك اوباما عن مقتل بن لادن في باكستان.',
    'يضم التحالف الدولي أربعين دولة لمحاربة الإرهاب.',
    'وقع المغرب على الاتفاقية الدولية لقمع تمويل الإرهاب.',
    'تبقى الاستخبارات بكل مكوناتها أساسية في مواجهة التنظيمات المتطرفة.',
  ],
  headings: ['إعلان الحرب ضد داعش', 'التحدي العالمي'],
}

const take = (count: number, seed = 7, replacementRate?: number) =>
  [...generateSyntheticDocuments(material, { seed, count, ...(replacementRate === undefined ? {} : { replacementRate }) })]

const wordsOf = (text: string) => text.split(/\s+/u).map((word) => word.replace(/[^\p{L}]/gu, '')).filter(Boolean)

describe('generateSyntheticDocuments', () => {
  it('should yield the same documents for the same seed and different ones for another seed', () => {
    expect(take(5)).toEqual(take(5))
    expect(take(5, 8).map((document) => document.text)).not.toEqual(take(5).map((document) => document.text))
  })

  it('should make a smaller corpus a prefix of a larger one', () => {
    const small = take(4)
    const large = take(40)
    expect(large.slice(0, 4).map((document) => document.text)).toEqual(small.map((document) => document.text))
  })

  it('should yield exactly the asked count, with distinct file names that sort in generation order', () => {
    const documents = take(120)
    expect(documents).toHaveLength(120)
    const names = documents.map((document) => document.fileName)
    expect(new Set(names).size).toBe(120)
    expect([...names].sort()).toEqual(names)
    for (const name of names) expect(name).toMatch(/^synthetic-\d+\.txt$/)
  })

  it('should open each document with a title line, a blank line and paragraphs', () => {
    for (const document of take(10)) {
      const [title, blank, ...rest] = document.text.split('\n')
      expect(title!.trim().length).toBeGreaterThan(0)
      expect(blank).toBe('')
      expect(rest.filter((line) => line.trim().length > 0).length).toBeGreaterThan(3)
    }
  })

  it('should only use article words when nothing is replaced', () => {
    const articleWords = new Set([...material.sentences, ...material.headings].flatMap(wordsOf))
    const foreign = take(10, 7, 0).flatMap((document) => wordsOf(document.text)).filter((word) => !articleWords.has(word))
    expect(foreign).toEqual([])
  })

  it('should grow the vocabulary as the corpus grows', () => {
    const vocabulary = (count: number) => new Set(take(count).flatMap((document) => wordsOf(document.text))).size
    expect(vocabulary(200)).toBeGreaterThan(vocabulary(20))
  })

  it('should refuse material without sentences', () => {
    expect(() => [...generateSyntheticDocuments({ sentences: [], headings: [] }, { seed: 1, count: 1 })]).toThrow(/sentence/)
  })
})
