import { readFileSync } from 'node:fs'
import { SanadError } from '../errors/sanad-error.js'
import { PROJECT_DIRECTORY } from '../project-directory.js'
import { AnswerModelSchema, type AnswerModel } from './answer-model.js'
import { FEATURE_VERSION } from './rank-candidates.js'

/** Where `npm run train` writes the fitted answer model. */
export const DEFAULT_ANSWER_MODEL_PATH = `${PROJECT_DIRECTORY}data/answer-model.json`

/** Reads and checks the fitted answer model; a model fitted on other features is refused with its reason. */
export function loadAnswerModel(path: string | URL = DEFAULT_ANSWER_MODEL_PATH): AnswerModel {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new SanadError('config_invalid', `cannot read the answer model ${String(path)}; run \`npm run train\``, { cause })
  }
  const parsed = AnswerModelSchema.safeParse(json)
  if (!parsed.success) throw new SanadError('config_invalid', `the answer model ${String(path)} is invalid; run \`npm run train\``)
  if (parsed.data.featureVersion !== FEATURE_VERSION) {
    throw new SanadError('config_invalid', `the answer model was fitted on features v${parsed.data.featureVersion}, the code computes v${FEATURE_VERSION}; run \`npm run train\``)
  }
  return parsed.data
}
