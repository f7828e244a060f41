import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SanadError } from '../errors/sanad-error.js'
import { PROJECT_DIRECTORY } from '../project-directory.js'

/** Where prompt files live unless a caller points elsewhere. */
export const DEFAULT_PROMPT_FOLDER = join(PROJECT_DIRECTORY, 'prompts')

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g
const PROMPT_NAME = /^[a-z0-9][a-z0-9.-]*$/

// Prompt files are read-only at run time, so each is read once per process.
const templateByPath = new Map<string, Promise<string>>()

/**
 * Renders `prompts/<name>.md`, replacing every `{{variable}}` in one pass so that values which
 * themselves contain `{{…}}` (a question, an evidence sentence) are never expanded.
 */
export async function renderPrompt(
  name: string,
  variables: Readonly<Record<string, string>>,
  options: { folder?: string } = {},
): Promise<string> {
  if (!PROMPT_NAME.test(name)) throw new SanadError('config_invalid', `Invalid prompt name "${name}".`)
  const template = await readTemplate(join(options.folder ?? DEFAULT_PROMPT_FOLDER, `${name}.md`), name)

  const missing = new Set<string>()
  const rendered = template.replace(PLACEHOLDER, (placeholder, variable: string) => {
    const value = Object.hasOwn(variables, variable) ? variables[variable] : undefined
    if (value === undefined) missing.add(variable)
    return value ?? placeholder
  })
  if (missing.size > 0) {
    throw new SanadError('config_invalid', `Prompt "${name}" has no value for ${[...missing].map((variable) => `{{${variable}}}`).join(', ')}.`, {
      details: { prompt: name, missing: [...missing] },
    })
  }
  return rendered
}

function readTemplate(path: string, name: string): Promise<string> {
  let template = templateByPath.get(path)
  if (!template) {
    template = readFile(path, 'utf8').catch((error: unknown) => {
      templateByPath.delete(path)
      throw new SanadError('config_invalid', `Prompt "${name}" could not be read.`, { cause: error })
    })
    templateByPath.set(path, template)
  }
  return template
}
