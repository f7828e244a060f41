import { fileURLToPath } from 'node:url'
import { runWithCodeCache } from './run-with-code-cache.js'

// The entry of `npm start` (bundled to dist/main.js): runs the server bundle beside it through its V8 code
// cache. `--write-code-cache` is how the build makes that cache, with the start script's Node flags.
runWithCodeCache(fileURLToPath(new URL('./server.cjs', import.meta.url)), { write: process.argv.includes('--write-code-cache') })
