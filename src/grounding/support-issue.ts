import { z } from 'zod'

/** The kinds of answer a question can ask for that relevance checks the evidence for. */
export const AskedTypeSchema = z.enum(['date', 'number', 'person', 'place'])
export type AskedType = z.infer<typeof AskedTypeSchema>

// Each issue names what the claim says and, where there is one, what the evidence says instead.
// Words are never stored here: formatSupportIssue renders an issue in Arabic or English.
const Text = z.string()

/**
 * Why a claim is not (fully) supported by its evidence, as typed data in the manner of zod's issues:
 * the scorer produces them, a pure formatter per language turns them into sentences, and nothing
 * parses a message back.
 */
export const SupportIssueSchema = z.discriminatedUnion('kind', [
  /** A number of the claim is not in the evidence; `evidence` is the number the evidence gives there, if any. */
  z.object({ kind: z.literal('number-mismatch'), claim: Text, evidence: Text.nullable() }),
  /** A month or weekday of the claim is not in the evidence; `evidence` is the one it names, if any. */
  z.object({ kind: z.literal('date-mismatch'), claim: Text, evidence: Text.nullable() }),
  /** The claim names a place, organisation or person (in any inflection) where the evidence names another. */
  z.object({ kind: z.literal('entity-conflict'), entity: z.enum(['place', 'organisation', 'person']), claim: Text, evidence: Text }),
  /** A name of the claim is nowhere in the evidence, and no other name stands in its place. */
  z.object({ kind: z.literal('missing-name'), claim: Text }),
  /** One side negates what the other states; `claim` / `evidence` is the negating word on that side. */
  z.object({ kind: z.literal('negation-mismatch'), claim: Text.nullable(), evidence: Text.nullable() }),
  /** The claim says an event happened (or went one way) where the evidence says it did not, could not, or went the other way. */
  z.object({ kind: z.literal('event-contradiction'), claim: Text, evidence: Text }),
  /** Who did what to whom is reversed from the evidence. */
  z.object({ kind: z.literal('role-swap'), first: Text, second: Text }),
  /** Too few of the claim's content words are in the evidence; `missing` lists them. */
  z.object({ kind: z.literal('low-coverage'), coverage: z.number().min(0).max(1), missing: z.array(Text) }),
  /** A claim in another language than its evidence, checked only through numbers, dates and names. */
  z.object({ kind: z.literal('cross-language'), anchors: z.number().int().min(0) }),
  /** The claim carries nothing checkable (stopwords only). */
  z.object({ kind: z.literal('no-content') }),
  /** No evidence was found or cited for the claim. */
  z.object({ kind: z.literal('no-passages') }),
  /** A [n] marker names no citation. */
  z.object({ kind: z.literal('invalid-citation'), n: z.number().int() }),
  /** The evidence does not carry these words of the question, or not the kind of answer it asks for. */
  z.object({ kind: z.literal('off-question'), missing: z.array(Text), askedType: AskedTypeSchema.nullable() }),
  /** A model judged the claim unsupported. */
  z.object({ kind: z.literal('model-verdict'), score: z.number().min(0).max(1) }),
])
export type SupportIssue = z.infer<typeof SupportIssueSchema>

/** The kind of a support issue. */
export type SupportIssueKind = SupportIssue['kind']
