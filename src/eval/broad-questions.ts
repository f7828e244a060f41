import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { SanadError } from '../errors/sanad-error.js'

/** What a broad question asks for: an overview, the main points, someone's statements, a list across the article, a timeline. */
export const BroadKindSchema = z.enum(['summary', 'main-points', 'speaker', 'list', 'timeline'])
export type BroadKind = z.infer<typeof BroadKindSchema>

/** A broad question about one article, with the points a good answer covers (exact substrings of it). */
export const BroadQuestionSchema = z.strictObject({
  id: z.string().min(1),
  docId: z.string().min(1),
  kind: BroadKindSchema,
  language: z.enum(['ar', 'en']),
  question: z.string().min(1),
  goldPoints: z.array(z.string().min(1)).min(1),
})
export type BroadQuestion = z.infer<typeof BroadQuestionSchema>

/** The repository's broad-question set (`datasets/multi/broad.json`). */
export const BROAD_QUESTIONS_PATH = new URL('../../datasets/multi/broad.json', import.meta.url)

/**
 * The frozen held-out part: the questions on these articles are never looked at while tuning, and are
 * reported apart. They are the articles held out of the multi-article factoid set as well.
 */
export const BROAD_HELDOUT_DOCUMENTS: ReadonlySet<string> = new Set(['health', 'sport'])

/** Whether a broad question belongs to the frozen held-out part. */
export function isHeldOut(question: Pick<BroadQuestion, 'docId'>): boolean {
  return BROAD_HELDOUT_DOCUMENTS.has(question.docId)
}

/** Reads and validates the broad questions (ids unique). */
export async function loadBroadQuestions(path: string | URL = BROAD_QUESTIONS_PATH): Promise<BroadQuestion[]> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (cause) {
    throw new SanadError('config_invalid', `Cannot read dataset ${String(path)}`, { cause })
  }
  const parsed = z.array(BroadQuestionSchema).safeParse(json)
  if (!parsed.success) throw new SanadError('config_invalid', `Dataset ${String(path)} is invalid`, { details: z.treeifyError(parsed.error) })
  const ids = new Set<string>()
  for (const question of parsed.data) {
    if (ids.has(question.id)) throw new SanadError('config_invalid', `Dataset ${String(path)} repeats the id ${question.id}`)
    ids.add(question.id)
  }
  return parsed.data
}

/** A fingerprint of the held-out questions (ids, questions and gold points), to prove they stay frozen. */
export function fingerprintHeldOut(questions: readonly BroadQuestion[]): string {
  const heldOut = questions.filter(isHeldOut).map(({ id, docId, kind, language, question, goldPoints }) => ({ id, docId, kind, language, question, goldPoints }))
  return createHash('sha256').update(JSON.stringify(heldOut)).digest('hex')
}
