import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/launch-browser.js'
import { countRecordedChatStreams, isChatRequest, openChatPage, readChatTurn, type ChatTurn } from '../support/open-chat-page.js'
import { startServer, type StartedServer } from '../support/start-server.js'

// Two made-up sources that share their vocabulary, so that only the chosen documents decide the answer.
const SOURCES = {
  'qatar.txt': 'دولة قطر\n\nالدوحة هي عاصمة دولة قطر وأكبر مدنها. استضافت الدوحة كأس العالم لكرة القدم عام 2022.\n',
  'bahrain.txt': 'مملكة البحرين\n\nالمنامة هي عاصمة مملكة البحرين وأكبر مدنها. تقع المنامة في شمال شرق جزيرة البحرين.\n',
}
const QUESTION = 'ما هي عاصمة قطر؟'

let browser: Browser
let server: StartedServer
let indexDirectory: string

beforeAll(async () => {
  indexDirectory = await mkdtemp(join(tmpdir(), 'sanad-two-sources-'))
  await mkdir(join(indexDirectory, 'sources'))
  for (const [name, text] of Object.entries(SOURCES)) await writeFile(join(indexDirectory, 'sources', name), text)
  browser = await launchBrowser()
  server = await startServer({ indexDirectory })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await rm(indexDirectory, { recursive: true, force: true })
})

async function ask(page: Page, question: string): Promise<ChatTurn> {
  const settled = page.locator('[data-testid="message-answer"][data-state="done"]')
  const before = await settled.count()
  const streamsBefore = await countRecordedChatStreams(page)
  const requestPromise = page.waitForRequest(isChatRequest)
  await page.getByTestId('question-input').fill(question)
  await page.getByTestId('question-input').press('Enter')
  const request = await requestPromise
  await settled.nth(before).waitFor()
  return readChatTurn(page, streamsBefore, request)
}

describe('the source picker with two documents', { timeout: 120_000 }, () => {
  it('should offer both documents, search all by default, and send only the chosen ones as documents', async () => {
    const page = await openChatPage(browser, server.url)
    const picker = page.getByTestId('source-picker')
    await picker.waitFor()
    await picker.locator('summary').click()
    const options = page.getByTestId('source-option')
    expect(await options.count()).toBe(2)
    expect(await options.evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked))).toEqual([true, true])
    expect(await picker.textContent()).toContain('دولة قطر')
    expect(await picker.textContent()).toContain('مملكة البحرين')

    const open = await ask(page, QUESTION)
    expect(open.request.postDataJSON().documents).toBeUndefined()
    expect(open.answer.answered).toBe(true)
    expect(open.answer.citations.every((citation) => citation.docId === 'qatar')).toBe(true)
    // The card names the source by its title.
    expect(await page.getByTestId('source-item-location').first().textContent()).toContain('دولة قطر')

    await page.locator('[data-testid="source-option"][value="qatar"]').uncheck()
    expect(await page.getByTestId('source-picker-summary').textContent()).toContain('مملكة البحرين')
    // The last chosen document cannot be unchecked: a question needs somewhere to be answered from.
    expect(await page.locator('[data-testid="source-option"][value="bahrain"]').isDisabled()).toBe(true)
    await page.screenshot({ path: join('test-artifacts', 'web', 'desktop-source-picker.png') })

    const filtered = await ask(page, QUESTION)
    expect(filtered.request.postDataJSON().documents).toEqual(['bahrain'])
    expect(filtered.answer.citations.every((citation) => citation.docId === 'bahrain')).toBe(true)
    expect(filtered.answer.passages.length).toBeGreaterThan(0)
    expect(filtered.answer.passages.every((passage) => passage.docId === 'bahrain')).toBe(true)

    await page.context().close()
  })
})
