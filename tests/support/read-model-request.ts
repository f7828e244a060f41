import type { RecordedRequest } from './fake-model-server.js'

/** True for an answer request (system and user prompts); a query rewrite sends one user message. */
export function isAnswerRequest(request: RecordedRequest): boolean {
  return request.body?.messages?.length === 2
}

/** The user prompt of a chat request. */
export function userPromptOf(request: RecordedRequest): string {
  return request.body.messages.at(-1).content as string
}

/** The numbered evidence sentences an answer request showed the model, by number. */
export function readEvidence(request: RecordedRequest): Map<number, string> {
  const block = /<evidence>\n([\s\S]*?)\n<\/evidence>/.exec(userPromptOf(request))?.[1] ?? ''
  return new Map([...block.matchAll(/^\[(\d+)\] (.*)$/gm)].map((match) => [Number(match[1]), match[2]!]))
}

/** The number of the evidence sentence that contains `text`; throws when the model was not shown one. */
export function evidenceNumberOf(request: RecordedRequest, text: string): number {
  for (const [n, sentence] of readEvidence(request)) if (sentence.includes(text)) return n
  throw new Error(`no evidence sentence contains "${text}"`)
}
