// A word piece: a run of letters, combining marks and digits, or any one other visible character
// (punctuation, a symbol, a bracket of a `[n]` marker). Whitespace separates pieces and is not counted.
const WORD_PIECE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu

/**
 * Counts the tokens that `usage` reports: word pieces split at whitespace and punctuation (so
 * «2 مايو 2011 [1].» is 7), not a model's subword tokens, since sanad runs no tokenizer.
 */
export function countTokens(text: string): number {
  let count = 0
  for (const _ of text.matchAll(WORD_PIECE)) count += 1
  return count
}
