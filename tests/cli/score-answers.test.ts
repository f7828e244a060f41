import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigSchema } from '../../src/config/load-config.js'
import { EvalReportSchema } from '../../src/eval/eval-report-schemas.js'
import { PROJECT_DIRECTORY } from '../support/start-server.js'

const ANSWERS = join(PROJECT_DIRECTORY, 'tests', 'fixtures', 'eval-answers.jsonl')
let outDirectory: string

function scoreAnswers(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const environment: Record<string, string | undefined> = { ...process.env }
  for (const key of Object.keys(ConfigSchema.shape)) delete environment[key]
  environment.SOURCES_DIR = join(PROJECT_DIRECTORY, 'index', 'sources')
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/score-answers.ts', ...args], { cwd: PROJECT_DIRECTORY, env: environment, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

beforeAll(async () => {
  outDirectory = await mkdtemp(join(tmpdir(), 'sanad-grounding-'))
})

afterAll(async () => {
  await rm(outDirectory, { recursive: true, force: true })
})

describe('npm run grounding', () => {
  it('should score each answer, print the aggregate and write both reports', async () => {
    const { code, stdout, stderr } = await scoreAnswers([ANSWERS, '--out', outDirectory])
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/^cited-right\s.*supported$/m)
    expect(stdout).toMatch(/^cited-wrong-year\s.*unsupported the number 2012 differs from the source \(2011\)$/m)
    expect(stdout).toMatch(/^uncited\s.*supported$/m)
    expect(stdout).toMatch(/^invented\s.*unsupported citation \[1\] does not exist$/m)
    const report = EvalReportSchema.parse(JSON.parse(await readFile(join(outDirectory, 'report.json'), 'utf8')))
    expect(report.tool).toBe('sanad-grounding')
    expect(Object.keys(report.byKind).sort()).toEqual(['system-a', 'system-b'])
    expect(report.metrics.faithfulness).toBe(0.5)
    expect(report.results.find((result) => result.id === 'invented')!.failures).toEqual(['unsupported-sentence', 'citation-not-found', 'off-question'])
    expect(await readFile(join(outDirectory, 'report.html'), 'utf8')).toContain('sanad grounding report')
  }, 150_000)

  it('should read RAGAS samples and ALCE result files and write per-record and aggregate results', async () => {
    const ragas = await scoreAnswers([join(PROJECT_DIRECTORY, 'docs', 'examples', 'ragas-samples.jsonl'), '--out', join(outDirectory, 'ragas')])
    expect(ragas.code, ragas.stderr).toBe(0)
    expect(ragas.stdout).toMatch(/^ragas-right\s+ragas\s.*supported$/m)
    expect(ragas.stdout).toMatch(/^ragas-wrong-count\s.*unsupported the number 3000 differs from the source \(خمسمئة\)$/m)
    expect(ragas.stdout).toMatch(/^ragas-off-question\s.*unsupported the cited evidence does not cover .*البحري/m)
    const lines = (await readFile(join(outDirectory, 'ragas', 'results.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { id: string; format: string; supported: boolean; faithfulness: number })
    expect(lines.map((line) => [line.id, line.format, line.supported])).toEqual([['ragas-right', 'ragas', true], ['ragas-wrong-count', 'ragas', false], ['ragas-off-question', 'ragas', false]])
    const summary = JSON.parse(await readFile(join(outDirectory, 'ragas', 'summary.json'), 'utf8')) as { overall: { count: number; faithfulness: number }; byFormat: Record<string, unknown> }
    expect(summary.overall).toMatchObject({ count: 3, faithfulness: expect.closeTo(2 / 3, 3) })
    expect(Object.keys(summary.byFormat)).toEqual(['ragas'])

    const alce = await scoreAnswers([join(PROJECT_DIRECTORY, 'docs', 'examples', 'alce-result.json'), '--out', join(outDirectory, 'alce')])
    expect(alce.code, alce.stderr).toBe(0)
    const report = EvalReportSchema.parse(JSON.parse(await readFile(join(outDirectory, 'alce', 'report.json'), 'utf8')))
    expect(report.results.map((result) => [result.id, result.format, result.citationRecall])).toEqual([['alce-cited', 'alce', 1], ['alce-wrong-citation', 'alce', 0]])
    expect(await readFile(join(outDirectory, 'alce', 'report.html'), 'utf8')).toContain('alce-wrong-citation')
  }, 150_000)

  it('should exit 1 below a threshold and 2 on a malformed line', async () => {
    expect((await scoreAnswers([ANSWERS, '--out', outDirectory, '--min', 'faithfulness=0.9'])).code).toBe(1)
    const broken = join(outDirectory, 'broken.jsonl')
    await writeFile(broken, '{"question": "x"}\n')
    const { code, stderr } = await scoreAnswers([broken, '--out', outDirectory])
    expect(code).toBe(2)
    expect(stderr).toMatch(/broken\.jsonl:1: answer/)
  }, 150_000)
})
