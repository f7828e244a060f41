import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { HistoryMessageSchema } from '../answer/answer-schemas.js'
import { SanadError } from '../errors/sanad-error.js'
import { PROJECT_DIRECTORY } from '../project-directory.js'

/** What an evaluation question probes; `english*` kinds are the only English ones. */
export const QuestionKindSchema = z.enum([
  'factoid',
  'list',
  'paraphrase',
  'spelling-variant',
  'near-miss',
  'out-of-domain',
  'injection',
  'follow-up',
  'english',
  'english-unanswerable',
])
export type QuestionKind = z.infer<typeof QuestionKindSchema>

/**
 * One evaluation question: a correct answer contains at least one of `acceptableAnswers` after Arabic
 * normalization and is provable from `goldEvidence` (exact substrings of the article); both are empty
 * exactly when the question is unanswerable, where the expected behaviour is a refusal.
 */
export const QuestionSchema = z
  .strictObject({
    id: z.string().min(1),
    kind: QuestionKindSchema,
    language: z.enum(['ar', 'en']),
    question: z.string().min(1),
    history: z.array(HistoryMessageSchema).optional(),
    answerable: z.boolean(),
    acceptableAnswers: z.array(z.string().min(1)),
    goldEvidence: z.array(z.string().min(1)),
    /** The document the question is about, in a collection of several. */
    docId: z.string().optional(),
    notes: z.string().optional(),
  })
  .superRefine((question, context) => {
    // An answer key without evidence (or evidence for a refusal) would make the scorer's verdict meaningless.
    const hasKey = question.acceptableAnswers.length > 0 && question.goldEvidence.length > 0
    const hasNothing = question.acceptableAnswers.length === 0 && question.goldEvidence.length === 0
    if (question.answerable ? !hasKey : !hasNothing) {
      context.addIssue({
        code: 'custom',
        message: question.answerable
          ? 'an answerable question needs acceptable answers and gold evidence'
          : 'an unanswerable question must have no acceptable answers and no gold evidence',
      })
    }
  })
export type Question = z.infer<typeof QuestionSchema>

/** The whole question file: a list of questions with unique ids. */
export const QuestionSetSchema = z.array(QuestionSchema).superRefine((questions, context) => {
  reportDuplicateIds(questions, context)
})
export type QuestionSet = z.infer<typeof QuestionSetSchema>

/**
 * How a claim was derived from its passage: `none` restates a sentence verbatim, `clause` is its
 * leading clause, `paraphrase` rewords it, `english` is an English claim about the Arabic passage
 * and `on-question` answers its question; `partial` adds a fact the passage lacks, `off-question`
 * is true of the passage but does not answer its question, and the rest name the single change
 * that makes the claim unsupported (`entity-swap`: a country or nationality adjective in any
 * inflection; `event-contradiction`: a "did not" or "failed to" turned into "did"; `antonym`: a word
 * replaced by its opposite).
 */
export const PerturbationSchema = z.enum([
  'none',
  'clause',
  'paraphrase',
  'number',
  'date',
  'name',
  'negation',
  'unrelated',
  'partial',
  'entity-swap',
  'organisation',
  'event-contradiction',
  'antonym',
  'english',
  'on-question',
  'off-question',
])
export type Perturbation = z.infer<typeof PerturbationSchema>

/**
 * A claim, an exact passage and whether the passage alone supports the claim. With a `question`,
 * the label says whether an answer to it that makes this claim and cites this passage is both
 * supported and on the question.
 */
export const SupportPairSchema = z.strictObject({
  id: z.string().min(1),
  claim: z.string().min(1),
  passage: z.string().min(1),
  supported: z.boolean(),
  perturbation: PerturbationSchema,
  /** The document the passage comes from; the held-out split is decided by it. */
  source: z.string().min(1).optional(),
  /** Written by hand, or drawn by `npm run pairs` from the sources. */
  origin: z.enum(['hand', 'generated']).optional(),
  question: z.string().min(1).optional(),
  notes: z.string().optional(),
})
export type SupportPair = z.infer<typeof SupportPairSchema>

/** The whole support-pair file: a list of labelled pairs with unique ids. */
export const SupportPairSetSchema = z.array(SupportPairSchema).superRefine((pairs, context) => {
  reportDuplicateIds(pairs, context)
})
export type SupportPairSet = z.infer<typeof SupportPairSetSchema>

// From the repository root, wherever this module was bundled to (the bench runs bundled children).
const DEFAULT_QUESTION_SET_PATH = join(PROJECT_DIRECTORY, 'datasets', 'questions.json')
const DEFAULT_SUPPORT_PAIRS_PATH = join(PROJECT_DIRECTORY, 'datasets', 'support-pairs.json')

/** The frozen held-out support pairs (a third of the source documents): reported, never tuned on. */
export const HELD_OUT_SUPPORT_PAIRS_PATH = new URL('../../datasets/support-pairs.heldout.json', import.meta.url)

/** Reads and validates the evaluation questions (default `datasets/questions.json`). */
export async function loadQuestionSet(path: string | URL = DEFAULT_QUESTION_SET_PATH): Promise<QuestionSet> {
  return parseDatasetFile(path, QuestionSetSchema)
}

/** Reads and validates labelled support pairs (default the development part, `datasets/support-pairs.json`). */
export async function loadSupportPairs(path: string | URL = DEFAULT_SUPPORT_PAIRS_PATH): Promise<SupportPairSet> {
  return parseDatasetFile(path, SupportPairSetSchema)
}

function reportDuplicateIds(items: ReadonlyArray<{ id: string }>, context: z.RefinementCtx): void {
  const seen = new Set<string>()
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      context.addIssue({ code: 'custom', message: `duplicate id ${item.id}`, path: [index, 'id'] })
    }
    seen.add(item.id)
  })
}

async function parseDatasetFile<Schema extends z.ZodType>(path: string | URL, schema: Schema): Promise<z.infer<Schema>> {
  const location = String(path)
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (cause) {
    throw new SanadError('config_invalid', `Cannot read dataset ${location}`, { cause })
  }
  const result = schema.safeParse(json)
  if (!result.success) {
    throw new SanadError('config_invalid', `Dataset ${location} is invalid`, { details: z.treeifyError(result.error) })
  }
  return result.data
}
