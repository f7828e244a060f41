import { accessSync, constants } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { chooseChromium, launchBrowser } from '../support/launch-browser.js'

// The promise of the README: the UI tests need nothing beyond `npm install`. With the system browser
// hidden (an empty override and a system path that does not exist), Chromium comes from npm.
describe('the browser the UI tests run', () => {
  it('should come from the @sparticuz/chromium npm package when no system Chromium is there', async () => {
    const choice = await chooseChromium({ SANAD_CHROMIUM_PATH: '' }, '/nonexistent/chromium')
    expect(choice.source).toBe('npm')
    expect(() => accessSync(choice.executablePath, constants.X_OK)).not.toThrow()
    expect(choice.args).not.toContain('--disable-web-security')
  }, 60_000)

  it('should refuse an override that is not an executable, naming it', async () => {
    await expect(chooseChromium({ SANAD_CHROMIUM_PATH: '/nonexistent/chrome' })).rejects.toThrow('/nonexistent/chrome')
  })

  it('should render Arabic right to left in the browser it launches', async () => {
    const browser = await launchBrowser({ SANAD_CHROMIUM_PATH: '' })
    try {
      const page = await browser.newPage()
      await page.setContent('<p dir="rtl" lang="ar">سند</p>')
      expect(await page.locator('p').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl')
      expect(await page.locator('p').textContent()).toBe('سند')
    } finally {
      await browser.close()
    }
  }, 60_000)
})
