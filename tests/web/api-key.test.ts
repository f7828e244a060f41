import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page, Request as PlaywrightRequest } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/launch-browser.js'
import { startServer, type StartedServer } from '../support/start-server.js'
import { countRecordedChatStreams, DESKTOP, isChatRequest, MOBILE, openChatPage, readChatTurn, type ChatTurn } from '../support/open-chat-page.js'

const ARTIFACTS = path.resolve('test-artifacts', 'web')
const API_KEY = 'sanad-test-key.0123456789'
const WRONG_KEY = 'not-the-key-9876543210'
const KEY_LABEL = 'مفتاح الواجهة البرمجية (API key)'

const ANSWERABLE_QUESTION = 'متى أعلن باراك أوباما عن مقتل بن لادن؟'


let browser: Browser
let server: StartedServer
let baseUrl: string
/** What the server answers a request without a key, read from the server rather than assumed. */
let unauthorizedMessage: string

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  browser = await launchBrowser()
  server = await startServer({ environment: { API_KEY } })
  baseUrl = server.url
  const probe = await fetch(`${baseUrl}/api/suggestions`)
  expect(probe.status).toBe(401)
  unauthorizedMessage = ((await probe.json()) as { error: { message: string } }).error.message
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

function openApp(viewport = DESKTOP): Promise<Page> {
  return openChatPage(browser, baseUrl, viewport)
}


/** Types a question into the composer and sends it with Enter. */
async function sendQuestion(page: Page, question: string): Promise<void> {
  const input = page.getByTestId('question-input')
  await input.fill(question)
  await input.press('Enter')
}

/** Runs `action` (which must start one chat request) and returns that request's stream and final answer. */
async function expectAnswer(page: Page, action: () => Promise<void>): Promise<ChatTurn> {
  const done = page.locator('[data-testid="message-answer"][data-state="done"]')
  const before = await done.count()
  const streamsBefore = await countRecordedChatStreams(page)
  const requestPromise = page.waitForRequest(isChatRequest)
  await action()
  const request = await requestPromise
  await done.nth(before).waitFor()
  return readChatTurn(page, streamsBefore, request)
}

/** Runs `action` and waits until the key form is shown because /api/chat answered 401. */
async function expectKeyForm(page: Page, action: () => Promise<void>): Promise<PlaywrightRequest> {
  const responsePromise = page.waitForResponse((response) => isChatRequest(response.request()) && response.status() === 401)
  await action()
  const response = await responsePromise
  await page.getByTestId('api-key-input').waitFor()
  return response.request()
}

async function enterKey(page: Page, key: string): Promise<void> {
  await page.getByTestId('api-key-input').fill(key)
  await page.getByTestId('api-key-save').click()
}

/** Everything the page keeps in web storage, to check where the key ended up. */
async function readWebStorage(page: Page): Promise<{ session: string[]; local: string[] }> {
  return page.evaluate(() => ({ session: Object.values(sessionStorage), local: Object.values(localStorage) }))
}

describe('chat UI behind an API key in a real browser', { timeout: 120_000 }, () => {
  it('should ask for the key on the first question, reject a wrong key, and stream a cited answer with the right one', async () => {
    const page = await openApp()
    expect(await page.getByTestId('forget-api-key').isVisible()).toBe(false)

    const firstRequest = await expectKeyForm(page, () => sendQuestion(page, ANSWERABLE_QUESTION))
    expect(await firstRequest.headerValue('authorization')).toBeNull()
    const error = page.getByTestId('error')
    expect(await error.getAttribute('data-kind')).toBe('unauthorized')
    expect(await error.textContent()).toContain(unauthorizedMessage)
    const keyInput = page.getByLabel(KEY_LABEL)
    expect(await keyInput.getAttribute('data-testid')).toBe('api-key-input')
    expect(await keyInput.getAttribute('type')).toBe('password')
    expect(await keyInput.evaluate((element) => element === document.activeElement)).toBe(true)
    await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-api-key.png') })

    const wrongRequest = await expectKeyForm(page, () => enterKey(page, WRONG_KEY))
    expect(await wrongRequest.headerValue('authorization')).toBe(`Bearer ${WRONG_KEY}`)
    expect(await page.getByTestId('api-key-form').textContent()).toContain(unauthorizedMessage)
    expect((await readWebStorage(page)).session).not.toContain(WRONG_KEY)
    expect(await page.getByTestId('message-user').count()).toBe(1)

    const turn = await expectAnswer(page, () => enterKey(page, API_KEY))
    expect(await turn.request.headerValue('authorization')).toBe(`Bearer ${API_KEY}`)
    expect(turn.request.postDataJSON()).toMatchObject({ question: ANSWERABLE_QUESTION })
    expect(turn.events.filter((event) => event.event === 'text-delta').length).toBeGreaterThan(0)
    expect(turn.answer.answered).toBe(true)
    expect(turn.answer.citations.length).toBeGreaterThan(0)
    expect(await page.getByTestId('api-key-form').count()).toBe(0)
    expect(await page.getByTestId('error').count()).toBe(0)
    const markers = page.getByTestId('message-answer').last().getByTestId('citation')
    expect(await markers.count()).toBeGreaterThan(0)

    const marker = markers.first()
    const n = Number(await marker.getAttribute('data-n'))
    const citation = turn.answer.citations.find((candidate) => candidate.n === n)!
    const documentRequest = page.waitForRequest((request) => new URL(request.url()).pathname.startsWith('/api/documents/'))
    await marker.click()
    expect(await (await documentRequest).headerValue('authorization')).toBe(`Bearer ${API_KEY}`)
    const highlight = page.getByTestId('source-highlight')
    await highlight.waitFor()
    expect(await highlight.textContent()).toBe(citation.quote)

    const storage = await readWebStorage(page)
    expect(storage.session).toContain(API_KEY)
    expect(storage.local.join('\n')).not.toContain(API_KEY)
    expect(page.url()).not.toContain(API_KEY)
    expect(await page.getByTestId('forget-api-key').isVisible()).toBe(true)
    await page.context().close()
  })

  it('should keep the key across a reload within the session, sending it for suggestions and questions', async () => {
    const page = await openApp()
    await expectKeyForm(page, () => sendQuestion(page, ANSWERABLE_QUESTION))
    await expectAnswer(page, () => enterKey(page, API_KEY))

    const suggestionsResponse = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/suggestions')
    await page.reload()
    const suggestions = await suggestionsResponse
    expect(await suggestions.request().headerValue('authorization')).toBe(`Bearer ${API_KEY}`)
    expect(suggestions.status()).toBe(200)
    await page.getByTestId('suggestion').first().waitFor()

    const turn = await expectAnswer(page, () => sendQuestion(page, ANSWERABLE_QUESTION))
    expect(await turn.request.headerValue('authorization')).toBe(`Bearer ${API_KEY}`)
    expect(turn.answer.citations.length).toBeGreaterThan(0)
    expect(await page.getByTestId('api-key-form').count()).toBe(0)
    await page.context().close()
  })

  it('should ask for the key again after it is forgotten', async () => {
    const page = await openApp()
    await expectKeyForm(page, () => sendQuestion(page, ANSWERABLE_QUESTION))
    await expectAnswer(page, () => enterKey(page, API_KEY))

    await page.getByTestId('forget-api-key').click()
    expect(await page.getByTestId('forget-api-key').isVisible()).toBe(false)
    expect((await readWebStorage(page)).session).not.toContain(API_KEY)
    const request = await expectKeyForm(page, () => sendQuestion(page, ANSWERABLE_QUESTION))
    expect(await request.headerValue('authorization')).toBeNull()
    await page.context().close()
  })

  it('should refuse a key with characters a bearer token cannot hold without sending it, and fit a narrow screen', async () => {
    const page = await openApp(MOBILE)
    await expectKeyForm(page, () => sendQuestion(page, ANSWERABLE_QUESTION))
    let chatRequests = 0
    page.on('request', (request) => {
      if (isChatRequest(request)) chatRequests += 1
    })

    await enterKey(page, 'مفتاح عربي')
    const problem = page.getByTestId('api-key-form').getByRole('alert')
    await problem.waitFor()
    expect(await page.getByTestId('api-key-input').getAttribute('aria-invalid')).toBe('true')
    expect(chatRequests).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
    await page.screenshot({ path: path.join(ARTIFACTS, 'mobile-api-key.png') })

    await expectAnswer(page, () => enterKey(page, API_KEY))
    expect(chatRequests).toBe(1)
    await page.context().close()
  })
})
