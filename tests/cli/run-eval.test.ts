import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigSchema } from '../../src/config/load-config.js'
import { EvalReportSchema } from '../../src/eval/eval-report-schemas.js'
import { copyIndexDirectory } from '../support/load-test-index.js'
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js'
import { PROJECT_DIRECTORY, startServer, type StartedServer } from '../support/start-server.js'

const SUBSET = ['--id', 'q-factoid-01', '--id', 'q-factoid-03', '--id', 'q-out-of-domain-01', '--id', 'q-near-miss-01']
const REQUIRED = ['hitAtK', 'containsAnswer', 'citationRecall', 'citationPrecision', 'refusalRecall', 'falseRefusalRate'] as const

let indexDirectory: string
let outDirectory: string

function runEval(args: string[], extraEnvironment: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const environment: Record<string, string | undefined> = { ...process.env }
  for (const key of Object.keys(ConfigSchema.shape)) delete environment[key]
  Object.assign(environment, { INDEX_DIR: indexDirectory }, extraEnvironment)
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/run-eval.ts', ...args], { cwd: PROJECT_DIRECTORY, env: environment, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

beforeAll(async () => {
  indexDirectory = await copyIndexDirectory()
  outDirectory = await mkdtemp(join(tmpdir(), 'sanad-eval-'))
})

afterAll(async () => {
  await rm(indexDirectory, { recursive: true, force: true })
  await rm(outDirectory, { recursive: true, force: true })
})

describe('npm run eval', () => {
  it('should report broad questions per kind, the development and held-out parts apart', async () => {
    const out = join(outDirectory, 'broad')
    const { code, stdout, stderr } = await runEval(['--broad', '--out', out])
    expect(code, stderr).toBe(0)
    for (const kind of ['summary', 'main-points', 'speaker', 'list', 'timeline']) {
      expect(stdout).toMatch(new RegExp(`^dev\\s+${kind}\\s`, 'm'))
      expect(stdout).toMatch(new RegExp(`^held-out\\s+${kind}\\s`, 'm'))
    }
    const report = JSON.parse(await readFile(join(out, 'broad.json'), 'utf8'))
    expect(report.dev.all.questions + report.heldOut.all.questions).toBe(42)
    expect(report.outcomes).toHaveLength(42)
  })

  it('should run questions in process and write report.json and report.html', async () => {
    const out = join(outDirectory, 'first')
    const { code, stdout, stderr } = await runEval([...SUBSET, '--out', out])
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/hit@k/)
    expect(stdout).toMatch(/^all\s+4\s/m)
    expect(stderr).toContain('4/4')
    const report = EvalReportSchema.parse(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')))
    expect(report.results.map((result) => result.id).sort()).toEqual(['q-factoid-01', 'q-factoid-03', 'q-near-miss-01', 'q-out-of-domain-01'])
    for (const metric of REQUIRED) {
      expect(report.metrics[metric], metric).not.toBeNull()
      expect(report.metrics[metric]).toBeGreaterThanOrEqual(0)
      expect(report.metrics[metric]).toBeLessThanOrEqual(1)
    }
    expect(Object.keys(report.byKind).sort()).toEqual(['factoid', 'near-miss', 'out-of-domain'])
    expect(report.scorer!.heldOut!.count).toBeGreaterThan(0)
    expect(report.scorer!.accuracy).toBe(report.scorer!.heldOut!.accuracy)
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<svg class="chart"')
  }, 150_000)

  it('should print deltas against an earlier report and exit 1 below a --min threshold', async () => {
    const { code, stdout, stderr } = await runEval([
      '--id', 'q-out-of-domain-01', '--out', join(outDirectory, 'second'),
      '--compare', join(outDirectory, 'first', 'report.json'), '--min', 'hitAtK=0.5',
    ])
    expect(stdout).toMatch(/compared with .*report\.json/)
    expect(stdout).toMatch(/^refusalRecall\s/m)
    expect(stderr).toContain('threshold not met: hitAtK n/a is below 0.5')
    expect(code).toBe(1)
  }, 150_000)

  it('should refuse an unknown metric in --min', async () => {
    const { code, stderr } = await runEval(['--id', 'q-factoid-01', '--min', 'speed=0.5', '--out', join(outDirectory, 'third')])
    expect(code).toBe(2)
    expect(stderr).toContain('--min speed=0.5')
  }, 60_000)
})

describe('npm run eval --calibrate', () => {
  let model: FakeModelServer

  beforeAll(async () => {
    model = await startFakeModelServer({ handler: () => ({ type: 'completion', content: '{"supported": true, "score": 0.9}' }) })
  })

  afterAll(async () => {
    await model?.close()
  })

  it('should print the lexical judge’s agreement on both parts, by perturbation and by score bucket, and write calibration.html', async () => {
    const { code, stdout } = await runEval(['--calibrate', '--out', outDirectory])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^held-out\s+\d+ pairs: accuracy \d+\.\d%.*balanced accuracy \d+\.\d%, ROC AUC 0\.\d{3}$/m)
    expect(stdout).toMatch(/^development\s+\d+ pairs: accuracy/m)
    expect(stdout).toMatch(/^\s+negation\s+\d+\/\d+/m)
    expect(stdout).toMatch(/^\s+0\.9–1\.0\s+\d+/m)
    expect(stdout).toContain('held-out errors are not listed')
    expect(await readFile(join(outDirectory, 'calibration.html'), 'utf8')).toContain('Score bucket → share supported')
  }, 120_000)

  it('should calibrate the model judge through the OpenAI-compatible client', async () => {
    const { code, stdout, stderr } = await runEval(['--calibrate', '--judge', 'llm', '--out', outDirectory], { LLM_BASE_URL: model.url, LLM_MODEL: 'fake-model' })
    expect(code, stderr).toBe(0)
    // A judge that always says "supported" is right exactly on the supported pairs.
    const read = async (name: string) => JSON.parse(await readFile(join(PROJECT_DIRECTORY, 'datasets', name), 'utf8')) as { supported: boolean }[]
    const development = await read('support-pairs.json')
    const heldOut = await read('support-pairs.heldout.json')
    const share = (pairs: { supported: boolean }[]) => ((pairs.filter((pair) => pair.supported).length / pairs.length) * 100).toFixed(1)
    expect(stdout).toMatch(new RegExp(`^held-out\\s+${heldOut.length} pairs: accuracy ${share(heldOut)}%`, 'm'))
    expect(stdout).toMatch(new RegExp(`^development\\s+${development.length} pairs: accuracy ${share(development)}%`, 'm'))
    expect(model.requests.length).toBe(development.length + heldOut.length)
  }, 120_000)
})

describe('npm run eval --url', () => {
  let server: StartedServer

  beforeAll(async () => {
    server = await startServer({ indexDirectory })
  }, 60_000)

  afterAll(async () => {
    await server?.stop()
  })

  it('should ask a running server and score its answers the same way', async () => {
    const out = join(outDirectory, 'remote')
    const { code, stderr } = await runEval([...SUBSET, '--url', server.url, '--out', out])
    expect(code, stderr).toBe(0)
    const report = EvalReportSchema.parse(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')))
    expect(report.target).toBe(server.url)
    expect(report.results.find((result) => result.id === 'q-factoid-01')!.citations.every((citation) => citation.valid)).toBe(true)
    expect(report.metrics.containsAnswer).not.toBeNull()
  }, 150_000)
})
