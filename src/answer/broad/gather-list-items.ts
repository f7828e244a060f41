import type { Sentence } from '../../chunk/corpus.js'
import type { SanadIndex } from '../../index/sanad-index.js'
import { splitIntoClauses } from '../../text/split-into-clauses.js'
import { tokenize } from '../../text/tokenize.js'
import type { EvidenceSpan } from '../extract-answer.js'
import { StemBag, type WeightedTerm } from '../match-terms.js'

/** How list items are chosen; fitted on the development questions (see docs/broad-questions.md). */
export interface ListSettings {
  /** An item must score at least this share of the best item. */
  shareOfBest: number
  /** At most this many items. */
  maxItems: number
}

/** The list settings in use. */
export const LIST_SETTINGS: ListSettings = { shareOfBest: 0.6, maxItems: 8 }

// A sentence longer than this may hold several items ("رفع البنك السعودي …، فيما رفع مصرف الإمارات …"): its clauses are the units.
const LONG_SENTENCE = 220
// What a section heading or the rest of the sentence says of a unit counts half: context, not the item.
const CONTEXT_CREDIT = 0.5

interface Unit {
  sentence: Sentence
  start: number
  end: number
  score: number
  own: number
}

/**
 * Every sentence or clause of the documents where the question's words meet ("ما الاتفاقات التي وقعها
 * المغرب؟" → each clause where Morocco signs an agreement), one item per unit, in reading order. A unit
 * scores the idf-weighted share of the question's content words it holds, plus half the share its
 * sentence and section heading add; it must hold one of them itself, and score near the best unit.
 */
export function gatherListItems(index: SanadIndex, documentIds: readonly string[], terms: readonly WeightedTerm[], settings: ListSettings = LIST_SETTINGS): EvidenceSpan[] {
  const content = terms.filter((term) => term.weight >= 1)
  const used = content.length > 0 ? content : terms
  const total = used.reduce((sum, term) => sum + term.weight * term.idf, 0)
  if (total === 0) return []
  const weightIn = (bag: StemBag) => used.reduce((sum, term) => sum + term.weight * term.idf * bag.match(term), 0) / total
  const units: Unit[] = []
  for (const docId of documentIds) {
    for (const sentence of index.sentencesOf(docId)) {
      const tokens = index.tokensOf(sentence)
      const context = new StemBag([...tokens, ...tokenize(sentence.section ?? '')])
      const contextScore = weightIn(context)
      const spans = sentence.end - sentence.start > LONG_SENTENCE ? splitIntoClauses(index.textOf(sentence), sentence.start) : [{ start: sentence.start, end: sentence.end }]
      for (const span of mergeShortClauses(spans, tokens)) {
        const own = weightIn(new StemBag(tokens.filter((token) => token.start >= span.start && token.end <= span.end)))
        if (own === 0) continue
        units.push({ sentence, ...span, own, score: own + CONTEXT_CREDIT * (contextScore - own) })
      }
    }
  }
  const best = Math.max(0, ...units.map((unit) => unit.score))
  return units
    .filter((unit) => unit.score >= best * settings.shareOfBest)
    .sort((left, right) => right.score - left.score)
    .slice(0, settings.maxItems)
    .sort((left, right) => documentIds.indexOf(left.sentence.docId) - documentIds.indexOf(right.sentence.docId) || left.start - right.start)
    .map((unit) => ({ docId: unit.sentence.docId, start: unit.start, end: unit.end }))
}

// A clause of fewer than four words ("ومعدل إعادة الشراء المعاكس إلى 5.5%" has more) joins the one before it.
function mergeShortClauses(spans: readonly { start: number; end: number }[], tokens: readonly { start: number; end: number; isStopword: boolean }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = []
  for (const span of spans) {
    const words = tokens.filter((token) => token.start >= span.start && token.end <= span.end && !token.isStopword).length
    const previous = merged.at(-1)
    if (previous && words < 4) previous.end = span.end
    else merged.push({ ...span })
  }
  return merged
}
