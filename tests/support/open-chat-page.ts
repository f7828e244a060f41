import type { Browser, Page, Request as PlaywrightRequest } from 'playwright-core'
import type { AskResponse } from '../../src/answer/answer-schemas.js'
import { parseEventBlock } from '../../web/read-server-sent-events.js'

/** The desktop and phone viewports the UI is tested at. */
export const DESKTOP = { width: 1280, height: 800 }
export const MOBILE = { width: 360, height: 740 }

/**
 * Keeps a copy of every /api/chat stream inside the page. Chromium does not retain streamed fetch
 * bodies for the DevTools protocol, so the test tees the stream itself instead of asking the network layer.
 */
function recordChatStreams() {
  const recorded: Promise<string>[] = []
  Object.assign(window, { recordedChatStreams: recorded })
  const originalFetch = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const response = await originalFetch(input, init)
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    if (url.pathname !== '/api/chat' || !response.body) return response
    const [forApp, forTest] = response.body.tee()
    recorded.push(new Response(forTest).text())
    return new Response(forApp, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
}

/** Opens the chat UI in a fresh Arabic-locale context that records its chat streams and fails on any dialog. */
export async function openChatPage(browser: Browser, baseUrl: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'ar' })
  const page = await context.newPage()
  await page.addInitScript(recordChatStreams)
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`)
  })
  await page.goto(baseUrl)
  return page
}

/** One question sent by the UI: its /api/chat request, the events of its stream and the final answer. */
export interface ChatTurn {
  request: PlaywrightRequest
  events: { event: string; data: string }[]
  answer: AskResponse
}

/** True for the UI's POST /api/chat. */
export function isChatRequest(request: PlaywrightRequest): boolean {
  return new URL(request.url()).pathname === '/api/chat' && request.method() === 'POST'
}

/** How many chat streams the page has recorded so far: the index the next one will get. */
export function countRecordedChatStreams(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { recordedChatStreams: unknown[] }).recordedChatStreams.length)
}

/** Reads the recorded stream at `index`, parses its events, and returns the turn with its final answer. */
export async function readChatTurn(page: Page, index: number, request: PlaywrightRequest): Promise<ChatTurn> {
  const stream = await page.evaluate((at) => (window as unknown as { recordedChatStreams: Promise<string>[] }).recordedChatStreams[at]!, index)
  const events = stream
    .replace(/\r\n?/g, '\n')
    .split('\n\n')
    .map((block) => parseEventBlock(block))
    .filter((event) => event !== null)
  const final = events.find((event) => event.event === 'answer')
  if (!final) throw new Error(`no answer event: ${JSON.stringify(events)}`)
  return { request, events, answer: JSON.parse(final.data) as AskResponse }
}
