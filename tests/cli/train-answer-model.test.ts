import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { AnswerModelSchema } from '../../src/answer/answer-model.js'
import { DEFAULT_ANSWER_MODEL_PATH } from '../../src/answer/load-answer-model.js'
import { DECISION_FEATURE_SIGNS, DECISION_FEATURES, SENTENCE_FEATURE_SIGNS, SENTENCE_FEATURES } from '../../src/answer/rank-candidates.js'
import { trainAnswerModel } from '../../src/cli/train-answer-model.js'

describe('npm run train', () => {
  it('should reproduce the committed answer model from the data and code, number for number', async () => {
    const committed = AnswerModelSchema.parse(JSON.parse(await readFile(DEFAULT_ANSWER_MODEL_PATH, 'utf8')))
    const { model } = await trainAnswerModel()
    expect(model).toEqual(committed)
  }, 120_000)

  it('should keep every fitted weight on the side its feature’s meaning allows', async () => {
    const committed = AnswerModelSchema.parse(JSON.parse(await readFile(DEFAULT_ANSWER_MODEL_PATH, 'utf8')))
    expect(committed.ranker.features).toEqual([...SENTENCE_FEATURES])
    expect(committed.decider.features).toEqual([...DECISION_FEATURES])
    const check = (weights: number[], signs: readonly number[]) => weights.forEach((weight, position) => expect(weight * signs[position]!).toBeGreaterThanOrEqual(0))
    check(committed.ranker.weights, SENTENCE_FEATURE_SIGNS)
    check(committed.decider.weights, DECISION_FEATURE_SIGNS)
    expect(committed.trainedOn.map((dataset) => dataset.name)).toEqual(['arcd-train', 'multi-dev'])
  })
})
