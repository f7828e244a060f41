// Vitest global setup: `npm start` runs dist/main.js, so the tests that start it must see a bundle of
// the present sources. A no-op (a few stats) when dist/ is newer than every input.
import { bundleServer } from '../../src/build/bundle-server.js'
import { PROJECT_DIRECTORY } from '../../src/project-directory.js'

export default async function buildDist(): Promise<void> {
  await bundleServer({ projectDirectory: PROJECT_DIRECTORY })
}
