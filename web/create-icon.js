// @ts-check

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'

/** Path data for the few icons the UI uses (24×24, stroked). */
const ICON_PATHS = {
  copy: ['M9 9h10v10H9z', 'M5 15V5h10'],
  check: ['M5 12.5l4.5 4.5L19 7.5'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  shield: ['M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z', 'M9 12l2 2 4-4'],
  shieldAlert: ['M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z', 'M12 8v4', 'M12 15.5v.5'],
  notFound: ['M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14z', 'M20 20l-4-4', 'M8.5 8.5l5 5', 'M13.5 8.5l-5 5'],
  alert: ['M12 3L2 20h20z', 'M12 10v4', 'M12 17v.5'],
  retry: ['M4 12a8 8 0 1 0 2.3-5.6', 'M4 4v4h4'],
  document: ['M6 3h8l4 4v14H6z', 'M14 3v4h4', 'M9 12h6', 'M9 16h6'],
  key: ['M8 11a4 4 0 1 0 0 8 4 4 0 0 0 0-8z', 'M10.8 12.2L20 3', 'M16 7l3 3', 'M13.5 9.5l2 2'],
}

/** @typedef {keyof typeof ICON_PATHS} IconName */

/**
 * Builds a decorative stroked SVG icon (hidden from assistive technology).
 * @param {IconName} name
 * @returns {SVGSVGElement}
 */
export function createIcon(name) {
  const svg = document.createElementNS(SVG_NAMESPACE, 'svg')
  svg.setAttribute('viewBox', '0 0 24 24')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('focusable', 'false')
  svg.setAttribute('class', `icon icon-${name}`)
  for (const data of ICON_PATHS[name]) {
    const path = document.createElementNS(SVG_NAMESPACE, 'path')
    path.setAttribute('d', data)
    svg.append(path)
  }
  return svg
}
