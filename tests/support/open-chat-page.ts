import type { Browser, Page } from 'playwright-core'

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
