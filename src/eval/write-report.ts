import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SanadError } from '../errors/sanad-error.js'
import { EvalReportSchema, type EvalReport } from './eval-report-schemas.js'
import { renderReportHtml } from './render-report-html.js'

/** Writes report.json and report.html into a folder (created if missing) and returns their paths. */
export async function writeReport(report: EvalReport, directory: string): Promise<{ json: string; html: string }> {
  await mkdir(directory, { recursive: true })
  const json = join(directory, 'report.json')
  const html = join(directory, 'report.html')
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`)
  await writeFile(html, renderReportHtml(report))
  return { json, html }
}

/** Reads and validates a report.json written by an earlier run, for --compare. */
export async function readReport(path: string): Promise<EvalReport> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (cause) {
    throw new SanadError('invalid_request', `cannot read the report ${path}`, { cause })
  }
  const parsed = EvalReportSchema.safeParse(json)
  if (!parsed.success) throw new SanadError('invalid_request', `${path} is not a sanad report.json`)
  return parsed.data
}
