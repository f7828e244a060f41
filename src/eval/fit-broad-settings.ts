import { createHash } from 'node:crypto'
import { analyzeQuestion } from '../answer/analyze-question.js'
import type { BroadSettings } from '../answer/broad/broad-settings.js'
import { gatherListItems } from '../answer/broad/gather-list-items.js'
import { weightTerms } from '../answer/weight-terms.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { HybridRetriever } from '../retrieve/hybrid-retriever.js'
import { isHeldOut, type BroadQuestion } from './broad-questions.js'
import { overlapOf } from './evaluate-broad-questions.js'

const SHARES = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
const MAX_ITEMS = [4, 6, 8]

/**
 * Fits the list settings on the development part (never the held-out one): every share-of-best and
 * item cap of a small grid is tried on the Arabic list questions, and the pair with the best F1 of
 * point recall and citation precision is kept (ties: the higher share, then the fewer items).
 */
export function fitBroadSettings(questions: readonly BroadQuestion[], index: SanadIndex, retriever: HybridRetriever, sourceText: string): BroadSettings {
  const lists = questions.filter((question) => !isHeldOut(question) && question.kind === 'list' && question.language === 'ar')
  let best: BroadSettings | null = null
  let bestF1 = -1
  for (const shareOfBest of [...SHARES].reverse()) {
    for (const maxItems of MAX_ITEMS) {
      let points = 0
      let cited = 0
      let citations = 0
      let onPoints = 0
      for (const question of lists) {
        const terms = weightTerms(analyzeQuestion(question.question).terms, index.lexical, retriever.vocabulary)
        const items = gatherListItems(index, [question.docId], terms, { shareOfBest, maxItems })
        const text = index.documents.get(question.docId)?.text ?? ''
        const gold = question.goldPoints.map((point) => ({ start: text.indexOf(point), end: text.indexOf(point) + point.length }))
        points += gold.length
        cited += gold.filter((point) => items.some((item) => overlapOf(item, point) >= (point.end - point.start) / 2)).length
        citations += items.length
        onPoints += items.filter((item) => gold.some((point) => overlapOf(item, point) >= Math.min(point.end - point.start, item.end - item.start) / 2)).length
      }
      const recall = points === 0 ? 0 : cited / points
      const precision = citations === 0 ? 0 : onPoints / citations
      const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision)
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1
        const sha256 = createHash('sha256').update(sourceText).update(JSON.stringify(lists)).digest('hex')
        best = {
          list: { shareOfBest, maxItems },
          fittedOn: { dataset: 'broad.json dev list questions', questions: lists.length, sha256, pointRecall: round(recall), citationPrecision: round(precision) },
        }
      }
    }
  }
  if (!best) throw new Error('no development list question to fit on')
  return best
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
