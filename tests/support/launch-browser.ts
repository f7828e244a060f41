import { accessSync, constants } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Where Debian installs Chromium; `SANAD_CHROMIUM_PATH` overrides it. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

// Flags keep a headless run hermetic: no sandbox (root in CI), and no background calls out of loopback.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

/** Launches headless system Chromium, failing loudly (never skipping) when it is not installed. */
export async function launchBrowser(environment: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = environment.SANAD_CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH
  try {
    accessSync(executablePath, constants.X_OK)
  } catch {
    throw new Error(
      `Chromium is required for the web UI tests but was not found at ${executablePath}. ` +
        'Install it (Debian: `apt-get install -y chromium`) or set SANAD_CHROMIUM_PATH to a Chromium binary.',
    )
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
}
