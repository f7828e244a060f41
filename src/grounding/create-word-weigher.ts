import { segmentSentences } from '../text/segment-sentences.js'
import { tokenize } from '../text/tokenize.js'

/**
 * Builds a word weigher from texts (the sources, or a passage): the inverse sentence frequency of a
 * stem, scaled so that a word in every sentence weighs 0.25 and one in none weighs 2 (a word the
 * texts never use is as telling as the rarest). The texts are read on the first weighing, not when
 * the weigher is made: a server builds one at start for the whole corpus.
 */
export function createWordWeigher(texts: readonly string[]): (stem: string) => number {
  let counted: { frequency: Map<string, number>; sentences: number; maximum: number } | null = null
  return (stem) => {
    counted ??= countSentenceFrequencies(texts)
    if (counted.maximum === 0) return 1
    const share = Math.log((counted.sentences + 1) / ((counted.frequency.get(stem) ?? 0) + 1)) / counted.maximum
    return 0.25 + 1.75 * share
  }
}

function countSentenceFrequencies(texts: readonly string[]): { frequency: Map<string, number>; sentences: number; maximum: number } {
  const frequency = new Map<string, number>()
  let sentences = 0
  for (const text of texts) {
    for (const { start, end } of segmentSentences(text)) {
      sentences++
      const stems = new Set(tokenize(text.slice(start, end)).filter((token) => !token.isStopword).flatMap((token) => [token.stem, ...(token.cliticFreeStem ? [token.cliticFreeStem] : [])]))
      for (const stem of stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1)
    }
  }
  return { frequency, sentences, maximum: Math.log(sentences + 1) }
}
