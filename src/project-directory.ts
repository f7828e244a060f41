import { fileURLToPath } from 'node:url'

/**
 * The repository root, where `web/`, `data/`, `prompts/`, `index/` and package.json live. This module
 * sits one level below it both as source (`src/`) and when bundled (`dist/`), so the same relative
 * URL finds the root from either.
 */
export const PROJECT_DIRECTORY = fileURLToPath(new URL('..', import.meta.url))
