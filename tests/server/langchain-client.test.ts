import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askSanad, createSanadModel, streamSanad, type SanadReply } from '../../docs/examples/langchain-citations.js'
import { CitationSchema } from '../../src/answer/answer-schemas.js'
import { startServer, type StartedServer } from '../support/start-server.js'

const API_KEY = 'langchain-key-42'
const QUESTION = 'متى أعلن أوباما مقتل بن لادن؟'
let server: StartedServer
let documentText: string

beforeAll(async () => {
  server = await startServer({ environment: { API_KEY } })
  const response = await fetch(`${server.url}/api/documents/article`, { headers: { authorization: `Bearer ${API_KEY}` } })
  documentText = (await response.json()).text
}, 60_000)

afterAll(async () => {
  await server?.stop()
})

function expectCitedAndCounted(reply: SanadReply) {
  const citations = CitationSchema.array().parse(reply.citations)
  expect(citations.length).toBeGreaterThan(0)
  for (const citation of citations) {
    expect(documentText.slice(citation.start, citation.end)).toBe(citation.quote)
    expect(reply.text).toContain(`[${citation.n}]`)
  }
  expect(reply.usage?.input_tokens).toBeGreaterThan(0)
  expect(reply.usage?.output_tokens).toBeGreaterThan(0)
  expect(reply.usage?.total_tokens).toBe(reply.usage!.input_tokens + reply.usage!.output_tokens)
}

describe('LangChain ChatOpenAI against the real server, through the example in docs/clients.md', () => {
  it('should keep the citations and the usage of a whole reply', async () => {
    const reply = await askSanad(createSanadModel(`${server.url}/v1`, API_KEY), QUESTION)
    expectCitedAndCounted(reply)
  })

  it('should keep the citations and the usage of a streamed reply', async () => {
    const deltas: string[] = []
    const reply = await streamSanad(createSanadModel(`${server.url}/v1`, API_KEY), QUESTION, (delta) => deltas.push(delta))
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.join('')).toBe(reply.text)
    expectCitedAndCounted(reply)
  })

  it('should show the example in docs/clients.md exactly as it is tested', () => {
    const example = readFileSync('docs/examples/langchain-citations.ts', 'utf8')
    expect(readFileSync('docs/clients.md', 'utf8')).toContain(`\`\`\`ts\n${example}\`\`\``)
  })
})
