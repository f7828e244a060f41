import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { ARTICLE_QUOTA, ENTRY_QUOTA, type PairQuota, type PairSourceDocument } from './generate-support-pairs.js'
import { loadQuestionSet } from './question-set.js'

const ROOT = new URL('../../', import.meta.url)

/** The news articles (besides the seed article) that labelled pairs are drawn from; health and sport stay out, held out for another purpose. */
export const PAIR_NEWS_ARTICLES = ['economy', 'culture', 'politics', 'science'] as const

/** The seed that `npm run pairs` draws with. */
export const PAIR_SEED = 20240615

/** The extract of ARCD paragraphs that pairs are drawn from, as `npm run pairs -- --arcd` writes it. */
export const ArcdExtractSchema = z.array(z.object({
  id: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
  questions: z.array(z.object({ question: z.string(), answers: z.array(z.string()) })),
}))

/**
 * Reads the documents labelled pairs are drawn from: the seed article (with its Arabic answerable
 * questions), the four news articles and the ARCD extract, each with its hand-annotated people,
 * and the quota of pairs to draw from each.
 */
export async function loadPairSources(): Promise<{ documents: PairSourceDocument[]; quotaOf: (document: PairSourceDocument) => PairQuota }> {
  const read = (path: string) => readFile(new URL(path, ROOT), 'utf8')
  const arcd = ArcdExtractSchema.parse(JSON.parse(await read('datasets/support-sources/arcd-paragraphs.json')))
  const people = z.record(z.string(), z.array(z.string())).parse(JSON.parse(await read('datasets/support-sources/person-names.json')))
  const seedQuestions = (await loadQuestionSet()).filter((question) => question.answerable && question.language === 'ar' && !question.history)
  const documents: PairSourceDocument[] = [
    { id: 'article', paragraphs: readNewsParagraphs(await read('index/sources/article.txt')), questions: seedQuestions.map((question) => ({ question: question.question, answers: question.acceptableAnswers })) },
    ...(await Promise.all(PAIR_NEWS_ARTICLES.map(async (id) => ({ id, paragraphs: readNewsParagraphs(await read(`datasets/multi/articles/${id}.txt`)), questions: [] })))),
    ...arcd.map(({ id, paragraphs, questions }) => ({ id, paragraphs, questions })),
  ].map((document) => ({ ...document, people: people[document.id] ?? [] }))
  const articles = new Set<string>(['article', ...PAIR_NEWS_ARTICLES])
  return { documents, quotaOf: (document) => (articles.has(document.id) ? ARTICLE_QUOTA : ENTRY_QUOTA) }
}

/** The paragraphs of a news article: every line after the title that is not a short heading, up to the site's "read also" block. */
export function readNewsParagraphs(text: string): string[] {
  const lines = text.split('\n')
  const end = lines.findIndex((line) => line.trim() === 'اقرأ أيضا')
  return lines.slice(1, end < 0 ? undefined : end).filter((line) => line.length >= 60)
}
