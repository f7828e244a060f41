import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OpenAICompatibleEmbeddings } from '../../src/embed/openai-compatible-embeddings.js'
import { OpenAICompatibleClient } from '../../src/llm/openai-compatible-client.js'
import { fakeEmbeddingFor, startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js'

let server: FakeModelServer
let embeddings: OpenAICompatibleEmbeddings

beforeEach(async () => {
  server = await startFakeModelServer()
  const client = new OpenAICompatibleClient({
    baseUrl: server.url,
    model: 'chat-model',
    embeddingModel: 'bge-m3',
    timeoutMs: 5000,
    maxRetries: 0,
    embeddingBatchSize: 2,
  })
  embeddings = new OpenAICompatibleEmbeddings(client)
})

afterEach(async () => {
  await server.close()
})

const length = (vector: number[]): number => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))

describe('OpenAICompatibleEmbeddings', () => {
  it('should be identified by the embedding model', () => {
    expect(embeddings.id).toBe('openai:bge-m3')
  })

  it('should return unit-length vectors pointing the way the model answered, in input order', async () => {
    const texts = ['المغرب', 'التحالف الدولي ضد داعش', 'بن لادن']
    const vectors = await embeddings.embedDocuments(texts)

    expect(vectors).toHaveLength(texts.length)
    vectors.forEach((vector, index) => {
      const raw = fakeEmbeddingFor(texts[index]!)
      expect(length(vector)).toBeCloseTo(1, 10)
      vector.forEach((value, dimension) => expect(value).toBeCloseTo(raw[dimension]! / length(raw), 10))
    })
    expect(server.requests).toHaveLength(2)
  })

  it('should learn the dimensions from the first answer', async () => {
    expect(embeddings.dimensions).toBeUndefined()
    const vector = await embeddings.embedQuery('من قتل بن لادن؟')
    expect(embeddings.dimensions).toBe(fakeEmbeddingFor('x').length)
    expect(vector).toHaveLength(embeddings.dimensions!)
  })

  it('should reject vectors whose length differs from the learnt dimensions', async () => {
    await embeddings.embedQuery('first')
    server.setHandler(() => ({ type: 'embeddings', embeddings: [[1, 2, 3]] }))
    await expect(embeddings.embedQuery('second')).rejects.toMatchObject({ code: 'model_bad_response' })
  })

  it('should leave a zero vector at zero instead of dividing by zero', async () => {
    server.setHandler(() => ({ type: 'embeddings', embeddings: [[0, 0, 0, 0]] }))
    expect(await embeddings.embedQuery('')).toEqual([0, 0, 0, 0])
  })
})
