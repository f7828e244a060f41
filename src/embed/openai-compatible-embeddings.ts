import { Embeddings } from '@langchain/core/embeddings'
import { SanadError } from '../errors/sanad-error.js'
import type { OpenAICompatibleClient } from '../llm/openai-compatible-client.js'

/** LangChain embeddings served by an OpenAI-compatible `/embeddings` endpoint, L2-normalized. */
export class OpenAICompatibleEmbeddings extends Embeddings {
  /** Names the embedding space, so vectors from different models are never mixed in one index. */
  readonly id: string
  readonly #client: OpenAICompatibleClient
  #dimensions: number | undefined

  constructor(client: OpenAICompatibleClient) {
    super({})
    this.#client = client
    this.id = `openai:${client.embeddingModel}`
  }

  /** The vector length, known once the model has answered. */
  get dimensions(): number | undefined {
    return this.#dimensions
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors = await this.#client.embed(documents)
    for (const vector of vectors) {
      const expected = this.#dimensions ?? vector.length
      if (vector.length === 0 || vector.length !== expected) {
        throw new SanadError('model_bad_response', `The embedding model returned a ${vector.length}-dimension vector, expected ${expected}.`)
      }
      this.#dimensions = expected
    }
    return vectors.map(normalizeLength)
  }

  override async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([document])
    if (!vector) throw new SanadError('model_bad_response', 'The embedding model returned no vector.')
    return vector
  }
}

// Unit length makes inner product equal cosine similarity; a zero vector stays zero rather than becoming NaN.
function normalizeLength(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))
  return norm === 0 ? vector : vector.map((value) => value / norm)
}
