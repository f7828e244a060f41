import type { Chunk, ChunkOptions, Sentence } from './corpus.js'

/**
 * Groups consecutive sentences of one document and section into chunks of at most
 * `maxCharacters` (a longer sentence stands alone), repeating `overlapSentences` between neighbours.
 * `sectionStarts` are the offsets of the document's headings: no chunk spans one, even between two sections of the same name.
 */
export function splitIntoChunks(sentences: readonly Sentence[], options: ChunkOptions, firstIndex = 0, sectionStarts: readonly number[] = []): Chunk[] {
  const chunks: Chunk[] = []
  let group: Sentence[] = []
  const crossesHeading = (from: number, to: number) => sectionStarts.some((start) => from < start && start < to)

  const emit = () => {
    const first = group[0]
    const last = group.at(-1)
    if (!first || !last) return
    chunks.push({
      id: `${first.docId}#${firstIndex + chunks.length}`,
      docId: first.docId,
      section: first.section,
      sentenceIds: group.map((sentence) => sentence.id),
      start: first.start,
      end: last.end,
    })
  }

  for (const sentence of sentences) {
    const first = group[0]
    const sameSection =
      first !== undefined && first.docId === sentence.docId && first.section === sentence.section && !crossesHeading(first.start, sentence.start)
    const fits = first !== undefined && sentence.end - first.start <= options.maxCharacters
    if (first !== undefined && (!sameSection || !fits)) {
      emit()
      const carried = sameSection && options.overlapSentences > 0 ? group.slice(-options.overlapSentences) : []
      // Carry the overlap only while it leaves room for the new sentence.
      group = carried.length > 0 && sentence.end - carried[0]!.start <= options.maxCharacters ? carried : []
    }
    group.push(sentence)
  }
  emit()
  return chunks
}
