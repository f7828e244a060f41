import { hasLetterOrDigit } from '../text/has-letter-or-digit.js'
import { segmentSentences, type SentenceSpan } from '../text/segment-sentences.js'

/** One sentence of an answer, as a claim to check, with the citation numbers its markers name. */
export interface AnswerClaim {
  /** The sentence as written, markers included. */
  text: string
  /** The sentence without citation markers, list bullets or numbering: what is scored. */
  claim: string
  citedNumbers: number[]
  start: number
  end: number
}

const MARKER = /\[(\d+(?:\s*[,،]\s*\d+)*)\]/g
const LEADING_MARKERS = /^(?:\s*\[\d+(?:\s*[,،]\s*\d+)*\])+/
const LIST_PREFIX = /^\s*(?:[-*•·▪–]|\d+[.)-]|[٠-٩]+[.)-])\s+/

/**
 * Splits an answer into claims at Arabic and Latin sentence ends and line breaks. Markers such as
 * [1] or [1, 2] are read and removed; a marker that opens a sentence ("… 2011. [1] Next") belongs
 * to the sentence before it.
 */
export function splitIntoClaims(answer: string): AnswerClaim[] {
  const claims: AnswerClaim[] = []
  for (const span of mergeListNumbers(answer, segmentSentences(answer))) {
    let start = span.start
    const leading = LEADING_MARKERS.exec(answer.slice(span.start, span.end))
    if (leading) {
      const previous = claims.at(-1)
      if (previous) {
        previous.citedNumbers = unique([...previous.citedNumbers, ...readMarkers(leading[0])])
        previous.end = span.start + leading[0].length
        previous.text = answer.slice(previous.start, previous.end)
      }
      start += leading[0].length
      while (start < span.end && /\s/.test(answer[start]!)) start++
    }
    const text = answer.slice(start, span.end)
    const claim = stripCitationMarkers(text.replace(LIST_PREFIX, '')).replace(/\s+/g, ' ')
    if (!hasLetterOrDigit(claim)) continue
    claims.push({ text, claim, citedNumbers: unique(readMarkers(text)), start, end: span.end })
  }
  return claims
}

/** Removes citation markers such as [1] and [2, 3] from a text. */
export function stripCitationMarkers(text: string): string {
  return text.replace(MARKER, '').replace(/[ \t]{2,}/g, ' ').replace(/\s+([.،,؟?!؛])/g, '$1').trim()
}

// "1. first item" is cut after "1." by the sentence segmenter; glue the number back to its item.
function mergeListNumbers(answer: string, spans: readonly SentenceSpan[]): SentenceSpan[] {
  const merged: SentenceSpan[] = []
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!
    const next = spans[index + 1]
    if (next && /^\s*(?:\d+|[٠-٩]+)[.)]$/.test(answer.slice(span.start, span.end)) && !answer.slice(span.end, next.start).includes('\n\n')) {
      merged.push({ start: span.start, end: next.end })
      index++
    } else {
      merged.push(span)
    }
  }
  return merged
}

function readMarkers(text: string): number[] {
  return [...text.matchAll(MARKER)].flatMap((match) => match[1]!.split(/[,،]/).map((part) => Number(part.trim())))
}

function unique(numbers: number[]): number[] {
  return [...new Set(numbers)]
}
