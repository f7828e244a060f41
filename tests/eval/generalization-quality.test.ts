import { beforeAll, describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/answer/answer-schemas.js'
import { composeSanadOver } from '../../src/compose-sanad.js'
import { loadConfig } from '../../src/config/load-config.js'
import { computeMetrics, type ComputedMetrics } from '../../src/eval/compute-metrics.js'
import { loadQuestionSet, type Question } from '../../src/eval/question-set.js'
import { runQuestionSet } from '../../src/eval/run-question-set.js'
import { articlesOf, buildCollection, loadMultiSources, MULTI_DEV_PATH, MULTI_HELDOUT_PATH } from '../../src/eval/training-sets.js'
import type { QuestionAnswerer } from '../../src/answer/question-answerer.js'

// The quality gates on the frozen held-out part of the multi-article set (two articles and their 70
// questions that no rule or weight was tuned on), asked of all seven documents as a user would.
// Floors just under the measured figures (answered correctly 0.59, false refusals 0.07, refusals 0.29);
// issue 13's targets (0.90 / 0.05 / 0.90) are not reached and are reported in the README.
const FLOORS = { answeredCorrectly: 0.55, falseRefusalRate: 0.1, refusalRecall: 0.25 }

let heldout: Question[]
let answerer: QuestionAnswerer
let computed: ComputedMetrics

beforeAll(async () => {
  const config = loadConfig({})
  heldout = await loadQuestionSet(MULTI_HELDOUT_PATH)
  const dev = await loadQuestionSet(MULTI_DEV_PATH)
  const { index } = await buildCollection(await loadMultiSources([...articlesOf(dev), ...articlesOf(heldout)]), config)
  ;({ answerer } = await composeSanadOver(index, config))
  const records = await runQuestionSet(heldout, (request) => answerer.ask(request))
  computed = computeMetrics(records, new Map([...index.documents].map(([id, document]) => [id, document.text])))
  const { metrics } = computed
  console.info(`multi-article held-out: answered correctly ${metrics.answeredCorrectly}, false refusals ${metrics.falseRefusalRate}, refusal recall ${metrics.refusalRecall}`)
}, 120_000)

describe('the frozen held-out multi-article questions', () => {
  it('should answer correctly (answer and cited gold evidence) at least the measured floor', () => {
    expect(computed.metrics.answeredCorrectly).toBeGreaterThanOrEqual(FLOORS.answeredCorrectly)
  })

  it('should keep false refusals and missed refusals within the measured floors', () => {
    expect(computed.metrics.falseRefusalRate).toBeLessThanOrEqual(FLOORS.falseRefusalRate)
    expect(computed.metrics.refusalRecall).toBeGreaterThanOrEqual(FLOORS.refusalRecall)
  })

  it('should quote every citation exactly', () => {
    const citations = computed.results.flatMap((result) => result.citations)
    expect(citations.length).toBeGreaterThan(30)
    expect(citations.filter((citation) => !citation.valid)).toEqual([])
  })

  // History only fills what a question lacks: every standalone held-out question gets the same answer
  // after an unrelated exchange (about another article) as alone.
  it('should answer every standalone question the same after an unrelated exchange', async () => {
    const unrelated = [
      { role: 'user' as const, content: 'متى أعلن أوباما مقتل بن لادن؟' },
      { role: 'assistant' as const, content: 'في 2 مايو 2011 [1].' },
    ]
    const signature = (response: AskResponse) => `${response.answered}|${response.answer}|${response.citations.map((citation) => `${citation.docId}:${citation.start}-${citation.end}`).join(',')}`
    const standalone = heldout.filter((question) => !question.history)
    expect(standalone.length).toBeGreaterThan(50)
    const changed: string[] = []
    for (const question of standalone) {
      const alone = await answerer.ask({ question: question.question })
      const after = await answerer.ask({ question: question.question, history: unrelated })
      if (signature(alone) !== signature(after)) changed.push(question.id)
    }
    expect(changed).toEqual([])
  }, 60_000)
})
