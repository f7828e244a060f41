// @ts-check

const VIEWPORT_MARGIN = 8
const ANCHOR_GAP = 8
const HIDE_DELAY_MS = 120

/**
 * @typedef {{ heading?: string, text: string }} TooltipContent
 * @typedef {(anchor: Element) => TooltipContent | null} TooltipContentResolver
 */

/**
 * Wires one shared tooltip element to every anchor under `root` for which `resolveContent` returns
 * content. It opens on hover and keyboard focus, stays while hovered, closes on Escape, and is placed
 * with fixed positioning clamped to the viewport so it can never cause horizontal scrolling.
 * @param {HTMLElement} tooltip an element with an `id`, `role="tooltip"` and `hidden`
 * @param {HTMLElement} root
 * @param {TooltipContentResolver} resolveContent
 * @returns {{ hide: () => void, isVisible: () => boolean }}
 */
export function createTooltip(tooltip, root, resolveContent) {
  /** @type {Element | null} */
  let anchor = null
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let hideTimer

  /** @param {EventTarget | null} target */
  function findAnchor(target) {
    if (!(target instanceof Element)) return null
    const candidate = target.closest('[data-tooltip]')
    return candidate && root.contains(candidate) ? candidate : null
  }

  /** @param {Element} next */
  function show(next) {
    clearTimeout(hideTimer)
    const content = resolveContent(next)
    if (!content || content.text === '') return
    if (anchor && anchor !== next) anchor.removeAttribute('aria-describedby')
    anchor = next
    tooltip.replaceChildren()
    if (content.heading) {
      const heading = document.createElement('span')
      heading.className = 'tooltip-heading'
      heading.textContent = content.heading
      tooltip.append(heading)
    }
    const body = document.createElement('span')
    body.className = 'tooltip-text'
    body.dir = 'auto'
    body.textContent = content.text
    tooltip.append(body)
    tooltip.hidden = false
    anchor.setAttribute('aria-describedby', tooltip.id)
    place(anchor)
  }

  /** @param {Element} target */
  function place(target) {
    const rect = target.getBoundingClientRect()
    const width = tooltip.offsetWidth
    const height = tooltip.offsetHeight
    const centered = rect.left + rect.width / 2 - width / 2
    const left = Math.min(Math.max(VIEWPORT_MARGIN, centered), window.innerWidth - width - VIEWPORT_MARGIN)
    const above = rect.top - height - ANCHOR_GAP
    const top = above >= VIEWPORT_MARGIN ? above : rect.bottom + ANCHOR_GAP
    tooltip.style.left = `${Math.max(VIEWPORT_MARGIN, left)}px`
    tooltip.style.top = `${top}px`
  }

  function hide() {
    clearTimeout(hideTimer)
    if (anchor) anchor.removeAttribute('aria-describedby')
    anchor = null
    tooltip.hidden = true
  }

  function hideSoon() {
    clearTimeout(hideTimer)
    hideTimer = setTimeout(hide, HIDE_DELAY_MS)
  }

  root.addEventListener('pointerover', (event) => {
    const next = findAnchor(event.target)
    if (next) show(next)
  })
  root.addEventListener('pointerout', (event) => {
    if (anchor && findAnchor(event.target) === anchor && findAnchor(event.relatedTarget) !== anchor) hideSoon()
  })
  root.addEventListener('focusin', (event) => {
    const next = findAnchor(event.target)
    if (next) show(next)
  })
  root.addEventListener('focusout', (event) => {
    if (anchor && findAnchor(event.target) === anchor) hide()
  })
  tooltip.addEventListener('pointerenter', () => clearTimeout(hideTimer))
  tooltip.addEventListener('pointerleave', hideSoon)
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !tooltip.hidden) {
      hide()
      event.stopPropagation()
    }
  }, { capture: true })
  window.addEventListener('resize', hide)
  // Streaming auto-scroll moves anchors under a resting pointer; follow them rather than vanish.
  document.addEventListener('scroll', () => {
    if (anchor?.isConnected) place(anchor)
    else if (anchor) hide()
  }, { capture: true, passive: true })

  return { hide, isVisible: () => !tooltip.hidden }
}
