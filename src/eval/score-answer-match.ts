import { tokenize, type Token } from '../text/tokenize.js'

/** How an answer compares with the acceptable answers of its question. */
export interface AnswerMatch {
  /** The answer contains one acceptable answer, word for word after Arabic normalization. */
  contains: boolean
  /** The short answer (or the answer) is exactly one acceptable answer after normalization. */
  exactMatch: boolean
  /** The best bag-of-words F1 of the short answer against one acceptable answer (stems, no stopwords). */
  tokenF1: number
  /** The acceptable answers the answer contains. */
  matched: string[]
}

// Proclitics that may be glued to an answer word (بواشنطن contains واشنطن).
const PROCLITICS = new Set(['و', 'ب', 'ل', 'ف', 'ك', 'ال', 'وال', 'بال', 'لل', 'فال', 'كال', 'وب', 'ول'])

/**
 * Compares an answer with acceptable answers: containment as a word sequence (so "2" is not found in
 * "2011"), exact match and token F1, all on Arabic-normalized words.
 */
export function scoreAnswerMatch(answer: string, shortAnswer: string | null, acceptableAnswers: readonly string[]): AnswerMatch {
  const answerTokens = tokenize(answer)
  const shortTokens = tokenize(shortAnswer ?? answer)
  const matched = acceptableAnswers.filter((acceptable) => containsSequence(answerTokens, tokenize(acceptable)))
  const exactMatch = acceptableAnswers.some((acceptable) => sameSequence(shortTokens, tokenize(acceptable)))
  const tokenF1 = Math.max(0, ...acceptableAnswers.map((acceptable) => measureTokenF1(shortTokens, tokenize(acceptable))))
  return { contains: matched.length > 0, exactMatch, tokenF1, matched }
}

function wordsMatch(answerWord: Token, acceptableWord: Token): boolean {
  if (answerWord.normalized === acceptableWord.normalized || answerWord.stem === acceptableWord.stem) return true
  const { normalized } = answerWord
  return normalized.endsWith(acceptableWord.normalized) && PROCLITICS.has(normalized.slice(0, normalized.length - acceptableWord.normalized.length))
}

function containsSequence(haystack: readonly Token[], needle: readonly Token[]): boolean {
  if (needle.length === 0) return false
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, offset) => wordsMatch(haystack[start + offset]!, word))) return true
  }
  return false
}

function sameSequence(first: readonly Token[], second: readonly Token[]): boolean {
  return first.length > 0 && first.length === second.length && first.every((word, index) => wordsMatch(word, second[index]!))
}

function measureTokenF1(prediction: readonly Token[], reference: readonly Token[]): number {
  const content = (tokens: readonly Token[]) => {
    const kept = tokens.filter((token) => !token.isStopword)
    return (kept.length > 0 ? kept : tokens).map((token) => token.stem)
  }
  const predicted = content(prediction)
  const expected = content(reference)
  if (predicted.length === 0 || expected.length === 0) return 0
  const remaining = new Map<string, number>()
  for (const stem of expected) remaining.set(stem, (remaining.get(stem) ?? 0) + 1)
  let shared = 0
  for (const stem of predicted) {
    const count = remaining.get(stem) ?? 0
    if (count > 0) {
      shared++
      remaining.set(stem, count - 1)
    }
  }
  if (shared === 0) return 0
  const precision = shared / predicted.length
  const recall = shared / expected.length
  return (2 * precision * recall) / (precision + recall)
}
