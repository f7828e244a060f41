import { hasLetterOrDigit } from './has-letter-or-digit.js'
import { QUOTATION_MARKS } from './lexicon/attribution-words.js'

/** A clause as a span of the text it was cut from. */
export interface ClauseSpan {
  start: number
  end: number
}

const CLAUSE_BREAKS = new Set(['،', ',', '؛', ';', ':'])
const CLOSING_MARKS = new Set(QUOTATION_MARKS.values())

/**
 * Cuts a sentence into clauses at Arabic and Latin commas, semicolons and colons outside quotation
 * marks; each clause is trimmed of spaces and of the mark that ends it. Offsets are into the document
 * when `offset` is the sentence's start.
 */
export function splitIntoClauses(text: string, offset = 0): ClauseSpan[] {
  const clauses: ClauseSpan[] = []
  let open: string | null = null
  let start = 0
  const close = (end: number) => {
    let from = start
    let to = end
    while (from < to && /\s/.test(text[from]!)) from++
    while (to > from && /\s/.test(text[to - 1]!)) to--
    if (hasLetterOrDigit(text, from, to)) clauses.push({ start: offset + from, end: offset + to })
  }
  for (let position = 0; position < text.length; position++) {
    const character = text[position]!
    if (open !== null) {
      if (character === open) open = null
      continue
    }
    const closer = QUOTATION_MARKS.get(character)
    // A straight quote opens a quotation only when a matching one follows.
    if (closer !== undefined && (character !== '"' || text.indexOf('"', position + 1) !== -1)) {
      open = closer
      continue
    }
    if (CLAUSE_BREAKS.has(character) && !CLOSING_MARKS.has(character)) {
      close(position)
      start = position + 1
    }
  }
  close(text.length)
  return clauses
}

// Words that open a coordinated clause with a predication of its own: "…، فيما رفع مصرف الإمارات …".
const COORDINATORS = /^(?:و|ف)?(?:فيما|بينما|في حين|كما|ثم|حيث|اما|أما|إضافة|اضافة|علاوة)(?=\s)/

/**
 * Cuts a sentence into coordinated clauses: the clauses of `splitIntoClauses` joined back together
 * unless the next one opens with a coordinator (فيما، بينما، في حين، كما، ثم، حيث، أما), so that an
 * apposition ("البنك المركزي للولايات المتحدة") stays with the clause it belongs to.
 */
export function splitIntoCoordinatedClauses(text: string, offset = 0): ClauseSpan[] {
  const merged: ClauseSpan[] = []
  for (const clause of splitIntoClauses(text, offset)) {
    const previous = merged.at(-1)
    if (previous && !COORDINATORS.test(text.slice(clause.start - offset, clause.end - offset))) previous.end = clause.end
    else merged.push({ ...clause })
  }
  return merged
}
