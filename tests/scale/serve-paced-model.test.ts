import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OpenAICompatibleClient } from '../../src/llm/openai-compatible-client.js'
import { servePacedModel, type PacedModel } from '../../src/scale/serve-paced-model.js'

const PROMPT = '<evidence>\n[1] وصل الوفد إلى المدينة صباح الخميس.\n[2] عقد الوفد اجتماعا مع المسؤولين؟\n[3] جملة ثالثة.\n</evidence>\n\n<question>\nمتى وصل الوفد؟\n</question>'

let model: PacedModel
beforeAll(async () => {
  model = await servePacedModel({ deltas: 4, deltaIntervalMs: 30, wholeDelayMs: 0 })
})
afterAll(async () => {
  await model.close()
})

describe('servePacedModel', () => {
  const client = () => new OpenAICompatibleClient({ baseUrl: model.url, model: 'paced-model', timeoutMs: 5000, maxRetries: 0 })

  it('should quote the first two evidence sentences, each ending with its citation', async () => {
    const reply = await client().complete([{ role: 'user', content: PROMPT }])
    expect(reply.content).toBe('وصل الوفد إلى المدينة صباح الخميس [1]. عقد الوفد اجتماعا مع المسؤولين [2].')
  })

  it('should stream the same answer in pieces that arrive at the pace asked for', async () => {
    const arrivals: number[] = []
    let text = ''
    const started = performance.now()
    for await (const delta of client().streamComplete([{ role: 'user', content: PROMPT }])) {
      arrivals.push(performance.now() - started)
      text += delta
    }
    expect(text).toBe('وصل الوفد إلى المدينة صباح الخميس [1]. عقد الوفد اجتماعا مع المسؤولين [2].')
    expect(arrivals.length).toBe(4)
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(3 * 30 - 10)
    expect(model.completions()).toBe(2)
  })
})
