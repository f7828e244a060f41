import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A running stand-in for a model server. */
export interface PacedModel {
  /** Base URL ending in `/v1`, for LLM_BASE_URL. */
  url: string
  /** Chat completions answered so far (streamed and whole). */
  completions(): number
  close(): Promise<void>
}

/** How the stand-in answers. */
export interface PacedModelOptions {
  /** Pieces a streamed answer is cut into. */
  deltas: number
  /** Milliseconds between two pieces, as a model generating tokens would take. */
  deltaIntervalMs: number
  /** Milliseconds before a whole (not streamed) answer. */
  wholeDelayMs: number
}

const EVIDENCE_LINE = /^\[(\d+)\] (.+)$/gm

/**
 * An OpenAI-compatible chat server on 127.0.0.1 that answers like a careful model, at a model's pace:
 * it quotes the first two evidence sentences of sanad's prompt, each ending with its `[n]`, so that
 * every sentence passes sanad's citation check, and streams them in `deltas` pieces `deltaIntervalMs`
 * apart. The scale test uses it to tell events that arrive spread out from events a proxy buffered.
 */
export async function servePacedModel(options: PacedModelOptions): Promise<PacedModel> {
  let completions = 0
  const server = createServer((request, response) => {
    void answer(request, response).catch(() => response.destroy())
  })

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}')
      return
    }
    const body = JSON.parse(await readBody(request)) as { stream?: boolean; messages?: { role: string; content: string }[] }
    const content = replyTo(body.messages ?? [])
    completions++
    if (!body.stream) {
      await pause(options.wholeDelayMs)
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ id: 'paced', object: 'chat.completion', model: 'paced-model', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }))
      return
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    for (const piece of cutInto(content, options.deltas)) {
      if (response.destroyed) return
      response.write(`data: ${JSON.stringify({ id: 'paced', object: 'chat.completion.chunk', model: 'paced-model', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`)
      await pause(options.deltaIntervalMs)
    }
    response.write(`data: ${JSON.stringify({ id: 'paced', object: 'chat.completion.chunk', model: 'paced-model', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`)
    response.end('data: [DONE]\n\n')
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    completions: () => completions,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

// The first two evidence sentences, quoted, each cited; without evidence (a rewrite request), the question.
function replyTo(messages: readonly { role: string; content: string }[]): string {
  const prompt = messages.filter((message) => message.role === 'user').at(-1)?.content ?? ''
  const evidence = [...prompt.matchAll(EVIDENCE_LINE)].slice(0, 2)
  if (evidence.length === 0) return prompt.trim().split('\n').at(-1) ?? ''
  return evidence.map(([, n, text]) => `${text!.trim().replace(/[.!؟?…]+$/u, '')} [${n}].`).join(' ')
}

// Splits text into `count` pieces of about equal length, at spaces where possible.
function cutInto(text: string, count: number): string[] {
  const words = text.split(/(?<= )/)
  const size = Math.max(1, Math.ceil(words.length / count))
  const pieces: string[] = []
  for (let start = 0; start < words.length; start += size) pieces.push(words.slice(start, start + size).join(''))
  return pieces
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    request.setEncoding('utf8').on('data', (piece: string) => (text += piece))
    request.on('end', () => resolve(text))
    request.on('error', reject)
  })
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds))
}
