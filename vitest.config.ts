import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // `npm start` serves dist/, so bundle the present sources before any test starts it.
    globalSetup: ['tests/support/build-dist.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and server suites compete for them, so keep parallelism modest.
    maxWorkers: 2,
  },
})
