import { Hono } from 'hono'
import { z } from 'zod'
import { summarizeRelevance } from '../../grounding/create-grounding-scorer.js'
import { createSupportFinder, type FindSupport } from '../../grounding/create-support-finder.js'
import { createWordWeigher } from '../../grounding/create-word-weigher.js'
import { GroundingInputSchema, GroundingResponseSchema, type GroundingResponse } from '../../grounding/grounding-schemas.js'
import { scoreGroundingRecord, type GroundingSources } from '../../grounding/score-grounding-record.js'
import type { ScoreSupportOptions } from '../../grounding/score-support.js'
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
 * cite them are unsupported. A RAGAS sample is scored against its retrieved contexts and an ALCE
 * record against its docs; with a question, relevance is judged too.
 */
export function createGroundingRoute(dependencies: GroundingRouteDependencies): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  const documents = [...dependencies.documents].map(([docId, text]) => ({ docId, text }))
  const sources: GroundingSources = {
    documents,
    findSupport: dependencies.findSupport ?? createSupportFinder(documents, dependencies.scoreOptions),
    weighWord: createWordWeigher(documents.map((document) => document.text)),
  }

  route.post('/api/grounding', requireJsonContent, validateJson(GroundingInputSchema), (c) => {
    const scored = scoreGroundingRecord(c.req.valid('json'), sources, dependencies.scoreOptions)
    const { resolved, unresolved } = scored.citations
    const response: GroundingResponse = {
      format: scored.format,
      score: scored.score,
      supported: scored.supported,
      faithfulness: scored.grounding.faithfulness,
      explanation: scored.explanation,
      issues: scored.issues,
      ...(scored.relevance ? { relevance: summarizeRelevance(scored.relevance) } : {}),
      sentences: scored.grounding.sentences,
      unsupported: scored.grounding.unsupported,
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
        summary: 'Score how well an answer is supported by the sources (sanad, RAGAS or ALCE shape)',
        description:
          'Splits the answer into sentences and scores each with the offline, Arabic-aware support scorer: against the citations its [n] markers name ' +
          '(citations are numbered in order), or, without markers, against all citations and then the best sentences of the sources. ' +
          'Numbers, dates, places and names must match, negations and events must agree; a sentence is supported at a score of 0.5 or more. ' +
          'The body is sanad\'s shape ({ answer, citations?, question? }), a RAGAS sample ({ user_input, response, retrieved_contexts }, scored against its contexts) ' +
          'or an ALCE record ({ question, output, docs }, whose [n] markers cite docs[n-1]). With a question, an answer whose evidence does not answer it is not supported.',
        requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(GroundingInputSchema, 'input') } } },
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
