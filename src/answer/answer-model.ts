import { z } from 'zod'

/** A logistic model over named features: standardized inputs, weights and a bias. */
export const LogisticModelSchema = z.strictObject({
  features: z.array(z.string()).min(1),
  means: z.array(z.number()),
  scales: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
})
export type LogisticModel = z.infer<typeof LogisticModelSchema>

/**
 * The extractive answerer's fitted weights, written by `npm run train` from named datasets (their
 * sha256 inside) and read by the answerer; nobody edits these numbers by hand.
 * - `ranker` gives each candidate sentence the probability that it holds the answer;
 * - `decider` gives the question the probability that its best sentence should be answered with,
 *   and `threshold` is the cut fitted on answerable versus unanswerable training questions.
 */
export const AnswerModelSchema = z.strictObject({
  version: z.literal(1),
  featureVersion: z.number().int(),
  trainedOn: z.array(z.strictObject({ name: z.string(), sha256: z.string(), questions: z.number().int() })),
  ranker: LogisticModelSchema,
  decider: LogisticModelSchema,
  threshold: z.number(),
  /** Measured on the training data, for the record. */
  training: z.record(z.string(), z.number()),
})
export type AnswerModel = z.infer<typeof AnswerModelSchema>

/** The probability a logistic model gives a feature vector (named as in `model.features`). */
export function predictProbability(model: LogisticModel, features: ArrayLike<number>): number {
  let score = model.bias
  for (let position = 0; position < model.weights.length; position++) {
    score += model.weights[position]! * ((features[position]! - model.means[position]!) / model.scales[position]!)
  }
  return 1 / (1 + Math.exp(-score))
}
