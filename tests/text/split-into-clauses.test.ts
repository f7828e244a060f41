import { describe, expect, it } from 'vitest'
import { splitIntoClauses, splitIntoCoordinatedClauses } from '../../src/text/split-into-clauses.js'

const texts = (text: string, spans: { start: number; end: number }[]) => spans.map((span) => text.slice(span.start, span.end))

describe('splitIntoClauses', () => {
  it('should cut at commas, semicolons and colons outside quotation marks', () => {
    const text = 'قال الوزير: "نريد، ونستطيع"، ثم غادر؛ وانتهى اللقاء.'
    expect(texts(text, splitIntoClauses(text))).toEqual(['قال الوزير', '"نريد، ونستطيع"', 'ثم غادر', 'وانتهى اللقاء.'])
  })

  it('should offset the spans by where the sentence starts', () => {
    expect(splitIntoClauses('أ، ب', 10)).toEqual([{ start: 10, end: 11 }, { start: 13, end: 14 }])
  })
})

describe('splitIntoCoordinatedClauses', () => {
  it('should keep an apposition with its clause and cut before a coordinator', () => {
    const text = 'رفع البنك المركزي، وهو أكبر البنوك، الفائدة، فيما أبقى المصرف الآخر سعره، بينما انتظر الثالث.'
    expect(texts(text, splitIntoCoordinatedClauses(text))).toEqual(['رفع البنك المركزي، وهو أكبر البنوك، الفائدة', 'فيما أبقى المصرف الآخر سعره', 'بينما انتظر الثالث.'])
  })
})
