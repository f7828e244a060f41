// @ts-check

/**
 * @typedef {import('./api.js').DocumentGuide} DocumentGuide
 * @typedef {import('./api.js').DocumentSummary} DocumentSummary
 * @typedef {{ start: number, end: number, quote: string }} GuideQuote
 * @typedef {{ docId: string, start: number, end: number, heading: string, returnFocus: () => void }} SourceRequest
 * @typedef {{ panel: HTMLElement, body: HTMLElement, title: HTMLElement, closeButton: HTMLElement, toggleButton: HTMLElement }} GuidePanelElements
 */

const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر']
const ENTITY_GROUPS = /** @type {const} */ ([['person', 'الأشخاص'], ['place', 'الأماكن'], ['organisation', 'المؤسسات']])

/**
 * Controls the source guide panel: for one document, its summary, key points by section, timeline,
 * people, places and organisations, and suggested questions (GET /api/documents/:docId/guide). Every
 * item opens the source panel with its span highlighted; while the source is shown the guide steps
 * aside, and it comes back when the source is closed. A suggested question is asked in the chat.
 * @param {GuidePanelElements} elements
 * @param {{
 *   loadDocuments: () => Promise<DocumentSummary[]>,
 *   loadGuide: (docId: string) => Promise<DocumentGuide>,
 *   openSource: (request: SourceRequest) => Promise<void>,
 *   ask: (question: string) => void,
 * }} dependencies
 * @returns {{ open: () => Promise<void>, close: () => void, isOpen: () => boolean }}
 */
export function createGuidePanel(elements, { loadDocuments, loadGuide, openSource, ask }) {
  const { panel, body, title, closeButton, toggleButton } = elements
  /** @type {Map<string, Promise<DocumentGuide>>} */
  const guides = new Map()
  /** @type {string | null} */
  let currentDocId = null
  let openCount = 0

  /** @param {string} docId */
  function getGuide(docId) {
    let pending = guides.get(docId)
    if (!pending) {
      pending = loadGuide(docId)
      guides.set(docId, pending)
      pending.catch(() => guides.delete(docId))
    }
    return pending
  }

  /**
   * @param {keyof HTMLElementTagNameMap} tag
   * @param {string} className
   * @param {string} [text]
   */
  function element(tag, className, text) {
    const created = document.createElement(tag)
    if (className) created.className = className
    if (text !== undefined) created.textContent = text
    return created
  }

  /** @param {boolean} expanded */
  function setExpanded(expanded) {
    toggleButton.setAttribute('aria-expanded', String(expanded))
    document.body.classList.toggle('has-guide-panel', expanded)
  }

  /**
   * A button that shows its quote and opens it in the source panel.
   * @param {string} docId
   * @param {GuideQuote} span
   * @param {string} heading
   * @param {string} testId
   * @param {HTMLElement} [label]
   */
  function createSpanButton(docId, span, heading, testId, label) {
    const button = /** @type {HTMLButtonElement} */ (element('button', 'guide-item'))
    button.type = 'button'
    button.dataset.testid = testId
    button.dataset.start = String(span.start)
    button.dataset.end = String(span.end)
    if (label) button.append(label)
    const quote = element('span', 'guide-quote', span.quote)
    quote.dir = 'auto'
    button.append(quote)
    button.addEventListener('click', () => {
      panel.hidden = true
      setExpanded(false)
      void openSource({
        docId, start: span.start, end: span.end, heading,
        returnFocus: () => {
          panel.hidden = false
          setExpanded(true)
          if (button.isConnected) button.focus()
        },
      })
    })
    return button
  }

  /**
   * @param {string} heading
   * @param {HTMLElement[]} items
   */
  function createSection(heading, items) {
    const section = element('section', 'guide-section')
    section.append(element('h3', 'guide-section-title', heading))
    const list = element('ul', 'guide-list')
    for (const item of items) {
      const entry = element('li', '')
      entry.append(item)
      list.append(entry)
    }
    section.append(list)
    return section
  }

  /** @param {DocumentGuide['timeline'][number]} event */
  function formatDate(event) {
    if (event.placement === 'relative' || event.year === null) return `${event.dateText} (تاريخ نسبي)`
    const parts = [event.day, event.month === null ? null : MONTHS[event.month - 1], event.year].filter((part) => part !== null)
    return `${event.placement === 'inferred' ? '≈ ' : ''}${parts.join(' ')}`
  }

  /** @param {DocumentGuide} guide */
  function render(guide) {
    title.textContent = guide.title
    const { docId } = guide
    const sections = [
      createSection('الملخص', guide.summary.map((span) => createSpanButton(docId, span, 'من الملخص', 'guide-summary-item'))),
    ]
    const points = element('section', 'guide-section')
    points.append(element('h3', 'guide-section-title', 'أبرز النقاط حسب الأقسام'))
    for (const part of guide.sections) {
      points.append(element('h4', 'guide-subtitle', part.heading ?? 'المقدمة'))
      const list = element('ul', 'guide-list')
      for (const span of part.points) {
        const entry = element('li', '')
        entry.append(createSpanButton(docId, span, part.heading ?? 'المقدمة', 'guide-point'))
        list.append(entry)
      }
      points.append(list)
    }
    sections.push(points)
    if (guide.timeline.length > 0) {
      sections.push(createSection('التسلسل الزمني', guide.timeline.map((event) => {
        const date = element('span', 'guide-date', formatDate(event))
        date.dataset.placement = event.placement
        return createSpanButton(docId, event, `حدث: ${event.dateText}`, 'guide-timeline-item', date)
      })))
    }
    for (const [kind, heading] of ENTITY_GROUPS) {
      const entities = guide.entities.filter((entity) => entity.kind === kind)
      if (entities.length === 0) continue
      sections.push(createSection(heading, entities.map((entity) => {
        const row = element('div', 'guide-entity')
        row.append(element('span', 'guide-entity-name', entity.name))
        const mentions = element('span', 'guide-mentions')
        entity.mentions.forEach((mention, position) => {
          const button = createSpanButton(docId, mention, entity.name, 'guide-mention')
          button.classList.add('guide-mention')
          button.replaceChildren(String(position + 1))
          button.setAttribute('aria-label', `الذكر ${position + 1} لـ${entity.name}: ${mention.quote}`)
          mentions.append(button)
        })
        row.append(mentions)
        return row
      })))
    }
    if (guide.suggestedQuestions.length > 0) {
      sections.push(createSection('أسئلة مقترحة', guide.suggestedQuestions.map(({ question }) => {
        const button = /** @type {HTMLButtonElement} */ (element('button', 'guide-question', question))
        button.type = 'button'
        button.dir = 'auto'
        button.dataset.testid = 'guide-question'
        button.addEventListener('click', () => ask(question))
        return button
      })))
    }
    body.replaceChildren(...sections)
  }

  async function open() {
    const requestNumber = ++openCount
    panel.hidden = false
    setExpanded(true)
    panel.focus({ preventScroll: true })
    if (currentDocId === null) body.replaceChildren(element('p', 'guide-status', 'جارٍ تحميل دليل المقال…'))
    try {
      if (currentDocId === null) currentDocId = (await loadDocuments())[0]?.id ?? null
      if (currentDocId === null) {
        body.replaceChildren(element('p', 'guide-status', 'لا توجد مقالات مفهرسة.'))
        return
      }
      const guide = await getGuide(currentDocId)
      if (requestNumber === openCount) render(guide)
    } catch {
      if (requestNumber === openCount) body.replaceChildren(element('p', 'guide-status', 'تعذّر تحميل دليل المقال. أغلق اللوحة وحاول مرة أخرى.'))
    }
  }

  function close() {
    openCount += 1
    panel.hidden = true
    setExpanded(false)
  }

  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
      toggleButton.focus()
    }
  })
  closeButton.addEventListener('click', () => {
    close()
    toggleButton.focus()
  })
  toggleButton.addEventListener('click', () => (panel.hidden ? void open() : close()))

  return { open, close, isOpen: () => !panel.hidden }
}
