import type { AskResponse, Citation } from '../answer/answer-schemas.js'
import { countTokens } from './count-tokens.js'
import type { ChatCompletion, SanadCompletionExtension, UrlCitationAnnotation, Usage } from './openai-schemas.js'

/** The identity of one completion, shared by all its chunks. */
export interface CompletionIdentity {
  id: string
  model: string
  /** Unix seconds. */
  created: number
}

/** What a completion reports besides the answer: the prompt's size and where the sources are served. */
export interface CompletionContext {
  /** Word pieces (see count-tokens.ts) in the request's messages. */
  promptTokens: number
  /** Like `http://127.0.0.1:8787`; the annotations' URLs start with it. */
  origin: string
}

/** The grounding fields a completion carries besides its text and citations. */
export function describeGrounding(answer: AskResponse): SanadCompletionExtension {
  const { answered, shortAnswer, grounding, passages, language, answerer, fallback, refusalReason } = answer
  return { answered, shortAnswer, grounding, passages, language, answerer, fallback, refusalReason }
}

/** The usage of a completion whose content is `content`. */
export function countUsage(content: string, context: CompletionContext): Usage {
  const completionTokens = countTokens(content)
  return { prompt_tokens: context.promptTokens, completion_tokens: completionTokens, total_tokens: context.promptTokens + completionTokens }
}

/** One OpenAI `url_citation` annotation per `[n]` marker of `content` that has a citation. */
export function annotateCitations(content: string, citations: readonly Citation[], context: CompletionContext): UrlCitationAnnotation[] {
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]))
  const annotations: UrlCitationAnnotation[] = []
  for (const marker of content.matchAll(/\[(\d+)\]/g)) {
    const citation = byNumber.get(Number(marker[1]))
    if (!citation) continue
    annotations.push({
      type: 'url_citation',
      url_citation: {
        start_index: marker.index,
        end_index: marker.index + marker[0].length,
        url: `${context.origin}/api/documents/${encodeURIComponent(citation.docId)}#char=${citation.start},${citation.end}`,
        title: citation.quote,
      },
    })
  }
  return annotations
}

/** An answer as an OpenAI chat completion: `[n]` markers in the content, their spans in `citations` and `annotations`. */
export function toChatCompletion(answer: AskResponse, identity: CompletionIdentity, context: CompletionContext): ChatCompletion {
  const content = answer.answer
  const message = {
    role: 'assistant' as const,
    content,
    refusal: null,
    annotations: annotateCitations(content, answer.citations, context),
    citations: answer.citations,
  }
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    choices: [{ index: 0, message, finish_reason: 'stop', logprobs: null }],
    usage: countUsage(content, context),
    citations: answer.citations,
    sanad: describeGrounding(answer),
  }
}
