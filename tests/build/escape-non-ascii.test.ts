import { describe, expect, it } from 'vitest'
import { escapeNonAscii } from '../../src/build/escape-non-ascii.js'

// Small made-up expressions in the shapes esbuild leaves unescaped (regular expression literals), and a
// few it escapes itself, with texts to run them on.
const EXPRESSIONS = [
  String.raw`/[،؟!]+/g`,
  String.raw`/^(?:و|ف)?(?:فيما|بينما|في حين)\s/`,
  String.raw`/[ا-ي]+/gu`,
  String.raw`/[^\u0600-\u06FFa-z]/g`,
  String.raw`/\،/g`,
  String.raw`/😀+/u`,
  String.raw`/[😀x]/gu`,
  String.raw`/["“”«»]/g`,
]
const TEXTS = ['قال: «فيما بعد»، ثم؟! ', 'وفيما يلي نص', 'abc سند 😀😀 x', 'بينما “هو” هنا', '']

function run(expression: string): string[][] {
  const pattern = new Function(`return ${expression}`)() as RegExp
  return TEXTS.map((text) => text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)) ?? [])
}

describe('escapeNonAscii', () => {
  it('should turn code into pure ASCII', () => {
    expect(escapeNonAscii('const r = /[،؟]/g; // سند 😀')).toMatch(/^[\x00-\x7f]*$/)
  })

  it('should keep every regular expression literal matching exactly what it matched before', () => {
    for (const expression of EXPRESSIONS) {
      const escaped = escapeNonAscii(expression)
      expect(escaped).toMatch(/^[\x00-\x7f]*$/)
      expect(run(escaped)).toEqual(run(expression))
    }
  })

  it('should keep strings and templates equal to themselves, and leave ASCII code as it was', () => {
    const code = 'const s = "سند", t = `قال ${1} 😀`, r = /\\d+/g'
    const evaluate = (text: string) => new Function(`${text}; return [s, t, r.source]`)() as string[]
    expect(evaluate(escapeNonAscii(code))).toEqual(evaluate(code))
    expect(escapeNonAscii('const x = "a\\\\b"')).toBe('const x = "a\\\\b"')
  })
})
