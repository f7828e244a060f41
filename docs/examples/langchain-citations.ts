import type { BaseMessage, UsageMetadata } from '@langchain/core/messages'
import { ChatOpenAI } from '@langchain/openai'

/** One cited span: `quote` is exactly `text.slice(start, end)` of the document `docId` (GET /api/documents/:docId). */
export interface SanadCitation {
  n: number
  docId: string
  start: number
  end: number
  quote: string
}

/** An answer with the `[n]` markers in its text, the spans they cite and the token counts. */
export interface SanadReply {
  text: string
  citations: SanadCitation[]
  usage: UsageMetadata | undefined
}

/**
 * ChatOpenAI pointed at sanad. LangChain copies only the fields it knows from a completion, so
 * `__includeRawResponse` is what keeps the citations: it puts each raw completion (or chunk) in
 * `additional_kwargs.__raw_response`.
 */
export function createSanadModel(baseURL = 'http://localhost:8787/v1', apiKey = 'only-needed-with-API_KEY'): ChatOpenAI {
  return new ChatOpenAI({ model: 'sanad', apiKey, configuration: { baseURL }, maxRetries: 0, __includeRawResponse: true })
}

/** The citations a message (or the final stream chunk) carries; none for other chunks. */
export function readCitations(message: BaseMessage): SanadCitation[] {
  const raw = message.additional_kwargs.__raw_response as { citations?: SanadCitation[] } | undefined
  return raw?.citations ?? []
}

/** Asks once and waits for the whole answer. */
export async function askSanad(model: ChatOpenAI, question: string): Promise<SanadReply> {
  const reply = await model.invoke(question)
  return { text: String(reply.content), citations: readCitations(reply), usage: reply.usage_metadata }
}

/** Streams the answer: text as it comes, citations in the last content chunk, usage in a chunk of its own. */
export async function streamSanad(model: ChatOpenAI, question: string, onText: (delta: string) => void): Promise<SanadReply> {
  const reply: SanadReply = { text: '', citations: [], usage: undefined }
  for await (const chunk of await model.stream(question)) {
    const delta = String(chunk.content)
    if (delta) onText(delta)
    reply.text += delta
    reply.citations.push(...readCitations(chunk))
    reply.usage = chunk.usage_metadata ?? reply.usage
  }
  return reply
}
