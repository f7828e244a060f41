import { accessSync, constants } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Where Debian installs Chromium; used when present, so a system browser stays an override. */
export const SYSTEM_CHROMIUM_PATH = '/usr/bin/chromium'

// Flags keep a headless run hermetic: no sandbox (root in CI), and no background calls out of loopback.
const HERMETIC_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

/** Which Chromium the tests run and where it came from. */
export interface ChromiumChoice {
  executablePath: string
  source: 'SANAD_CHROMIUM_PATH' | 'system' | 'npm'
  args: string[]
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Picks the browser: `SANAD_CHROMIUM_PATH` when set (an error if it is not executable), else the
 * system Chromium when installed, else the one shipped inside the `@sparticuz/chromium` npm package
 * (unpacked to the temp folder on first use), so the UI tests need nothing beyond `npm install`.
 */
export async function chooseChromium(
  environment: NodeJS.ProcessEnv = process.env,
  systemPath: string = SYSTEM_CHROMIUM_PATH,
): Promise<ChromiumChoice> {
  const override = environment.SANAD_CHROMIUM_PATH?.trim()
  if (override) {
    if (!isExecutable(override)) throw new Error(`SANAD_CHROMIUM_PATH=${override} is not an executable Chromium.`)
    return { executablePath: override, source: 'SANAD_CHROMIUM_PATH', args: HERMETIC_ARGS }
  }
  if (isExecutable(systemPath)) return { executablePath: systemPath, source: 'system', args: HERMETIC_ARGS }
  const { default: packaged } = await import('@sparticuz/chromium')
  const executablePath = await packaged.executablePath()
  // Not the package's own flags: they are tuned for serverless (single process, which closes a context
  // when another ends) and turn web security off, which would hide CSP problems from the UI tests.
  return { executablePath, source: 'npm', args: HERMETIC_ARGS }
}

/** Launches headless Chromium as chosen by `chooseChromium`; it fails loudly, never skips. */
export async function launchBrowser(environment: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const { executablePath, args } = await chooseChromium(environment)
  return chromium.launch({ executablePath, headless: true, args })
}
