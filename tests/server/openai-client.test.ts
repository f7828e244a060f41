import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CitationSchema } from '../../src/answer/answer-schemas.js'
import { startServer, type StartedServer } from '../support/start-server.js'

const API_KEY = 'integration-key-42'
let server: StartedServer
let client: OpenAI
let documentText: string

beforeAll(async () => {
  server = await startServer({ environment: { API_KEY } })
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: API_KEY, maxRetries: 0, timeout: 20_000 })
  const response = await fetch(`${server.url}/api/documents/article`, { headers: { authorization: `Bearer ${API_KEY}` } })
  documentText = (await response.json()).text
}, 60_000)

afterAll(async () => {
  await server?.stop()
})

const messages: OpenAI.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: 'متى أعلن أوباما مقتل بن لادن؟' },
]

function expectExactCitations(citations: unknown, content: string) {
  const parsed = CitationSchema.array().parse(citations)
  expect(parsed.length).toBeGreaterThan(0)
  for (const citation of parsed) {
    expect(documentText.slice(citation.start, citation.end)).toBe(citation.quote)
    expect(content).toContain(`[${citation.n}]`)
  }
}

describe('the official openai client against the real server', () => {
  it('should list the models', async () => {
    const models = await client.models.list()
    expect(models.data.map((model) => model.id)).toEqual(expect.arrayContaining(['sanad', 'sanad-extractive']))
  })

  it('should get a whole completion whose citations survive', async () => {
    const completion = await client.chat.completions.create({ model: 'sanad', messages, temperature: 0, max_tokens: 300, user: 'test' })
    const content = completion.choices[0]!.message.content!
    expect(completion.choices[0]!.finish_reason).toBe('stop')
    expectExactCitations((completion as unknown as { citations: unknown }).citations, content)
    expectExactCitations((completion.choices[0]!.message as unknown as { citations: unknown }).citations, content)
    expect((completion as unknown as { sanad: { answered: boolean } }).sanad.answered).toBe(true)
    const annotations = completion.choices[0]!.message.annotations ?? []
    expect(annotations.length).toBeGreaterThan(0)
    for (const annotation of annotations) expect(content.slice(annotation.url_citation.start_index, annotation.url_citation.end_index)).toMatch(/^\[\d+\]$/)
    expect(completion.usage!.prompt_tokens).toBeGreaterThan(0)
    expect(completion.usage!.completion_tokens).toBeGreaterThan(0)
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens)
  })

  it('should stream a completion whose final chunk carries the citations', async () => {
    const stream = await client.chat.completions.create({ model: 'sanad-extractive', messages, stream: true })
    let content = ''
    let final: (OpenAI.ChatCompletionChunk & { citations?: unknown }) | undefined
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? ''
      if (chunk.choices[0]?.finish_reason === 'stop') final = chunk
    }
    expect(final).toBeDefined()
    expectExactCitations(final!.citations, content)
  })

  it('should stream the usage in a last chunk without choices when include_usage asks for it', async () => {
    const stream = await client.chat.completions.create({ model: 'sanad', messages, stream: true, stream_options: { include_usage: true } })
    const chunks: OpenAI.ChatCompletionChunk[] = []
    for await (const chunk of stream) chunks.push(chunk)
    const last = chunks.at(-1)!
    expect(last.choices).toEqual([])
    expect(last.usage!.completion_tokens).toBeGreaterThan(0)
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true)
  })

  it('should keep the citations in the message that the stream helper assembles', async () => {
    const stream = client.chat.completions.stream({ model: 'sanad', messages })
    const completion = await stream.finalChatCompletion()
    const message = completion.choices[0]!.message
    expectExactCitations((message as unknown as { citations: unknown }).citations, message.content!)
    expect(message.annotations?.length).toBeGreaterThan(0)
  })

  it('should resolve a follow-up from the earlier messages', async () => {
    const completion = await client.chat.completions.create({
      model: 'sanad',
      messages: [...messages, { role: 'assistant', content: 'في 2 مايو 2011 [1].' }, { role: 'user', content: 'وأين حدث ذلك؟' }],
    })
    expect(completion.choices[0]!.message.content).toBeTruthy()
  })

  it('should raise the client errors for an unknown model, a bad request and a wrong key', async () => {
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages })).rejects.toBeInstanceOf(OpenAI.NotFoundError)
    await expect(client.chat.completions.create({ model: 'sanad', messages, n: 3 })).rejects.toBeInstanceOf(OpenAI.BadRequestError)
    const stranger = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'wrong-key', maxRetries: 0 })
    await expect(stranger.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
  })
})
