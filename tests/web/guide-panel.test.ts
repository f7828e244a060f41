import path from 'node:path'
import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DocumentGuideSchema } from '../../src/server/guide-schemas.js'
import { launchBrowser } from '../support/launch-browser.js'
import { DESKTOP, isChatRequest, MOBILE, openChatPage } from '../support/open-chat-page.js'
import { startServer, type StartedServer } from '../support/start-server.js'

const ARTIFACTS = path.resolve('test-artifacts', 'web')

let browser: Browser
let server: StartedServer

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  browser = await launchBrowser()
  server = await startServer()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the source guide panel in a real browser', { timeout: 120_000 }, () => {
  it('should open before the first question, and a timeline item should open the source with exactly its span highlighted', async () => {
    const page = await openChatPage(browser, server.url, DESKTOP)
    const panel = page.getByTestId('guide-panel')
    await panel.waitFor()
    const items = page.getByTestId('guide-timeline-item')
    await items.first().waitFor()
    const guide = DocumentGuideSchema.parse(await (await page.request.get(`${server.url}/api/documents/article/guide`)).json())
    expect(await items.count()).toBe(guide.timeline.length)
    expect(await page.getByTestId('guide-summary-item').count()).toBe(guide.summary.length)

    const item = items.nth(1)
    const start = Number(await item.getAttribute('data-start'))
    const end = Number(await item.getAttribute('data-end'))
    await item.click()
    const highlight = page.getByTestId('source-highlight')
    await highlight.waitFor()
    const text = ((await (await page.request.get(`${server.url}/api/documents/article`)).json()) as { text: string }).text
    expect(await highlight.textContent()).toBe(text.slice(start, end))
    expect(guide.timeline.some((event) => event.start === start && event.end === end && event.quote === text.slice(start, end))).toBe(true)
    expect(await page.locator('mark').count()).toBe(1)
    expect(await panel.isHidden()).toBe(true)
    await page.screenshot({ path: path.join(ARTIFACTS, 'guide-timeline-source.png') })

    // Closing the source brings the guide back, with the clicked item focused.
    await page.keyboard.press('Escape')
    await panel.waitFor()
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('guide-timeline-item')
    await page.context().close()
  })

  it('should ask a suggested question in the chat and step aside for the answer', async () => {
    const page = await openChatPage(browser, server.url, DESKTOP)
    const question = page.getByTestId('guide-question').first()
    await question.waitFor()
    const asked = await question.textContent()
    const request = page.waitForRequest(isChatRequest)
    await question.click()
    expect((await request).postDataJSON().question).toBe(asked)
    await page.locator('[data-testid="message-answer"][data-state="done"]').first().waitFor()
    expect(await page.getByTestId('guide-panel').isHidden()).toBe(true)
    await page.context().close()
  })

  it('should stay closed on a phone until asked for, then open as a sheet', async () => {
    const page = await openChatPage(browser, server.url, MOBILE)
    await page.getByTestId('question-input').waitFor()
    expect(await page.getByTestId('guide-panel').isHidden()).toBe(true)
    await page.getByTestId('open-guide').click()
    await page.getByTestId('guide-summary-item').first().waitFor()
    expect(await page.getByTestId('open-guide').getAttribute('aria-expanded')).toBe('true')
    await page.context().close()
  })
})
