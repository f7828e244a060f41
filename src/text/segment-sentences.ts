import { hasLetterOrDigit } from './has-letter-or-digit.js'

/** A sentence as a span of the text it was cut from. */
export interface SentenceSpan {
  start: number
  end: number
}

const TERMINATORS = new Set(['.', '؟', '?', '!', '؛', '…'])
const CLOSERS = new Set(['”', '"', '»', ')', '’', "'"])
const WHITESPACE = /\s/

/**
 * Splits `text[from, to)` into trimmed sentence spans. A sentence ends at . ؟ ? ! ؛ … or a newline,
 * keeps closing quotes that follow its terminator, and does not end inside “…” on the same line.
 * A full stop between two digits (3.5) or after a lone Latin capital (U.S.) is not an end.
 */
export function segmentSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  let sentenceStart = from
  let quoteDepth = 0

  const close = (end: number) => {
    let start = sentenceStart
    while (start < end && WHITESPACE.test(text[start]!)) start++
    let trimmedEnd = end
    while (trimmedEnd > start && WHITESPACE.test(text[trimmedEnd - 1]!)) trimmedEnd--
    if (trimmedEnd > start && hasLetterOrDigit(text, start, trimmedEnd)) spans.push({ start, end: trimmedEnd })
    sentenceStart = end
  }

  for (let index = from; index < to; index++) {
    const character = text[index]!
    if (character === '\n') {
      close(index)
      quoteDepth = 0
      continue
    }
    if (character === '“') quoteDepth++
    else if (character === '”') quoteDepth = Math.max(0, quoteDepth - 1)
    if (!TERMINATORS.has(character) || quoteDepth > 0) continue
    if (character === '.' && !isSentenceFullStop(text, index)) continue
    let end = index + 1
    while (end < to && (TERMINATORS.has(text[end]!) || CLOSERS.has(text[end]!))) end++
    close(end)
    index = end - 1
  }
  close(to)
  return spans
}

function isSentenceFullStop(text: string, index: number): boolean {
  const previous = text[index - 1] ?? ''
  const next = text[index + 1] ?? ''
  if (/\d/.test(previous) && /\d/.test(next)) return false
  if (/[A-Z]/.test(previous) && !/[A-Za-z]/.test(text[index - 2] ?? '')) return false
  return true
}
