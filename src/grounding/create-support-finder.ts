import { segmentSentences } from '../text/segment-sentences.js'
import { analyzeText } from './analyze-text.js'
import { scoreSupport, type ScoreSupportOptions, type SupportPassage } from './score-support.js'

/** A source document that support is looked for in. */
export interface SupportDocument {
  docId: string
  text: string
}

/** Finds the passages of the sources that best support a claim. */
export type FindSupport = (claim: string) => SupportPassage[]

interface IndexedSentence {
  passage: SupportPassage
  keys: Set<string>
}

const CANDIDATES = 8

/**
 * Builds a `findSupport` over whole documents: every sentence is a candidate passage; a claim's
 * candidates are the sentences sharing most of its roots, numbers and names, re-ranked by
 * `scoreSupport` (with the scorer `options`), and the best `limit` of them (two by default, so that a claim drawn from two
 * neighbouring sentences can still be supported) are returned.
 */
export function createSupportFinder(documents: readonly SupportDocument[], options: { limit?: number } & ScoreSupportOptions = {}): FindSupport {
  const { limit = 2, ...scoreOptions } = options
  // Built on the first claim that needs it: most answers carry citations and never look further.
  let indexed: IndexedSentence[] | null = null
  const sentencesOf = () =>
    (indexed ??= documents.flatMap((document) =>
      segmentSentences(document.text).map(({ start, end }) => {
        const text = document.text.slice(start, end)
        return { passage: { docId: document.docId, start, end, text }, keys: describeKeys(text) }
      }),
    ))
  return (claim) => {
    const sentences = sentencesOf()
    const claimKeys = describeKeys(claim, scoreOptions)
    if (claimKeys.size === 0) return []
    const candidates = sentences
      .map((sentence) => ({ sentence, shared: [...claimKeys].filter((key) => sentence.keys.has(key)).length }))
      .filter((candidate) => candidate.shared > 0)
      .sort((first, second) => second.shared - first.shared)
      .slice(0, CANDIDATES)
    return candidates
      .map(({ sentence }) => ({ passage: sentence.passage, score: scoreSupport(claim, [sentence.passage], scoreOptions).score }))
      .filter((candidate) => candidate.score > 0)
      .sort((first, second) => second.score - first.score)
      .slice(0, limit)
      .map((candidate) => candidate.passage)
  }
}

// Root guesses of content words (of their Arabic renderings, for English words with a dictionary),
// plus numbers and gazetteer names: cheap keys for a first cut.
function describeKeys(text: string, options: ScoreSupportOptions = {}): Set<string> {
  const analyzed = analyzeText(text)
  const keys = new Set<string>()
  for (const word of analyzed.words) {
    if (word.isStopword) continue
    if (word.root.length >= 2) keys.add(`w:${word.root}`)
    if (word.script !== 'latin' || !options.translateWord) continue
    for (const rendering of options.translateWord(word.normalized)) {
      for (const translated of analyzeText(rendering).words) if (translated.root.length >= 2) keys.add(`w:${translated.root}`)
    }
  }
  for (const quantity of analyzed.quantities) keys.add(`n:${quantity.value}`)
  for (const entity of analyzed.entities) keys.add(`e:${entity.id}`)
  return keys
}
