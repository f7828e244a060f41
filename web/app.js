// @ts-check
import { ApiError, fetchDocument, fetchDocumentList, fetchGuide, fetchSuggestions, streamChat } from './api.js'
import { createAnswerTextRenderer } from './create-answer-text-renderer.js'
import { createApiKeyForm } from './create-api-key-form.js'
import { createApiKeyStore } from './create-api-key-store.js'
import { createGuidePanel } from './create-guide-panel.js'
import { createIcon } from './create-icon.js'
import { createSourcePanel } from './create-source-panel.js'
import { createTooltip } from './create-tooltip.js'
import { formatAnswerForClipboard } from './format-answer-for-clipboard.js'

/**
 * @typedef {import('./api.js').AskResponse} AskResponse
 * @typedef {import('./api.js').Citation} Citation
 * @typedef {import('./api.js').Passage} Passage
 * @typedef {import('./api.js').HistoryMessage} HistoryMessage
 * @typedef {import('./api.js').ChatProgress} ChatProgress
 * @typedef {import('./api.js').DocumentSummary} DocumentSummary
 * @typedef {import('./create-tooltip.js').TooltipContent} TooltipContent
 * @typedef {{
 *   root: HTMLElement, card: HTMLElement, body: HTMLElement, progress: HTMLElement,
 *   progressLabel: HTMLElement, citations: Map<number, Citation>, passages: Passage[],
 *   renderer: import('./create-answer-text-renderer.js').AnswerTextRenderer, receivedText: boolean,
 * }} AnswerView
 */

// Older turns add little to a follow-up and the server caps history at 50 messages of 8000 chars.
const MAX_HISTORY_MESSAGES = 20
const MAX_HISTORY_CHARS = 8000
const PINNED_TO_BOTTOM_PX = 96
const COPIED_FEEDBACK_MS = 2000
// The server's default QUESTION_MAX_CHARACTERS, counted as it counts: after trimming, in UTF-16 units.
const QUESTION_MAX_CHARACTERS = Number(document.getElementById('question-input')?.dataset.maxCharacters) || 2000
// The count shows from 80% of the limit: shorter questions need no counter.
const COUNT_SHOWN_FROM = 0.8

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function requireElement(id, type) {
  const element = document.getElementById(id)
  if (!(element instanceof type)) throw new Error(`missing #${id}`)
  return element
}

const dom = {
  topbar: requireElement('topbar', HTMLElement),
  chat: requireElement('chat', HTMLElement),
  log: requireElement('log', HTMLElement),
  messages: requireElement('messages', HTMLElement),
  emptyState: requireElement('empty-state', HTMLElement),
  suggestionsBlock: requireElement('suggestions-block', HTMLElement),
  suggestions: requireElement('suggestions', HTMLUListElement),
  composer: requireElement('composer', HTMLFormElement),
  input: requireElement('question-input', HTMLTextAreaElement),
  count: requireElement('question-count', HTMLElement),
  send: requireElement('send', HTMLButtonElement),
  newChat: requireElement('new-chat', HTMLButtonElement),
  forgetApiKey: requireElement('forget-api-key', HTMLButtonElement),
  sourcePicker: requireElement('source-picker', HTMLDetailsElement),
  sourcePickerSummary: requireElement('source-picker-summary', HTMLElement),
  sourcePickerOptions: requireElement('source-picker-options', HTMLFieldSetElement),
  tooltip: requireElement('tooltip', HTMLElement),
  announcer: requireElement('announcer', HTMLElement),
}

const apiKeys = createApiKeyStore(() => window.sessionStorage)

/** @type {WeakMap<Element, () => TooltipContent | null>} */
const tooltipContent = new WeakMap()
const tooltip = createTooltip(dom.tooltip, document.body, (anchor) => tooltipContent.get(anchor)?.() ?? null)

const sourcePanel = createSourcePanel(
  {
    panel: requireElement('source-panel', HTMLElement),
    backdrop: requireElement('backdrop', HTMLElement),
    heading: requireElement('source-heading', HTMLElement),
    documentTitle: requireElement('source-document-title', HTMLElement),
    location: requireElement('source-location', HTMLElement),
    status: requireElement('source-status', HTMLElement),
    scroller: requireElement('source-scroll', HTMLElement),
    text: requireElement('source-text', HTMLElement),
    closeButton: requireElement('source-close', HTMLElement),
    background: [dom.topbar, dom.chat],
  },
  {
    loadDocument: (docId) => callApi((apiKey) => fetchDocument(docId, { apiKey })),
    overlayQuery: window.matchMedia('(max-width: 899px)'),
    createLoadFailureView: (error, retry) => {
      if (!(error instanceof ApiError) || error.kind !== 'unauthorized') return null
      return createApiKeyForm({
        rejected: error.apiKeyRejected,
        serverMessage: error.message,
        onSave: (key) => {
          saveApiKey(key)
          retry()
        },
      }).element
    },
  },
)

// The source guide: open before the first question on wide screens, and on demand from the top bar.
const guidePanel = createGuidePanel(
  {
    panel: requireElement('guide-panel', HTMLElement),
    body: requireElement('guide-body', HTMLElement),
    title: requireElement('guide-title', HTMLElement),
    closeButton: requireElement('guide-close', HTMLElement),
    toggleButton: requireElement('open-guide', HTMLElement),
  },
  {
    loadDocuments: () => callApi((apiKey) => fetchDocumentList({ apiKey })),
    loadGuide: (docId) => callApi((apiKey) => fetchGuide(docId, { apiKey })),
    openSource: (request) => sourcePanel.open(request),
    ask: (question) => sendQuestion(question),
  },
)

/** @type {HistoryMessage[]} */
let history = []
/** @type {AbortController | null} */
let activeRequest = null
// Bumped by "new chat" so that a turn finishing late cannot write into the new conversation.
let conversationNumber = 0
// The starter questions failed for want of a key; they are fetched again once one is saved.
let suggestionsAwaitKey = false
/** The indexed documents by id: their titles label citations, and two or more get a source picker. */
let documentSummaries = /** @type {Map<string, DocumentSummary>} */ (new Map())
let documentsAwaitKey = false

/**
 * Runs one API call with the stored key. A key the server rejects is forgotten, so that it is not
 * sent again and the key form asks for a new one.
 * @template T
 * @param {(apiKey: string | null) => Promise<T>} call
 * @returns {Promise<T>}
 */
async function callApi(call) {
  const apiKey = apiKeys.read()
  try {
    return await call(apiKey)
  } catch (error) {
    if (apiKey !== null && error instanceof ApiError && error.kind === 'unauthorized' && apiKeys.read() === apiKey) {
      apiKeys.forget()
      updateForgetKeyButton()
    }
    throw error
  }
}

/** @param {string} key */
function saveApiKey(key) {
  apiKeys.save(key)
  updateForgetKeyButton()
  if (suggestionsAwaitKey) void showSuggestions()
  if (documentsAwaitKey) void loadDocuments()
}

function updateForgetKeyButton() {
  dom.forgetApiKey.hidden = apiKeys.read() === null
}

function forgetApiKey() {
  apiKeys.forget()
  updateForgetKeyButton()
  // The button just hid itself; focus must not fall back to the document.
  dom.input.focus()
  announce('نُسي مفتاح الواجهة البرمجية، وسيُطلب عند الطلب التالي.')
}

/**
 * @param {keyof HTMLElementTagNameMap} tag
 * @param {string} className
 * @param {string} [text]
 * @returns {HTMLElement}
 */
function createElement(tag, className, text) {
  const element = document.createElement(tag)
  if (className) element.className = className
  if (text !== undefined) element.textContent = text
  return element
}

/** @param {string} message */
function announce(message) {
  dom.announcer.textContent = ''
  // A fresh text node after a tick makes screen readers repeat an identical message.
  setTimeout(() => {
    dom.announcer.textContent = message
  }, 50)
}

function isPinnedToBottom() {
  const { scrollHeight, scrollTop, clientHeight } = dom.log
  return scrollHeight - scrollTop - clientHeight < PINNED_TO_BOTTOM_PX
}

function scrollToBottom() {
  dom.log.scrollTop = dom.log.scrollHeight
}

/** @param {() => void} change */
function keepPinned(change) {
  const pinned = isPinnedToBottom()
  change()
  if (pinned) scrollToBottom()
}

/** How many characters the question is over the limit (0 or less when it fits). */
function questionExcess() {
  return dom.input.value.trim().length - QUESTION_MAX_CHARACTERS
}

function updateSendState() {
  dom.send.disabled = activeRequest !== null || dom.input.value.trim() === '' || questionExcess() > 0
}

let wasTooLong = false

/**
 * Shows the character count near the limit and says so before sending when a question (a long paste,
 * say) is over it; the text is kept whole, never cut, so the user decides what to remove.
 */
function updateQuestionCount() {
  const length = dom.input.value.trim().length
  const tooLong = questionExcess() > 0
  dom.count.hidden = length < QUESTION_MAX_CHARACTERS * COUNT_SHOWN_FROM
  dom.count.classList.toggle('is-over', tooLong)
  dom.count.textContent = tooLong
    ? `عدد الأحرف ${length} والحد ${QUESTION_MAX_CHARACTERS}: السؤال أطول من المسموح، فاختصره قبل الإرسال.`
    : `عدد الأحرف ${length} من ${QUESTION_MAX_CHARACTERS}`
  if (tooLong) dom.input.setAttribute('aria-invalid', 'true')
  else dom.input.removeAttribute('aria-invalid')
  // Said once when the limit is crossed, not at every keystroke.
  if (tooLong && !wasTooLong) announce(dom.count.textContent)
  wasTooLong = tooLong
}

/** @param {boolean} busy */
function setBusy(busy) {
  dom.composer.classList.toggle('is-busy', busy)
  updateSendState()
}

/**
 * @param {HTMLElement} element
 * @param {() => TooltipContent | null} resolve
 */
function attachTooltip(element, resolve) {
  element.dataset.tooltip = ''
  tooltipContent.set(element, resolve)
}

/** @param {string} question */
function appendUserMessage(question) {
  const message = createElement('article', 'message message-user')
  message.dataset.testid = 'message-user'
  // The label sits outside the bubble so that `dir="auto"` sees only the user's own text.
  const bubble = createElement('div', 'bubble', question)
  bubble.dir = 'auto'
  message.append(createElement('span', 'sr-only', 'سؤالك:'), bubble)
  dom.messages.append(message)
}

/**
 * @param {AnswerView} view
 * @param {number} n
 * @param {HTMLElement} origin
 */
function openCitation(view, n, origin) {
  const citation = view.citations.get(n)
  if (!citation) return
  void sourcePanel.open({
    docId: citation.docId,
    start: citation.start,
    end: citation.end,
    section: sectionOf(citation, view.passages),
    heading: `المصدر ${n}`,
    returnFocus: () => {
      // The final render replaces streamed markers, so the original button may be gone.
      const target = origin.isConnected
        ? origin
        : view.body.querySelector(`[data-testid="citation"][data-n="${n}"]`)
      if (target instanceof HTMLElement) target.focus()
      else dom.input.focus()
    },
  })
}

/**
 * @param {AnswerView} view
 * @param {number} n
 * @param {boolean} final
 * @returns {Node}
 */
function createMarker(view, n, final) {
  const citation = view.citations.get(n)
  if (final && !citation) return document.createTextNode(`[${n}]`)
  const button = /** @type {HTMLButtonElement} */ (createElement('button', 'citation', String(n)))
  button.type = 'button'
  button.dataset.testid = 'citation'
  button.dataset.n = String(n)
  if (citation) {
    button.dataset.docId = citation.docId
    button.dataset.start = String(citation.start)
    button.dataset.end = String(citation.end)
  }
  button.setAttribute('aria-label', `المصدر ${n}`)
  attachTooltip(button, () => {
    const known = view.citations.get(n)
    return known ? { heading: `المصدر ${n}`, text: `«${known.quote}»` } : null
  })
  button.addEventListener('click', () => openCitation(view, n, button))
  return button
}

/** @returns {AnswerView} */
function createAnswerView() {
  const root = createElement('article', 'message message-assistant')
  root.dataset.testid = 'message-answer'
  root.dataset.state = 'streaming'
  root.setAttribute('aria-busy', 'true')
  const avatar = createElement('span', 'avatar', 'س')
  avatar.setAttribute('aria-hidden', 'true')
  const card = createElement('div', 'answer-card')
  const progress = createElement('div', 'answer-progress')
  const dots = createElement('span', 'typing')
  dots.setAttribute('aria-hidden', 'true')
  dots.append(createElement('span', ''), createElement('span', ''), createElement('span', ''))
  const progressLabel = createElement('span', 'answer-progress-label', 'جارٍ البحث في المقال…')
  progress.append(dots, progressLabel)
  const body = createElement('div', 'answer-body')
  body.setAttribute('aria-live', 'polite')
  body.setAttribute('aria-busy', 'true')
  card.append(createElement('span', 'sr-only', 'إجابة سند:'), progress, body)
  root.append(avatar, card)
  /** @type {AnswerView} */
  const view = {
    root, card, body, progress, progressLabel, citations: new Map(), passages: [], receivedText: false,
    renderer: createAnswerTextRenderer(body, (n) => createMarker(view, n, false)),
  }
  return view
}

/**
 * @param {AnswerView} view
 * @param {ChatProgress} progress
 */
function applyProgress(view, progress) {
  if (progress.type === 'passages') {
    view.passages = progress.passages
    view.progressLabel.textContent = progress.passages.length > 0
      ? 'وجدتُ مقاطع ذات صلة، جارٍ صياغة الإجابة…'
      : 'جارٍ صياغة الإجابة…'
  } else if (progress.type === 'citation') {
    view.citations.set(progress.citation.n, progress.citation)
    for (const button of view.body.querySelectorAll(`[data-testid="citation"][data-n="${progress.citation.n}"]`)) {
      if (button instanceof HTMLElement) {
        button.dataset.docId = progress.citation.docId
        button.dataset.start = String(progress.citation.start)
        button.dataset.end = String(progress.citation.end)
      }
    }
  } else {
    keepPinned(() => {
      if (!view.receivedText) {
        view.receivedText = true
        view.progress.hidden = true
      }
      view.renderer.append(progress.delta)
    })
  }
}

/**
 * @param {AnswerView} view
 * @param {AskResponse} response
 */
function completeAnswerView(view, response) {
  view.citations = new Map(response.citations.map((citation) => [citation.n, citation]))
  view.passages = response.passages
  const focused = document.activeElement
  const focusedMarker = focused instanceof HTMLElement && view.body.contains(focused) ? focused.dataset.n : undefined
  if (focusedMarker) tooltip.hide()

  // The final answer is authoritative: it may differ from the stream (e.g. dropped invalid markers).
  view.body.replaceChildren()
  const renderer = createAnswerTextRenderer(view.body, (n) => createMarker(view, n, true))
  renderer.append(response.answer)
  renderer.finish()
  view.progress.remove()

  if (response.answered) {
    if (response.citations.length > 0) view.card.append(createSourcesList(view, response.citations))
  } else {
    view.root.classList.add('is-refusal')
    const refusal = createElement('div', 'refusal')
    refusal.dataset.testid = 'refusal'
    refusal.dataset.reason = response.refusalReason ?? ''
    const header = createElement('p', 'refusal-title')
    header.dataset.testid = 'refusal-title'
    const { title, icon } = describeRefusal(response)
    header.append(createIcon(icon), createElement('span', '', title))
    refusal.dir = 'auto'
    refusal.append(header, view.body)
    view.card.append(refusal)
    if (response.related.length > 0) view.card.append(createRelatedList(response.related))
  }
  view.card.append(createAnswerActions(response))

  view.root.dataset.state = 'done'
  view.root.removeAttribute('aria-busy')
  view.body.setAttribute('aria-busy', 'false')
  if (focusedMarker) {
    const marker = view.body.querySelector(`[data-testid="citation"][data-n="${focusedMarker}"]`)
    if (marker instanceof HTMLElement) marker.focus()
  }
}

// What each refusal is, as its card's title: a refused instruction is not a missing answer.
const REFUSAL_TITLES = {
  ar: {
    'not-in-sources': 'لم أجد الإجابة في المقال',
    'missing-detail': 'لا يذكر المقال هذا التفصيل',
    'no-question': 'لم أجد سؤالًا عن المقال',
    injection: 'رفضتُ تعليمات في رسالتك',
    'unsupported-language': 'لغة السؤال غير مدعومة',
  },
  en: {
    'not-in-sources': 'Not in the article',
    'missing-detail': 'The article does not say',
    'no-question': 'No question about the article',
    injection: 'Instruction refused',
    'unsupported-language': 'Language not supported',
  },
}

/**
 * The title and icon of a refusal, in the answer's language (English for any language but Arabic, so a
 * refusal in French or English does not open in Arabic).
 * @param {AskResponse} response
 * @returns {{ title: string, icon: import('./create-icon.js').IconName }}
 */
function describeRefusal(response) {
  const titles = response.language === 'ar' ? REFUSAL_TITLES.ar : REFUSAL_TITLES.en
  const reason = /** @type {keyof typeof titles} */ (response.refusalReason ?? 'not-in-sources')
  const icon = reason === 'injection' ? 'shieldAlert' : reason === 'unsupported-language' ? 'alert' : 'notFound'
  return { title: titles[reason] ?? titles['not-in-sources'], icon }
}

/**
 * @param {AnswerView} view
 * @param {Citation[]} citations
 * @returns {HTMLElement}
 */
function createSourcesList(view, citations) {
  const section = createElement('section', 'answer-sources')
  const title = createElement('h3', 'answer-sources-title', 'المصادر')
  const list = createElement('ol', 'answer-source-list')
  for (const citation of [...citations].sort((left, right) => left.n - right.n)) {
    const item = createElement('li', '')
    const button = /** @type {HTMLButtonElement} */ (createElement('button', 'source-item'))
    button.type = 'button'
    button.dataset.testid = 'source-item'
    button.dataset.n = String(citation.n)
    const number = createElement('span', 'source-item-number', String(citation.n))
    number.setAttribute('aria-hidden', 'true')
    const quote = createElement('span', 'source-item-quote', citation.quote)
    quote.dir = 'auto'
    // Where the quote is, in words; the character offsets stay in the source panel and this tooltip.
    const location = createElement('span', 'source-item-location', describePlace(citation, view.passages))
    location.dataset.testid = 'source-item-location'
    location.dir = 'auto'
    location.title = `${citation.docId}: ${citation.start}–${citation.end}`
    button.append(createElement('span', 'sr-only', `المصدر ${citation.n}: `), number, quote, location)
    button.addEventListener('click', () => openCitation(view, citation.n, button))
    item.append(button)
    list.append(item)
  }
  section.append(title, list)
  return section
}

/**
 * The section of the retrieved passage that holds a citation, if it has one.
 * @param {Citation} citation
 * @param {Passage[]} passages
 * @returns {string | null}
 */
function sectionOf(citation, passages) {
  const holder = passages.find((passage) =>
    passage.docId === citation.docId && passage.start <= citation.start && citation.end <= passage.end && passage.section)
  return holder?.section ?? null
}

/**
 * "Document title · section" for a citation (the id stands in for the title until the list has loaded).
 * @param {Citation} citation
 * @param {Passage[]} passages
 * @returns {string}
 */
function describePlace(citation, passages) {
  const title = documentSummaries.get(citation.docId)?.title ?? citation.docId
  const section = sectionOf(citation, passages)
  return section && section !== title ? `${title} · ${section}` : title
}

/**
 * @param {Passage[]} passages
 * @returns {HTMLElement}
 */
function createRelatedList(passages) {
  const section = createElement('section', 'related')
  section.append(createElement('h3', 'related-title', 'مقاطع من المقال قد تفيدك'))
  const list = createElement('ul', 'related-list')
  for (const passage of passages) {
    const item = createElement('li', 'related-item')
    item.dataset.testid = 'related-passage'
    if (passage.section) item.append(createElement('p', 'related-section', passage.section))
    const text = createElement('p', 'related-text', passage.text)
    text.dir = 'auto'
    const button = /** @type {HTMLButtonElement} */ (createElement('button', 'link-button', 'اعرضه في المقال'))
    button.type = 'button'
    button.addEventListener('click', () => {
      void sourcePanel.open({
        docId: passage.docId, start: passage.start, end: passage.end, section: passage.section, heading: 'مقطع ذو صلة',
        returnFocus: () => (button.isConnected ? button : dom.input).focus(),
      })
    })
    item.append(text, button)
    list.append(item)
  }
  section.append(list)
  return section
}

/**
 * @param {AskResponse} response
 * @returns {HTMLElement}
 */
function createAnswerActions(response) {
  const actions = createElement('div', 'answer-actions')
  if (response.answered) {
    const percent = Math.round(response.grounding.score * 100)
    const level = !response.grounding.supported || percent < 50 ? 'weak' : percent < 80 ? 'fair' : 'strong'
    const badge = /** @type {HTMLButtonElement} */ (createElement('button', `grounding-badge is-${level}`))
    badge.type = 'button'
    badge.dataset.testid = 'grounding-badge'
    badge.setAttribute('aria-label', `درجة الاستناد إلى المقال ${percent}%`)
    badge.append(createIcon(level === 'weak' ? 'shieldAlert' : 'shield'), createElement('span', '', `الاستناد ${percent}%`))
    attachTooltip(badge, () => ({ heading: 'مدى استناد الإجابة إلى المقال', text: response.grounding.explanation }))
    actions.append(badge)
  }
  const copy = /** @type {HTMLButtonElement} */ (createElement('button', 'button button-small button-quiet'))
  copy.type = 'button'
  copy.dataset.testid = 'copy-answer'
  const copyLabel = createElement('span', '', 'نسخ')
  copy.append(createIcon('copy'), copyLabel)
  copy.setAttribute('aria-label', 'نسخ الإجابة مع مصادرها')
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let resetTimer
  copy.addEventListener('click', async () => {
    const copied = await copyText(formatAnswerForClipboard(response))
    copyLabel.textContent = copied ? 'نُسخت' : 'تعذّر النسخ'
    copy.classList.toggle('is-done', copied)
    announce(copied ? 'نُسخت الإجابة مع مصادرها.' : 'تعذّر النسخ إلى الحافظة.')
    clearTimeout(resetTimer)
    resetTimer = setTimeout(() => {
      copyLabel.textContent = 'نسخ'
      copy.classList.remove('is-done')
    }, COPIED_FEEDBACK_MS)
  })
  actions.append(copy)
  return actions
}

/**
 * Writes to the clipboard, falling back to a selected textarea where the async API is refused.
 * @param {string} text
 * @returns {Promise<boolean>}
 */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.className = 'clipboard-fallback'
    area.setAttribute('readonly', '')
    document.body.append(area)
    area.select()
    const copied = document.execCommand('copy')
    area.remove()
    return copied
  }
}

/**
 * @param {ApiError} error
 * @returns {{ title: string, detail: string }}
 */
function describeError(error) {
  if (error.kind === 'network') {
    return { title: 'تعذّر الاتصال بالخادم', detail: 'تحقّق من أن خادم سند يعمل ومن اتصالك، ثم أعد المحاولة.' }
  }
  if (error.kind === 'rate_limited') {
    return { title: 'طلبات كثيرة في وقت قصير', detail: retryAdvice(error.retryAfterSeconds) }
  }
  if (error.kind === 'invalid_request') {
    return { title: 'لم يُقبل السؤال', detail: error.message }
  }
  return { title: 'حدث خطأ أثناء تحضير الإجابة', detail: error.code ? `${error.message} (${error.code})` : error.message }
}

/** @param {number | null} seconds */
function retryAdvice(seconds) {
  if (seconds === null) return 'انتظر قليلًا ثم أعد المحاولة.'
  if (seconds <= 0) return 'يمكنك إعادة المحاولة الآن.'
  return `يمكنك إعادة المحاولة بعد ${formatSeconds(seconds)}.`
}

/**
 * Arabic counted nouns change form with the number (dual, 3–10 plural, 11+ singular).
 * @param {number} seconds
 */
function formatSeconds(seconds) {
  if (seconds === 1) return 'ثانية واحدة'
  if (seconds === 2) return 'ثانيتين'
  if (seconds <= 10) return `${seconds} ثوانٍ`
  return `${seconds} ثانية`
}

/**
 * The error view of a 401: in place of the message and retry button, a form that asks for the key
 * and retries with it.
 * @param {ApiError} error
 * @param {() => void} onRetry
 * @returns {{ root: HTMLElement, focus: () => void }}
 */
function createApiKeyView(error, onRetry) {
  const root = createElement('div', 'message message-key')
  root.dataset.testid = 'error'
  root.dataset.kind = error.kind
  const form = createApiKeyForm({
    rejected: error.apiKeyRejected,
    serverMessage: error.message,
    onSave: (key) => {
      saveApiKey(key)
      onRetry()
    },
  })
  root.append(createIcon('key'), form.element)
  return { root, focus: form.focus }
}

/**
 * @param {ApiError} error
 * @param {() => void} onRetry
 * @returns {HTMLElement}
 */
function createErrorView(error, onRetry) {
  const { title, detail } = describeError(error)
  const root = createElement('div', 'message message-error')
  root.dataset.testid = 'error'
  root.dataset.kind = error.kind
  root.setAttribute('role', 'alert')
  const icon = createIcon('alert')
  const content = createElement('div', 'error-content')
  const detailElement = createElement('p', 'error-detail', detail)
  detailElement.dir = 'auto'
  const retry = /** @type {HTMLButtonElement} */ (createElement('button', 'button button-small'))
  retry.type = 'button'
  retry.dataset.testid = 'retry'
  retry.append(createIcon('retry'), createElement('span', '', 'أعد المحاولة'))
  retry.addEventListener('click', onRetry)
  content.append(createElement('p', 'error-title', title), detailElement, retry)
  root.append(icon, content)

  if (error.kind === 'rate_limited' && error.retryAfterSeconds) {
    const readyAt = Date.now() + error.retryAfterSeconds * 1000
    const timer = setInterval(() => {
      if (!root.isConnected) return clearInterval(timer)
      const remaining = Math.max(0, Math.ceil((readyAt - Date.now()) / 1000))
      detailElement.textContent = retryAdvice(remaining)
      if (remaining === 0) clearInterval(timer)
    }, 1000)
  }
  return root
}

/** @returns {HistoryMessage[]} */
function historyForRequest() {
  return history.slice(-MAX_HISTORY_MESSAGES).map((message) => ({
    role: message.role,
    content: message.content.slice(0, MAX_HISTORY_CHARS),
  }))
}

/**
 * Runs one question/answer turn, rendering into `placeholder`'s position when retrying.
 * @param {string} question
 * @param {HTMLElement | null} placeholder
 */
async function runTurn(question, placeholder) {
  const turnConversation = conversationNumber
  const view = createAnswerView()
  keepPinned(() => {
    if (placeholder) placeholder.replaceWith(view.root)
    else dom.messages.append(view.root)
  })
  scrollToBottom()
  const controller = new AbortController()
  activeRequest = controller
  setBusy(true)
  try {
    const documents = chosenDocuments()
    const response = await callApi((apiKey) => streamChat(
      { question, history: historyForRequest(), ...(documents ? { documents } : {}) },
      { signal: controller.signal, onProgress: (progress) => applyProgress(view, progress), apiKey },
    ))
    if (turnConversation !== conversationNumber) return
    keepPinned(() => completeAnswerView(view, response))
    history.push({ role: 'user', content: question }, { role: 'assistant', content: response.answer })
    announce(response.answered ? 'اكتملت الإجابة.' : `${describeRefusal(response).title}.`)
  } catch (caught) {
    const error = /** @type {ApiError} */ (caught)
    if (error.kind === 'aborted' || turnConversation !== conversationNumber) return
    const retry = () => {
      void runTurn(question, errorView)
      dom.input.focus()
    }
    const keyView = error.kind === 'unauthorized' ? createApiKeyView(error, retry) : null
    const errorView = keyView?.root ?? createErrorView(error, retry)
    keepPinned(() => view.root.replaceWith(errorView))
    // The key is the one thing the user can do next, so the cursor goes there.
    keyView?.focus()
  } finally {
    if (activeRequest === controller) {
      activeRequest = null
      setBusy(false)
    }
  }
}

/** @param {string} question */
function sendQuestion(question) {
  const trimmed = question.trim()
  if (trimmed === '' || activeRequest) return
  if (trimmed.length > QUESTION_MAX_CHARACTERS) {
    announce(dom.count.textContent ?? '')
    return
  }
  dom.emptyState.hidden = true
  guidePanel.close()
  appendUserMessage(trimmed)
  dom.input.value = ''
  updateQuestionCount()
  updateSendState()
  void runTurn(trimmed, null)
}

function startNewChat() {
  conversationNumber += 1
  activeRequest?.abort()
  activeRequest = null
  history = []
  sourcePanel.close()
  tooltip.hide()
  dom.messages.replaceChildren(dom.emptyState)
  dom.emptyState.hidden = false
  dom.input.value = ''
  updateQuestionCount()
  setBusy(false)
  dom.input.focus()
  announce('بدأت محادثة جديدة.')
}

async function showSuggestions() {
  /** @type {import('./api.js').Suggestion[]} */
  let suggestions
  try {
    suggestions = await callApi((apiKey) => fetchSuggestions({ apiKey }))
  } catch (error) {
    // Starter questions are optional, so a failure stays silent; a missing key is asked for on the first question.
    suggestionsAwaitKey = error instanceof ApiError && error.kind === 'unauthorized'
    return
  }
  suggestionsAwaitKey = false
  dom.suggestions.replaceChildren(
    ...suggestions.slice(0, 4).map((suggestion) => {
      const item = createElement('li', '')
      const button = /** @type {HTMLButtonElement} */ (createElement('button', 'suggestion'))
      button.type = 'button'
      button.dataset.testid = 'suggestion'
      const question = createElement('span', 'suggestion-question', suggestion.question)
      question.dir = 'auto'
      button.append(question)
      if (suggestion.section) button.append(createElement('span', 'suggestion-section', suggestion.section))
      button.addEventListener('click', () => {
        sendQuestion(suggestion.question)
        dom.input.focus()
      })
      item.append(button)
      return item
    }),
  )
  dom.suggestionsBlock.hidden = suggestions.length === 0
}

async function loadDocuments() {
  try {
    documentSummaries = new Map((await callApi((apiKey) => fetchDocumentList({ apiKey }))).map((summary) => [summary.id, summary]))
  } catch (error) {
    // Titles and the picker are extras: without the list, citations show document ids and all documents are searched.
    documentsAwaitKey = error instanceof ApiError && error.kind === 'unauthorized'
    return
  }
  documentsAwaitKey = false
  renderSourcePicker()
}

/** Shows a checkbox per document when there are two or more, all checked. */
function renderSourcePicker() {
  const summaries = [...documentSummaries.values()]
  dom.sourcePicker.hidden = summaries.length < 2
  const legend = dom.sourcePickerOptions.querySelector('legend')
  dom.sourcePickerOptions.replaceChildren(...(legend ? [legend] : []), ...summaries.map((summary) => {
    const option = createElement('label', 'source-option')
    const box = document.createElement('input')
    box.type = 'checkbox'
    box.value = summary.id
    box.checked = true
    box.dataset.testid = 'source-option'
    box.addEventListener('change', updateSourcePicker)
    const title = createElement('span', '', summary.title)
    title.dir = 'auto'
    option.append(box, title)
    return option
  }))
  updateSourcePicker()
}

/** @returns {HTMLInputElement[]} */
function sourceBoxes() {
  return [...dom.sourcePickerOptions.querySelectorAll('input[type="checkbox"]')].filter((box) => box instanceof HTMLInputElement)
}

/** Sums the choice up in the picker's button, and keeps the last chosen document from being unchecked. */
function updateSourcePicker() {
  const boxes = sourceBoxes()
  const chosen = boxes.filter((box) => box.checked)
  for (const box of boxes) box.disabled = box.checked && chosen.length === 1
  const only = chosen.length === 1 ? documentSummaries.get(chosen[0]?.value ?? '') : undefined
  dom.sourcePickerSummary.textContent = chosen.length === boxes.length
    ? `المصادر: كلها (${boxes.length})`
    : only ? `المصدر: ${only.title}` : `المصادر: ${chosen.length} من ${boxes.length}`
}

/**
 * The ids to send as `documents`, or undefined when every document is chosen (or there is no picker),
 * so that the server searches them all.
 * @returns {string[] | undefined}
 */
function chosenDocuments() {
  const boxes = sourceBoxes()
  if (dom.sourcePicker.hidden || boxes.every((box) => box.checked)) return undefined
  return boxes.filter((box) => box.checked).map((box) => box.value)
}

dom.composer.addEventListener('submit', (event) => {
  event.preventDefault()
  sendQuestion(dom.input.value)
})
dom.input.addEventListener('keydown', (event) => {
  // isComposing: Enter that confirms an IME candidate must not send a half-typed question.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault()
    sendQuestion(dom.input.value)
  }
})
dom.input.addEventListener('input', () => {
  updateQuestionCount()
  updateSendState()
})
dom.newChat.addEventListener('click', startNewChat)
dom.forgetApiKey.addEventListener('click', forgetApiKey)

updateSendState()
updateForgetKeyButton()
void loadDocuments()
void showSuggestions()
if (!window.matchMedia('(max-width: 899px)').matches) void guidePanel.open().then(() => dom.input.focus({ preventScroll: true }))
