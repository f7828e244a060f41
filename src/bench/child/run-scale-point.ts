// Child process of `npm run bench`: one scale point per process, so each build starts from a clean heap
// and its peak memory is its own. argv: <options JSON> <result file>.
import { writeFile } from 'node:fs/promises'
import { createEmbeddings } from '../../config/create-index-location.js'
import { loadConfig } from '../../config/load-config.js'
import { measureScalePoint, ScalePointOptionsSchema } from '../measure-scale-point.js'

const [optionsJson, resultPath] = process.argv.slice(2)
if (!optionsJson || !resultPath) throw new Error('usage: run-scale-point.ts <options JSON> <result file>')
// The server's defaults (not this shell's environment), so the index matches the server the bench starts on it.
const result = await measureScalePoint(ScalePointOptionsSchema.parse(JSON.parse(optionsJson)), createEmbeddings(loadConfig({})))
await writeFile(resultPath, JSON.stringify(result))
