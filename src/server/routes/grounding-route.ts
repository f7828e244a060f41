import { Hono } from 'hono'
import { z } from 'zod'
import { createSupportFinder, type FindSupport } from '../../grounding/create-support-finder.js'
import { explainGrounding } from '../../grounding/explain-grounding.js'
import { GroundingRequestSchema, GroundingResponseSchema, type GroundingResponse } from '../../grounding/grounding-schemas.js'
import { resolveCitations } from '../../grounding/resolve-citations.js'
import { scoreAnswerGrounding } from '../../grounding/score-answer-grounding.js'
import type { ScoreSupportOptions } from '../../grounding/score-support.js'
import { detectLanguage } from '../../text/detect-language.js'
import type { AppEnv } from '../app-env.js'
import { requireJsonContent, validateJson } from '../middleware/validate-request.js'

/** What POST /api/grounding needs: the source texts by document id, and optionally how to find support in them. */
export interface GroundingRouteDependencies {
  documents: ReadonlyMap<string, string>
  /** Where an uncited sentence looks for support; by default, the best sentences of the documents. */
  findSupport?: FindSupport
  /** Support scorer options, such as a dictionary for English answers. */
  scoreOptions?: ScoreSupportOptions
}

/**
 * POST /api/grounding: scores any answer (sanad's or another system's) against the sources. Each
 * citation is a quote, found in the sources, or a span; they are numbered [1], [2]… in order, as the
 * answer's markers number them. Citations that cannot be located are reported, and sentences that
 * cite them are unsupported.
 */
export function createGroundingRoute(dependencies: GroundingRouteDependencies): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  const findSupport =
    dependencies.findSupport ?? createSupportFinder([...dependencies.documents].map(([docId, text]) => ({ docId, text })), dependencies.scoreOptions)

  route.post('/api/grounding', requireJsonContent, validateJson(GroundingRequestSchema), (c) => {
    const request = c.req.valid('json')
    const { resolved, unresolved } = resolveCitations(request.citations ?? [], dependencies.documents)
    const grounding = scoreAnswerGrounding(request.answer, request.citations ? resolved : undefined, { ...dependencies.scoreOptions, findSupport })
    const response: GroundingResponse = {
      score: grounding.score,
      supported: grounding.supported,
      faithfulness: grounding.faithfulness,
      explanation: explainGrounding(grounding, detectLanguage(request.answer)),
      sentences: grounding.sentences,
      unsupported: grounding.unsupported,
      citations: [
        ...resolved.map((citation) => ({ n: citation.n, docId: citation.docId, start: citation.start, end: citation.end, quote: citation.quote, resolved: true as const })),
        ...unresolved.map((citation) => ({ ...citation, resolved: false as const })),
      ].sort((first, second) => first.n - second.n),
    }
    return c.json(response)
  })

  return route
}

/** The OpenAPI operation of POST /api/grounding, generated from the same zod schemas, for the docs route to call on demand. */
export function describeGroundingRoute(): Record<string, unknown> {
  return {
    '/api/grounding': {
      post: {
        summary: 'Score how well an answer is supported by the sources',
        description:
          'Splits the answer into sentences and scores each with the offline, Arabic-aware support scorer: against the citations its [n] markers name ' +
          '(citations are numbered in order), or, without markers, against all citations and then the best sentences of the sources. ' +
          'Numbers, dates and names must match and negations must agree; a sentence is supported at a score of 0.5 or more.',
        requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(GroundingRequestSchema, 'input') } } },
        responses: {
          '200': { description: 'The grounding of the answer, sentence by sentence.', content: { 'application/json': { schema: toJsonSchema(GroundingResponseSchema, 'output') } } },
          '400': { description: 'Invalid input: malformed JSON, a schema violation or an unknown field.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          '415': { description: 'The body is not declared as JSON.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
  }
}

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io }) as Record<string, unknown>
  return json
}
