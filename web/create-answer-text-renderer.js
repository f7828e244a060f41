// @ts-check

/** Matches `[1]` and grouped markers such as `[1, 2]` or `[1، 2]`. */
const MARKER_PATTERN = /\[(\d{1,3}(?:\s*[,،]\s*\d{1,3})*)\]/g
/** A suffix that may still grow into a marker once the next delta arrives. */
const PARTIAL_MARKER_PATTERN = /\[[\d\s,،]*$/
const LONGEST_PARTIAL_MARKER = 24

/**
 * @typedef {{ append: (delta: string) => void, finish: () => void }} AnswerTextRenderer
 */

/**
 * Renders answer text into `container` incrementally: one `<p dir="auto">` per line and a node from
 * `createMarker` for each `[n]`. Appending (instead of re-rendering) keeps focus and screen-reader
 * position stable while the answer streams.
 * @param {HTMLElement} container
 * @param {(n: number) => Node} createMarker
 * @returns {AnswerTextRenderer}
 */
export function createAnswerTextRenderer(container, createMarker) {
  let raw = ''
  let renderedLength = 0
  /** @type {HTMLParagraphElement | null} */
  let paragraph = null

  /** @returns {HTMLParagraphElement} */
  function ensureParagraph() {
    if (!paragraph) {
      paragraph = document.createElement('p')
      paragraph.dir = 'auto'
      container.append(paragraph)
    }
    return paragraph
  }

  /** @param {string} text */
  function appendText(text) {
    // Blank lines separate paragraphs; they never become empty ones.
    if (!paragraph) text = text.trimStart()
    if (text === '') return
    const target = ensureParagraph()
    const last = target.lastChild
    if (last instanceof Text) last.appendData(text)
    else target.append(document.createTextNode(text))
  }

  /** @param {string} chunk */
  function renderChunk(chunk) {
    const lines = chunk.split('\n')
    lines.forEach((line, index) => {
      if (index > 0) paragraph = null
      let cursor = 0
      for (const match of line.matchAll(MARKER_PATTERN)) {
        appendText(line.slice(cursor, match.index))
        const target = ensureParagraph()
        for (const number of (match[1] ?? '').split(/[,،]/)) target.append(createMarker(Number(number.trim())))
        cursor = (match.index ?? 0) + match[0].length
      }
      appendText(line.slice(cursor))
    })
  }

  /** @param {boolean} final */
  function flush(final) {
    let end = raw.length
    if (!final) {
      const partial = PARTIAL_MARKER_PATTERN.exec(raw.slice(renderedLength))
      if (partial && partial[0].length < LONGEST_PARTIAL_MARKER) end = renderedLength + partial.index
    }
    if (end <= renderedLength) return
    renderChunk(raw.slice(renderedLength, end))
    renderedLength = end
  }

  return {
    append(delta) {
      raw += delta
      flush(false)
    },
    finish() {
      flush(true)
    },
  }
}
