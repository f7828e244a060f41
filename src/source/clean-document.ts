import { normalizeArabic } from '../text/normalize-arabic.js'

/** A line of a document's body: the title, a section heading or a paragraph. */
export interface Block {
  kind: 'title' | 'heading' | 'paragraph'
  start: number
  end: number
  section: string | null
}

/** What cleaning keeps of a document: its title, its body's blocks, and where the boilerplate begins. */
export interface CleanedDocument {
  title: string
  blocks: Block[]
  bodyEnd: number
}

// Lines that open the page furniture after an article: related links, comment forms, share bars.
const BOILERPLATE_OPENERS = [
  'اقرا ايضا', 'اقرا المزيد', 'اضف تعليقا', 'اترك تعليقا', 'مواضيع ذات صله', 'اخبار ذات صله', 'شارك هذا',
  'لن يتم نشر عنوان بريدك', 'read also', 'read more', 'related articles', 'leave a comment', 'leave a reply',
]
const HEADING_MAX_WORDS = 7

interface Line {
  start: number
  end: number
  text: string
}

/** Finds a document's title, section headings and paragraphs, and drops trailing web boilerplate. */
export function cleanDocument(text: string): CleanedDocument {
  const lines = splitLines(text)
  const boilerplateIndex = lines.findIndex((line) => isBoilerplateOpener(line.text))
  const bodyLines = boilerplateIndex === -1 ? lines : lines.slice(0, boilerplateIndex)
  const blocks: Block[] = []
  let title = ''
  let section: string | null = null

  bodyLines.forEach((line, index) => {
    const markdownHeading = /^#{1,6}\s+/.exec(line.text)
    if (!title) {
      const start = line.start + (markdownHeading?.[0].length ?? 0)
      title = text.slice(start, line.end)
      blocks.push({ kind: 'title', start, end: line.end, section: null })
      return
    }
    const next = bodyLines[index + 1]
    if (markdownHeading || isPlainHeading(line.text, next?.text)) {
      const start = line.start + (markdownHeading?.[0].length ?? 0)
      section = text.slice(start, line.end)
      blocks.push({ kind: 'heading', start, end: line.end, section })
      return
    }
    blocks.push({ kind: 'paragraph', start: line.start, end: line.end, section })
  })
  const bodyEnd = blocks.at(-1)?.end ?? 0
  return { title, blocks, bodyEnd }
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (const piece of text.split('\n')) {
    const end = start + piece.length
    const leading = piece.length - piece.trimStart().length
    const trailing = piece.length - piece.trimEnd().length
    if (piece.trim().length > 0) lines.push({ start: start + leading, end: end - trailing, text: piece.trim() })
    start = end + 1
  }
  return lines
}

function isBoilerplateOpener(line: string): boolean {
  const normalized = normalizeArabic(line).replace(/[^\p{L}\p{N}\s]/gu, '').trim()
  return BOILERPLATE_OPENERS.some((opener) => normalized.startsWith(opener) && normalized.length <= opener.length + 40)
}

// A heading is a short line without sentence punctuation that introduces a longer paragraph.
function isPlainHeading(line: string, nextLine: string | undefined): boolean {
  if (nextLine === undefined) return false
  if (/[.؟?!؛:،,"“”…]$/.test(line) || /[“”"]/.test(line)) return false
  const words = line.split(/\s+/).length
  return words <= HEADING_MAX_WORDS && nextLine.split(/\s+/).length > words * 2
}
