import { splitIntoClauses } from '../../text/split-into-clauses.js'
import type { Token } from '../../text/tokenize.js'

// A clause with fewer content words beside the span ("وفي اليوم التالي، الخميس 27 يوليو") is a frame, not an event.
const MIN_CLAUSE_WORDS = 4

/**
 * The clause of a sentence that holds a span, widened until it has enough words to state something:
 * to a short clause before it (its subject or frame), then to the clauses after it (or before it, at
 * the end of the sentence).
 */
export function findClauseAround(sentenceText: string, sentenceStart: number, tokens: readonly Token[], span: { start: number; end: number }): { start: number; end: number } {
  const clauses = splitIntoClauses(sentenceText, sentenceStart)
  let first = clauses.findIndex((clause) => clause.start <= span.start && span.start < clause.end)
  if (first === -1) return { start: sentenceStart, end: sentenceStart + sentenceText.length }
  let last = first
  // Words that say something beside the span itself: not function words, not the span's own words.
  const wordsIn = (from: number, to: number) =>
    tokens.filter((token) => token.start >= clauses[from]!.start && token.end <= clauses[to]!.end && !token.isStopword && (token.end <= span.start || token.start >= span.end)).length
  // A short clause before a short date clause is its subject or frame: "وأقرت الحكومة، الخميس الماضي، مذكرة …".
  if (wordsIn(first, last) < MIN_CLAUSE_WORDS && first > 0 && wordsIn(first - 1, first - 1) < MIN_CLAUSE_WORDS) first--
  while (wordsIn(first, last) < MIN_CLAUSE_WORDS) {
    if (last + 1 < clauses.length) last++
    else if (first > 0) first--
    else break
  }
  const end = Math.max(clauses[last]!.end, span.end)
  return { start: Math.min(clauses[first]!.start, span.start), end }
}
