import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { sourceFromText } from '../source/load-sources.js'
import type { SourceDocument } from '../source/source-document.js'

const SquadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(z.object({ id: z.string(), question: z.string(), answers: z.array(z.object({ text: z.string(), answer_start: z.number().int() })).min(1) })),
        }),
      ),
    }),
  ),
})

/** One ARCD question with its gold answers as spans of its paragraph's source document. */
export interface ArcdQuestion {
  id: string
  /** The Wikipedia article the paragraph comes from: the unit of cross-validation. */
  article: number
  docId: string
  question: string
  answers: { text: string; start: number; end: number }[]
}

/** ARCD as sanad sees it: one source document per paragraph, and the questions about them. */
export interface ArcdCollection {
  sources: SourceDocument[]
  questions: ArcdQuestion[]
  articleCount: number
}

/** ARCD's training split, kept in the repository (MIT; see datasets/arcd/). */
export const ARCD_TRAIN_PATH = new URL('../../datasets/arcd/arcd-train.json', import.meta.url)

/**
 * Reads a SQuAD-format file (ARCD) into sources and questions. Each paragraph becomes a document
 * whose first line is its article's title (sanad reads the first line as the title), then the
 * paragraph; gold answer offsets are moved by the title's length so they index into that text.
 */
export async function loadArcd(path: string | URL = ARCD_TRAIN_PATH): Promise<ArcdCollection> {
  const dataset = SquadSchema.parse(JSON.parse(await readFile(path, 'utf8')))
  const sources: SourceDocument[] = []
  const questions: ArcdQuestion[] = []
  dataset.data.forEach((article, articleIndex) => {
    article.paragraphs.forEach((paragraph, paragraphIndex) => {
      const docId = `arcd-${articleIndex}-${paragraphIndex}`
      const prefix = `${article.title.trim()}\n\n`
      sources.push(sourceFromText(docId, `${prefix}${paragraph.context}\n`))
      for (const qa of paragraph.qas) {
        const answers = qa.answers
          .filter((answer) => paragraph.context.slice(answer.answer_start, answer.answer_start + answer.text.length) === answer.text)
          .map((answer) => ({ text: answer.text, start: prefix.length + answer.answer_start, end: prefix.length + answer.answer_start + answer.text.length }))
        if (answers.length > 0) questions.push({ id: qa.id, article: articleIndex, docId, question: qa.question.trim(), answers })
      }
    })
  })
  return { sources, questions, articleCount: dataset.data.length }
}
