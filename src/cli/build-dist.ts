import { bundleServer } from '../build/bundle-server.js'
import { PROJECT_DIRECTORY } from '../project-directory.js'

/** `npm run build` (and `prepare`, run by `npm install` and `npm ci`): bundles the server into dist/ when its sources changed. */
async function runBuildDist(): Promise<void> {
  const result = await bundleServer({ projectDirectory: PROJECT_DIRECTORY, force: process.argv.includes('--force') })
  const what = result.built ? `bundled src/main.ts into dist/ (${result.outputs.length} files)` : 'dist/ is up to date'
  process.stderr.write(`${what} in ${result.milliseconds.toFixed(0)} ms: ${result.reason}\n`)
}

runBuildDist().catch((error: unknown) => {
  process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
