import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { ChunkOptionsSchema, type ChunkOptions } from '../chunk/corpus.js'
import { loadQuestionSet } from '../eval/question-set.js'
import { chunkIndexText, splitSourcesIntoChunks } from '../index/build-index.js'
import { loadSources, sourceFromText } from '../source/load-sources.js'
import type { SourceDocument } from '../source/source-document.js'
import { generateSyntheticDocuments } from './generate-synthetic-documents.js'
import { extractSyntheticMaterial } from './measure-scale-point.js'
import type { PeerCorpus } from './retrieval-system.js'

/** Which corpus a peer comparison runs on. */
export const PeerCorpusSpecSchema = z.discriminatedUnion('name', [
  /** The article, with the Arabic answerable questions of the question set (gold: their evidence). */
  z.object({ name: z.literal('article'), sourcesDirectory: z.string() }),
  /** ARCD's training split, one source per Wikipedia article (gold: the answer text). */
  z.object({ name: z.literal('arcd'), path: z.string() }),
  /** Synthetic news recombined from the article, for build cost and latency at size (no gold). */
  z.object({ name: z.literal('synthetic'), sourcesDirectory: z.string(), targetChunks: z.number().int().positive(), seed: z.number().int() }),
])
export type PeerCorpusSpec = z.infer<typeof PeerCorpusSpecSchema>

/** A question of a comparison, with the strings one of its retrieved chunks must hold to count as a hit. */
export interface PeerQuestion {
  question: string
  /** Null when the corpus has no gold for it: it then counts for latency only. */
  gold: readonly string[] | null
}

/** A loaded comparison corpus. */
export interface LoadedPeerCorpus extends PeerCorpus {
  questions: readonly PeerQuestion[]
}

const ArcdSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(z.object({ context: z.string(), qas: z.array(z.object({ question: z.string(), answers: z.array(z.object({ text: z.string() })) })) })),
    }),
  ),
})

/** Loads a comparison corpus and chunks it as sanad does, so that every system indexes the same chunk texts. */
export async function loadPeerCorpus(spec: PeerCorpusSpec, chunker: ChunkOptions): Promise<LoadedPeerCorpus> {
  ChunkOptionsSchema.parse(chunker)
  let sources: SourceDocument[]
  let questions: PeerQuestion[]
  if (spec.name === 'article') {
    sources = await loadSources(spec.sourcesDirectory)
    questions = (await loadQuestionSet())
      .filter((question) => question.language === 'ar' && question.answerable && !question.history?.length && question.goldEvidence?.length)
      .map((question) => ({ question: question.question, gold: question.goldEvidence! }))
  } else if (spec.name === 'arcd') {
    const arcd = ArcdSchema.parse(JSON.parse(await readFile(spec.path, 'utf8')))
    sources = arcd.data.map((article, position) => sourceFromText(`arcd-${String(position).padStart(3, '0')}`, [article.title, ...article.paragraphs.map((paragraph) => paragraph.context)].join('\n\n')))
    questions = arcd.data.flatMap((article) =>
      article.paragraphs.flatMap((paragraph) =>
        paragraph.qas.map((qa) => ({ question: qa.question.replace(/^[\s-]+/, '').trim(), gold: qa.answers.map((answer) => answer.text.trim()).filter(Boolean) })),
      ),
    )
  } else {
    const material = extractSyntheticMaterial(await loadSources(spec.sourcesDirectory))
    sources = []
    let planned = 0
    for (const document of generateSyntheticDocuments(material, { seed: spec.seed, count: spec.targetChunks })) {
      if (planned >= spec.targetChunks) break
      const source = sourceFromText(document.fileName.replace(/\.txt$/, ''), document.text)
      planned += splitSourcesIntoChunks([source], chunker).chunks.length
      sources.push(source)
    }
    questions = (await loadQuestionSet()).filter((question) => question.language === 'ar' && !question.history?.length).map((question) => ({ question: question.question, gold: null }))
  }
  const { chunks } = splitSourcesIntoChunks(sources, chunker)
  const textById = new Map(sources.map((source) => [source.id, source.text]))
  return { sources, chunkTexts: chunks.map((chunk) => chunkIndexText(chunk, textById.get(chunk.docId)!)), questions }
}

/** Whether a chunk holds one of the gold strings, spaces folded on both sides. */
export function holdsGold(chunkText: string, gold: readonly string[]): boolean {
  const folded = foldSpaces(chunkText)
  return gold.some((text) => folded.includes(foldSpaces(text)))
}

function foldSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
