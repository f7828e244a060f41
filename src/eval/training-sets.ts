import { readFile } from 'node:fs/promises'
import type { Config } from '../config/load-config.js'
import { LocalHashEmbeddings } from '../embed/local-hash-embeddings.js'
import { buildIndex } from '../index/build-index.js'
import type { SanadIndex } from '../index/sanad-index.js'
import { HybridRetriever } from '../retrieve/hybrid-retriever.js'
import { hashText, loadSources, sourceFromText } from '../source/load-sources.js'
import type { SourceDocument } from '../source/source-document.js'
import { ARCD_TRAIN_PATH, loadArcd, type ArcdCollection, type ArcdQuestion } from './arcd.js'
import { loadQuestionSet, type Question } from './question-set.js'
import type { TrainingCollection, TrainingQuestion } from './train-answer-model.js'

/** The repository's multi-article set: articles and their dev and frozen held-out questions. */
export const MULTI_DIRECTORY = new URL('../../datasets/multi/', import.meta.url)
export const MULTI_DEV_PATH = new URL('questions.dev.json', MULTI_DIRECTORY)
export const MULTI_HELDOUT_PATH = new URL('questions.heldout.json', MULTI_DIRECTORY)
const SEED_SOURCES = new URL('../../index/sources/', import.meta.url)

/** Builds an in-memory index and retriever over sources, with the served configuration's chunker and embedder. */
export async function buildCollection(sources: readonly SourceDocument[], config: Pick<Config, 'CHUNK_MAX_CHARACTERS' | 'CHUNK_OVERLAP_SENTENCES' | 'EMBEDDING_DIMENSIONS' | 'TOP_K'>): Promise<TrainingCollection> {
  const { index } = await buildIndex(sources, new LocalHashEmbeddings({ dimensions: config.EMBEDDING_DIMENSIONS }), {
    chunker: { maxCharacters: config.CHUNK_MAX_CHARACTERS, overlapSentences: config.CHUNK_OVERLAP_SENTENCES },
  })
  return { index, retriever: new HybridRetriever(index, config.TOP_K), topK: config.TOP_K }
}

/** The seed article and the given multi-set articles as sources (ids: `article`, then the article names). */
export async function loadMultiSources(articles: readonly string[]): Promise<SourceDocument[]> {
  const seed = await loadSources(SEED_SOURCES.pathname)
  const others = await Promise.all(articles.map(async (id) => sourceFromText(id, await readFile(new URL(`articles/${id}.txt`, MULTI_DIRECTORY), 'utf8'))))
  return [...seed, ...others]
}

/** The articles a question file is about, in first-seen order. */
export function articlesOf(questions: readonly Question[]): string[] {
  return [...new Set(questions.map((question) => question.docId).filter((id): id is string => id !== undefined))]
}

/**
 * ARCD questions to learn from: each asked of its own paragraph (answerable), of a paragraph of another
 * article picked by `offset` (unanswerable there: the natural negative), and of the next paragraph of
 * its own article (the topic is there, the answer is not: a near miss).
 */
export function arcdTrainingQuestions(arcd: ArcdCollection, questions: readonly ArcdQuestion[], offset: number): TrainingQuestion[] {
  return questions.flatMap((question) => {
    const group = `arcd-${question.article}`
    const sibling = siblingParagraph(arcd, question.docId)
    return [
      { id: question.id, group, question: question.question, documents: [question.docId], gold: question.answers.map((answer) => ({ docId: question.docId, ...answer })) },
      { id: `${question.id}-other`, group, question: question.question, documents: [otherArticleParagraph(arcd, question.article, offset)], gold: null },
      ...(sibling ? [{ id: `${question.id}-sibling`, group, question: question.question, documents: [sibling], gold: null }] : []),
    ]
  })
}

/** The next paragraph of the same article (wrapping around), or null for a one-paragraph article. */
export function siblingParagraph(arcd: ArcdCollection, docId: string): string | null {
  const [, article, paragraph] = docId.split('-')
  const siblings = arcd.sources.filter((source) => source.id.startsWith(`arcd-${article}-`))
  if (siblings.length < 2) return null
  return `arcd-${article}-${(Number(paragraph) + 1) % siblings.length}`
}

/** Offset of the other-article paragraph ARCD questions are asked of as negatives while training. */
export const TRAINING_NEGATIVE_OFFSET = 36

/** The first paragraph of the article `offset` places after this one (never this one). */
export function otherArticleParagraph(arcd: ArcdCollection, article: number, offset: number): string {
  const other = (article + 1 + (offset % (arcd.articleCount - 1))) % arcd.articleCount
  return `arcd-${other}-0`
}

/** Multi-article questions to learn from, asked of their own article and of the whole collection. */
export function multiTrainingQuestions(questions: readonly Question[], documents: ReadonlyMap<string, string>): TrainingQuestion[] {
  return questions.flatMap((question) => {
    if (!question.docId || question.language !== 'ar' || question.kind === 'injection') return []
    const text = documents.get(question.docId) ?? ''
    const gold = question.answerable
      ? question.goldEvidence.map((evidence) => ({ docId: question.docId!, start: text.indexOf(evidence), end: text.indexOf(evidence) + evidence.length })).filter((span) => span.start >= 0)
      : null
    const base = { group: `multi-${question.docId}`, question: question.question, gold, ...(question.history ? { history: question.history } : {}) }
    return [
      { ...base, id: question.id, documents: [question.docId] },
      { ...base, id: `${question.id}-open` },
    ]
  })
}

/** Everything `npm run train` learns from, with the data's hashes for the model file. */
export async function loadTrainingData(config: Parameters<typeof buildCollection>[1]) {
  const arcdText = await readFile(ARCD_TRAIN_PATH, 'utf8')
  const arcd = await loadArcd(ARCD_TRAIN_PATH)
  const devText = await readFile(MULTI_DEV_PATH, 'utf8')
  const dev = await loadQuestionSet(MULTI_DEV_PATH)
  const multiSources = await loadMultiSources(articlesOf(dev))
  return {
    arcd,
    arcdCollection: await buildCollection(arcd.sources, config),
    dev,
    multiSources,
    multiCollection: await buildCollection(multiSources, config),
    trainedOn: [
      { name: 'arcd-train', sha256: hashText(arcdText), questions: arcd.questions.length },
      { name: 'multi-dev', sha256: hashText(devText + multiSources.map((source) => source.sha256).join('')), questions: dev.length },
    ],
  }
}

/** The text of each document of an index. */
export function documentTexts(index: SanadIndex): Map<string, string> {
  return new Map([...index.documents].map(([id, document]) => [id, document.text]))
}
