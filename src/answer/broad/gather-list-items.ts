import type { Sentence } from '../../chunk/corpus.js'
import type { SanadIndex } from '../../index/sanad-index.js'
import type { EvidenceSpan } from '../extract-answer.js'
import type { StemBag, WeightedTerm } from '../match-terms.js'
import { sentenceFactsOf } from '../sentence-facts.js'
import { BROAD_SETTINGS, type BroadSettings } from './broad-settings.js'

/** How list items are chosen: fitted on the development questions (`npm run eval -- --broad --fit`). */
export type ListSettings = BroadSettings['list']

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
export function gatherListItems(index: SanadIndex, documentIds: readonly string[], questionTerms: readonly WeightedTerm[], settings: ListSettings = BROAD_SETTINGS.list): EvidenceSpan[] {
  const terms = questionTerms.map(withVerbStems)
  const content = terms.filter((term) => term.weight >= 1)
  const used = content.length > 0 ? content : terms
  const total = used.reduce((sum, term) => sum + term.weight * term.idf, 0)
  if (total === 0) return []
  const weightIn = (bag: StemBag) => used.reduce((sum, term) => sum + term.weight * term.idf * bag.match(term), 0) / total
  const units: Unit[] = []
  for (const docId of documentIds) {
    for (const sentence of index.sentencesOf(docId)) {
      const facts = sentenceFactsOf(index, sentence)
      const contextScore = weightIn(facts.contextBag())
      for (const clause of facts.clauses()) {
        const own = weightIn(clause.bag)
        if (own === 0) continue
        units.push({ sentence, start: clause.start, end: clause.end, own, score: own + CONTEXT_CREDIT * (contextScore - own) })
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

// A verb of the question is asked about in any person and tense: "رفعت" matches "رفع", "يوقع" matches "وقع".
const VERB_AFFIXES = [/^(.{3,})(ت|وا|ن|تا)$/, /^[يت](.{3,})$/]

function withVerbStems(term: WeightedTerm): WeightedTerm {
  const extra = VERB_AFFIXES.flatMap((pattern) => {
    const match = pattern.exec(term.normalized)
    return match ? [match[1]!] : []
  }).filter((stem) => !term.variants.some((variant) => variant.stem === stem))
  return extra.length === 0 ? term : { ...term, variants: [...term.variants, ...extra.map((stem) => ({ stem, quality: 0.9 }))] }
}
