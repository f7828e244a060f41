import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/eval/compute-metrics.js'
import type { EvalReport } from '../../src/eval/eval-report-schemas.js'
import { renderReportHtml } from '../../src/eval/render-report-html.js'
import { EVAL_DOCUMENTS, EVAL_RECORDS } from '../fixtures/eval-records.js'
import { launchBrowser } from '../support/launch-browser.js'

const report: EvalReport = {
  tool: 'sanad-eval',
  createdAt: '2024-01-01T00:00:00.000Z',
  target: 'fixture',
  topK: 3,
  scorer: { accuracy: 0.9, precision: 0.9, recall: 0.9, count: 200, dictionary: false },
  ...computeMetrics(EVAL_RECORDS, EVAL_DOCUMENTS),
}
const html = renderReportHtml(report)

describe('renderReportHtml', () => {
  it('should be self-contained: no script, no external stylesheet, image or font', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i)
    expect(html).toContain('<style>')
  })

  it('should list every failure with its question, answer and highlighted gold evidence', () => {
    for (const result of report.results.filter((item) => item.failures.length > 0)) {
      expect(html).toContain(`id="${result.id}"`)
    }
    expect(html).toContain('<mark class="gold">صادقت الحكومة المغربية على اتفاقية مع بلجيكا.</mark>')
    expect(html).toContain('missed-refusal')
  })

  it('should escape the text it shows', () => {
    const hostile = renderReportHtml({ ...report, target: '<img src=x onerror=alert(1)>' })
    expect(hostile).not.toContain('<img src=x')
    expect(hostile).toContain('&#60;img src=x')
  })
})

describe('report.html in headless Chromium', () => {
  let browser: Browser
  let directory: string

  beforeAll(async () => {
    browser = await launchBrowser()
    directory = await mkdtemp(join(tmpdir(), 'sanad-report-'))
    await writeFile(join(directory, 'report.html'), html)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await rm(directory, { recursive: true, force: true })
  })

  it('should render every chart by kind with visible bars', async () => {
    const page = await browser.newPage()
    await page.goto(pathToFileURL(join(directory, 'report.html')).toString())
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect()
        const bars = [...svg.querySelectorAll('rect.bar')].map((bar) => bar.getBoundingClientRect())
        return { metric: svg.getAttribute('data-metric'), width: box.width, height: box.height, bars: bars.map((bar) => bar.width * bar.height) }
      }),
    )
    expect(charts.map((chart) => chart.metric)).toEqual(expect.arrayContaining(['containsAnswer', 'hitAtK', 'citationRecall', 'refusalRecall', 'latency']))
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(0)
      expect(chart.height).toBeGreaterThan(0)
    }
    const accuracy = charts.find((chart) => chart.metric === 'containsAnswer')!
    expect(accuracy.bars.some((area) => area > 0)).toBe(true)
    expect(await page.locator('article.failure').count()).toBe(report.results.filter((item) => item.failures.length > 0).length)
    await page.close()
  }, 60_000)

  it('should show the whole metrics table on a 1366 px screen, with the widest kinds and values a run gives', async () => {
    // Kind names and magnitudes like those of the real question set: a long hyphenated kind, four-digit milliseconds.
    const wide = { ...report.metrics, count: 1080, errors: 12, latencyP50Ms: 1234, latencyP95Ms: 12345 }
    const kinds = ['english-unanswerable', 'spelling-variant', 'out-of-domain', 'paraphrase', 'follow-up', 'near-miss']
    const wideReport: EvalReport = { ...report, metrics: wide, byKind: Object.fromEntries(kinds.map((kind) => [kind, wide])) }
    await writeFile(join(directory, 'wide.html'), renderReportHtml(wideReport))
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    await page.goto(pathToFileURL(join(directory, 'wide.html')).toString())
    const table = page.locator('table[data-table="metrics"]')
    const fit = await table.evaluate((element) => {
      const box = element.getBoundingClientRect()
      const container = element.parentElement!
      return { overflow: container.scrollWidth - container.clientWidth, right: box.right, pageOverflow: document.documentElement.scrollWidth - window.innerWidth }
    })
    expect(fit.overflow).toBeLessThanOrEqual(0)
    expect(fit.right).toBeLessThanOrEqual(1366)
    expect(fit.pageOverflow).toBeLessThanOrEqual(0)
    expect(await table.locator('tr').first().locator('th').last().isVisible()).toBe(true)
    await page.close()
  }, 60_000)
})
