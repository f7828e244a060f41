import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { composeSanadOver } from '../compose-sanad.js'
import type { Config } from '../config/load-config.js'
import { BROAD_HELDOUT_DOCUMENTS, loadBroadQuestions } from './broad-questions.js'
import { evaluateBroadQuestions, type BroadFigures, type BroadReport } from './evaluate-broad-questions.js'
import { fitBroadSettings } from './fit-broad-settings.js'
import { buildCollection, loadMultiSources } from './training-sets.js'

/** The articles of the broad-question set besides the seed article. */
export const BROAD_ARTICLES = ['economy', 'culture', 'politics', 'science', ...BROAD_HELDOUT_DOCUMENTS]

/** Where `--fit` writes the fitted settings. */
export const BROAD_SETTINGS_PATH = new URL('../../data/broad-settings.json', import.meta.url)

/**
 * `npm run eval -- --broad`: builds the seed article and the six articles into one collection, asks
 * every broad question of its own article, and reports point recall and citation precision per kind,
 * development and held-out apart (eval-out/broad.json). With `fit`, first fits the list settings on
 * the development part and writes data/broad-settings.json (then rerun to evaluate with them).
 */
export async function runBroadEvaluation(config: Config, options: { fit: boolean; out: string; log: (line: string) => void }): Promise<BroadReport> {
  const sources = await loadMultiSources(BROAD_ARTICLES)
  const collection = await buildCollection(sources, config)
  const questions = await loadBroadQuestions()
  if (options.fit) {
    const settings = fitBroadSettings(questions, collection.index, collection.retriever, sources.map((source) => source.sha256).join(''))
    await writeFile(BROAD_SETTINGS_PATH, `${JSON.stringify(settings, null, 2)}\n`)
    options.log(`fitted list settings ${JSON.stringify(settings.list)} on ${settings.fittedOn.questions} development questions → data/broad-settings.json`)
  }
  const { answerer } = await composeSanadOver(collection.index, config)
  const documents = new Map([...collection.index.documents].map(([id, document]) => [id, document.text]))
  const report = await evaluateBroadQuestions(questions, (request) => answerer.ask(request), documents)
  await mkdir(options.out, { recursive: true })
  await writeFile(join(options.out, 'broad.json'), `${JSON.stringify(report, null, 2)}\n`)
  options.log(renderBroadTable(report))
  options.log(`wrote ${join(options.out, 'broad.json')}`)
  return report
}

/** The figures as a plain-text table: one row per kind and part. */
export function renderBroadTable(report: BroadReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7)
  const row = (part: string, kind: string, figures: BroadFigures) =>
    `${part.padEnd(9)} ${kind.padEnd(12)} ${String(figures.questions).padStart(3)} ${percent(figures.pointRecall)} ${percent(figures.citationPrecision)} ${String(figures.refusals).padStart(8)} ${String(figures.inexactQuotes).padStart(7)}`
  const lines = [`${'part'.padEnd(9)} ${'kind'.padEnd(12)} ${'n'.padStart(3)} ${'recall'.padStart(7)} ${'precis.'.padStart(7)} ${'refusals'.padStart(8)} ${'inexact'.padStart(7)}`]
  for (const [part, figures] of [['dev', report.dev], ['held-out', report.heldOut]] as const) {
    for (const [kind, byKind] of Object.entries(figures.byKind)) lines.push(row(part, kind, byKind))
    lines.push(row(part, 'all', figures.all))
  }
  return lines.join('\n')
}
