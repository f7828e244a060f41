// @ts-check

/**
 * @typedef {import('./api.js').SourceDocument} SourceDocument
 * @typedef {{
 *   docId: string, start: number, end: number, heading: string, section?: string | null,
 *   returnFocus: () => void,
 * }} SourceRequest
 * @typedef {{
 *   panel: HTMLElement, backdrop: HTMLElement, heading: HTMLElement, documentTitle: HTMLElement,
 *   location: HTMLElement, status: HTMLElement, scroller: HTMLElement, text: HTMLElement, closeButton: HTMLElement,
 *   background: HTMLElement[],
 * }} SourcePanelElements
 */

/**
 * Controls the source panel: shows a whole document with one span wrapped in
 * `<mark data-testid="source-highlight">`, scrolled into view within the panel's own scroller (never the
 * page, so the top bar and the panel's header stay where they are). On narrow screens the panel is a
 * modal bottom sheet (the rest of the page is made inert); on wide screens it sits beside the chat.
 * A failed load shows a generic message unless `createLoadFailureView` offers a view for that error
 * (such as the API key form), which gets a `retry` that reopens the same request.
 * @param {SourcePanelElements} elements
 * @param {{
 *   loadDocument: (docId: string) => Promise<SourceDocument>, overlayQuery: MediaQueryList,
 *   createLoadFailureView?: (error: unknown, retry: () => void) => HTMLElement | null,
 * }} dependencies
 * @returns {{ open: (request: SourceRequest) => Promise<void>, close: () => void, isOpen: () => boolean }}
 */
export function createSourcePanel(elements, { loadDocument, overlayQuery, createLoadFailureView }) {
  const { panel, backdrop, heading, documentTitle, location, status, scroller, text, closeButton, background } = elements
  /** @type {Map<string, Promise<SourceDocument>>} */
  const documents = new Map()
  /** @type {SourceRequest | null} */
  let current = null
  let openCount = 0

  /** @param {string} docId */
  function getDocument(docId) {
    let pending = documents.get(docId)
    if (!pending) {
      pending = loadDocument(docId)
      documents.set(docId, pending)
      // A failed load must not poison the cache; the next click tries again.
      pending.catch(() => documents.delete(docId))
    }
    return pending
  }

  function applyMode() {
    const overlay = overlayQuery.matches && !panel.hidden
    backdrop.hidden = !overlay
    if (overlay) panel.setAttribute('aria-modal', 'true')
    else panel.removeAttribute('aria-modal')
    for (const element of background) element.inert = overlay
    document.body.classList.toggle('has-source-panel', !panel.hidden)
  }

  /** @param {SourceRequest} request */
  async function open(request) {
    const requestNumber = ++openCount
    current = request
    panel.hidden = false
    applyMode()
    heading.textContent = request.heading
    const offsets = `الموضع ${request.start}–${request.end}`
    location.textContent = request.section ? `${request.section} · ${offsets}` : offsets
    status.textContent = 'جارٍ تحميل نص المقال…'
    status.hidden = false
    text.replaceChildren()
    panel.focus({ preventScroll: true })

    /** @type {SourceDocument} */
    let loaded
    try {
      loaded = await getDocument(request.docId)
    } catch (error) {
      if (requestNumber !== openCount) return
      const failureView = createLoadFailureView?.(error, () => void open(request))
      if (failureView) {
        status.hidden = true
        text.replaceChildren(failureView)
        failureView.querySelector('input')?.focus({ preventScroll: true })
        return
      }
      status.textContent = 'تعذّر تحميل نص المقال. أغلق اللوحة وحاول مرة أخرى.'
      return
    }
    if (requestNumber !== openCount) return
    documentTitle.textContent = loaded.title
    const { start, end } = request
    if (!(start >= 0 && start <= end && end <= loaded.text.length)) {
      status.textContent = 'موضع الاقتباس خارج حدود النص.'
      text.textContent = loaded.text
      return
    }
    status.hidden = true
    const mark = document.createElement('mark')
    mark.dataset.testid = 'source-highlight'
    mark.textContent = loaded.text.slice(start, end)
    text.replaceChildren(loaded.text.slice(0, start), mark, loaded.text.slice(end))
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    centerWithin(scroller, mark, reduceMotion ? 'auto' : 'smooth')
  }

  function close() {
    if (panel.hidden) return
    const request = current
    current = null
    openCount += 1
    panel.hidden = true
    applyMode()
    request?.returnFocus()
  }

  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  })
  closeButton.addEventListener('click', close)
  backdrop.addEventListener('click', close)
  overlayQuery.addEventListener('change', applyMode)

  return { open, close, isOpen: () => !panel.hidden }
}

/**
 * Scrolls `container` alone so that `target` sits in its middle, or starts at its top when taller.
 * `scrollIntoView` would also scroll every scrollable ancestor, the page included.
 * @param {HTMLElement} container
 * @param {HTMLElement} target
 * @param {ScrollBehavior} behavior
 */
function centerWithin(container, target, behavior) {
  const box = container.getBoundingClientRect()
  const rect = target.getBoundingClientRect()
  const margin = Math.max(0, (container.clientHeight - rect.height) / 2)
  container.scrollTo({ top: Math.max(0, container.scrollTop + rect.top - box.top - margin), behavior })
}
