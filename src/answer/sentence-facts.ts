import type { Sentence } from '../chunk/corpus.js'
import type { SanadIndex } from '../index/sanad-index.js'
import { splitIntoCoordinatedClauses } from '../text/split-into-clauses.js'
import { tokenize, type Token } from '../text/tokenize.js'
import { findCauseSpans, findCountSpans, findDateSpans, findNameSpans, findPlaceSpans, findQuotedSpans, type TokenSpan } from './find-answer-spans.js'
import { StemBag } from './match-terms.js'

/**
 * What the answerer reads of one source sentence, the same for every question: its tokens and text,
 * its content stems, and the spans of each answer type (found on first need). Kept per index for the
 * last 8,192 sentences met, so a sentence that candidates for many questions is worked out once.
 */
export interface SentenceFacts {
  readonly sentence: Sentence
  readonly tokens: readonly Token[]
  readonly text: string
  readonly bag: StemBag
  readonly contentTokens: number
  dateSpans(): readonly TokenSpan[]
  countSpans(): readonly TokenSpan[]
  quotedSpans(): readonly { start: number; end: number }[]
  nameSpans(): readonly TokenSpan[]
  placeSpans(): readonly TokenSpan[]
  causeSpans(): readonly TokenSpan[]
  /** Its stems with its section heading's: what a list item's sentence says around it. */
  contextBag(): StemBag
  /** Its coordinated clauses (see splitIntoCoordinatedClauses), each with its own stems. */
  clauses(): readonly { start: number; end: number; bag: StemBag }[]
}

// A few questions' worth of candidate sentences and their neighbours; a large index is not kept whole.
const FACTS_CACHE_SENTENCES = 8192
const factsByIndex = new WeakMap<SanadIndex, Map<number, SentenceFacts>>()
const headingBagsByIndex = new WeakMap<SanadIndex, Map<string, StemBag>>()

/** The facts of a sentence of `index`, worked out on first use and kept for the sentences met last. */
export function sentenceFactsOf(index: SanadIndex, sentence: Sentence): SentenceFacts {
  let cache = factsByIndex.get(index)
  if (!cache) factsByIndex.set(index, (cache = new Map()))
  const cached = cache.get(sentence.id)
  if (cached) return cached
  const facts = describeSentence(sentence, index.tokensOf(sentence), index.textOf(sentence))
  // Full: forget the quarter met first, at once, so a scan over many sentences costs one eviction per thousands.
  if (cache.size >= FACTS_CACHE_SENTENCES) {
    let drop = FACTS_CACHE_SENTENCES / 4
    for (const id of cache.keys()) {
      cache.delete(id)
      if (--drop === 0) break
    }
  }
  cache.set(sentence.id, facts)
  return facts
}

/** The content stems of a section heading of `index` (a sentence's context), kept per heading. */
export function headingBagOf(index: SanadIndex, heading: string): StemBag {
  let cache = headingBagsByIndex.get(index)
  if (!cache) headingBagsByIndex.set(index, (cache = new Map()))
  let bag = cache.get(heading)
  if (!bag) {
    if (cache.size >= FACTS_CACHE_SENTENCES) cache.clear()
    cache.set(heading, (bag = new StemBag(tokenize(heading))))
  }
  return bag
}

function describeSentence(sentence: Sentence, tokens: readonly Token[], text: string): SentenceFacts {
  const offset = sentence.start
  const once = <Value>(compute: () => Value): (() => Value) => {
    let value: Value | undefined
    return () => (value ??= compute())
  }
  let contentTokens = 0
  for (const token of tokens) if (!token.isStopword) contentTokens++
  return {
    sentence,
    tokens,
    text,
    bag: new StemBag(tokens),
    contentTokens,
    dateSpans: once(() => findDateSpans(tokens, text, offset)),
    countSpans: once(() => findCountSpans(tokens, text, offset)),
    quotedSpans: once(() => findQuotedSpans(text, offset)),
    nameSpans: once(() => findNameSpans(tokens, text, offset)),
    placeSpans: once(() => findPlaceSpans(tokens, text, offset)),
    causeSpans: once(() => findCauseSpans(tokens)),
    contextBag: once(() => new StemBag([...tokens, ...tokenize(sentence.section ?? '')])),
    clauses: once(() =>
      splitIntoCoordinatedClauses(text, offset).map((span) => ({ ...span, bag: new StemBag(tokens.filter((token) => token.start >= span.start && token.end <= span.end)) })),
    ),
  }
}
