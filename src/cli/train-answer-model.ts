import { writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import type { AnswerModel } from '../answer/answer-model.js'
import { DEFAULT_ANSWER_MODEL_PATH } from '../answer/load-answer-model.js'
import { loadConfig } from '../config/load-config.js'
import { collectTrainingExamples, fitAnswerModel } from '../eval/train-answer-model.js'
import { arcdTrainingQuestions, documentTexts, loadTrainingData, multiTrainingQuestions, TRAINING_NEGATIVE_OFFSET } from '../eval/training-sets.js'

/**
 * `npm run train`: fits the extractive answerer's ranker and decider on ARCD's training split and the
 * multi-article dev questions (never the held-out ones) and writes data/answer-model.json.
 * Deterministic: the same data and code give the same bytes.
 */
async function main(): Promise<void> {
  const started = performance.now()
  const { model, examples } = await trainAnswerModel()
  await writeFile(DEFAULT_ANSWER_MODEL_PATH, `${JSON.stringify(model, null, 2)}\n`)
  process.stdout.write(`answer model: ${examples} examples, ranker top-1 ${model.training.rankerTopCorrect}, threshold ${model.threshold} (${Math.round(performance.now() - started)} ms) → data/answer-model.json\n`)
}

/** Fits the answer model from the training data, exactly as `npm run train` does (also used by the test that the committed model is current). */
export async function trainAnswerModel(): Promise<{ model: AnswerModel; examples: number }> {
  const data = await loadTrainingData(loadConfig({}))
  const examples = [
    ...(await collectTrainingExamples(data.arcdCollection, arcdTrainingQuestions(data.arcd, data.arcd.questions, TRAINING_NEGATIVE_OFFSET))),
    ...(await collectTrainingExamples(data.multiCollection, multiTrainingQuestions(data.dev, documentTexts(data.multiCollection.index)))),
  ]
  return { model: fitAnswerModel(examples, data.trainedOn), examples: examples.length }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
