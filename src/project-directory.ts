import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository root, where `web/`, `data/`, `prompts/`, `index/` and package.json live: the nearest
 * folder above this module that holds a package.json. The module sits in `src/` as source and in
 * `dist/` (or a folder below it) when bundled, so the same search finds the root from either.
 */
export const PROJECT_DIRECTORY = findProjectDirectory(dirname(fileURLToPath(import.meta.url)))

function findProjectDirectory(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return `${directory}/`
    if (dirname(directory) === directory) throw new Error(`no package.json above ${start}`)
  }
}
