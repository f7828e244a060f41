import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { except } from 'hono/combine'
import { cors } from 'hono/cors'
import { methodNotAllowed } from 'hono/method-not-allowed'
import type { QuestionAnswerer } from '../answer/question-answerer.js'
import type { Config } from '../config/load-config.js'
import type { FindSupport } from '../grounding/create-support-finder.js'
import type { ScoreSupportOptions } from '../grounding/score-support.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { Health } from './api-schemas.js'
import type { AppEnv } from './app-env.js'
import { chooseClientAddress } from './choose-client-address.js'
import type { Logger } from './create-logger.js'
import { handleError, handleNotFound, respondWithProblem } from './handle-errors.js'
import { assignRequestId } from './middleware/assign-request-id.js'
import { limitBody } from './middleware/limit-body.js'
import { limitRate } from './middleware/limit-rate.js'
import { logRequests } from './middleware/log-requests.js'
import { setSecurityHeaders } from './middleware/set-security-headers.js'
import { createAskRoute } from './routes/ask-route.js'
import { createChatRoute } from './routes/chat-route.js'
import { createDocsRoute } from './routes/docs-route.js'
import { createDocumentsRoute } from './routes/documents-route.js'
import { createGroundingRoute, describeGroundingRoute } from './routes/grounding-route.js'
import { createHealthRoute } from './routes/health-route.js'
import { createOpenAIRoute } from './routes/openai-route.js'
import { TokenBucketLimiter } from './token-bucket-limiter.js'

/** The settings the HTTP layer reads. */
export type AppSettings = Pick<
  Config,
  'API_KEY' | 'CORS_ORIGINS' | 'RATE_LIMIT_PER_MINUTE' | 'TRUST_PROXY' | 'BODY_LIMIT_BYTES' | 'QUESTION_MAX_CHARACTERS' | 'LOG_QUESTIONS'
>

/** Everything the app is built from; main.ts builds these once. */
export interface AppDependencies {
  index: SanadIndex
  answerer: QuestionAnswerer
  settings: AppSettings
  logger: Logger
  version: string
  /** The folder of the chat UI, served at `/`; null serves no UI. */
  webDirectory: string | null
  /** The folder of the self-hosted web font files, served at `/fonts/` (none when absent). */
  fontDirectory?: string | null
  /** True once shutdown began: /api/ready answers 503. */
  isDraining?: () => boolean
  /** The key clients are rate limited by; defaults to the socket's remote address, or X-Forwarded-For through TRUST_PROXY. */
  clientAddressOf?: (c: Context) => string
  /** Milliseconds on a monotonic clock, for rate limiting. */
  now?: () => number
  /** The support scorer's options for POST /api/grounding (the dictionary, for English answers). */
  supportOptions?: ScoreSupportOptions
  /** The support finder the answerer uses, so POST /api/grounding does not build a second one. */
  findSupport?: FindSupport
  /** The English–Arabic dictionary in use, reported by /api/health (null: English questions are refused). */
  englishDictionary?: Health['englishDictionary']
  /** The answer cache's counters, reported by /api/health (none: no cache). */
  readAnswerCache?: () => NonNullable<Health['answerCache']>
}

/** The Content-Security-Policy of the UI: everything from this origin, nothing inline, no framing. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
}

// Open to everyone even with an API key: probes, the API reference and the UI's static files.
const OPEN_API_PATHS = ['/api/health', '/api/ready']

/** Builds the HTTP app: middleware, routes and error mapping. It never listens; main.ts serves it. */
export function createApp(dependencies: AppDependencies): Hono<AppEnv> {
  const { settings, logger } = dependencies
  const app = new Hono<AppEnv>()
  const startedAt = Date.now()

  app.use(assignRequestId())
  app.use(logRequests(logger, { logQuestions: settings.LOG_QUESTIONS }))
  app.use(setSecurityHeaders(CONTENT_SECURITY_POLICY))
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        respondWithProblem(c, {
          status: 405,
          body: { error: { code: 'method_not_allowed', message: `This path allows ${methods.join(', ')}.` } },
          headers: { Allow: methods.join(', ') },
        }),
    }),
  )
  if (settings.CORS_ORIGINS.length > 0) {
    for (const path of ['/api/*', '/v1/*', '/openapi.json']) {
      app.use(
        path,
        cors({
          origin: settings.CORS_ORIGINS,
          allowMethods: ['GET', 'POST', 'OPTIONS'],
          allowHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
          exposeHeaders: ['X-Request-Id', 'Retry-After', 'x-vercel-ai-ui-message-stream'],
          maxAge: 600,
        }),
      )
    }
  }
  app.use(limitBody({ maxBytes: settings.BODY_LIMIT_BYTES }))
  const guarded = [] as ReturnType<typeof limitRate>[]
  if (settings.RATE_LIMIT_PER_MINUTE > 0) {
    const limiter = new TokenBucketLimiter({ perMinute: settings.RATE_LIMIT_PER_MINUTE, ...(dependencies.now ? { now: dependencies.now } : {}) })
    guarded.push(limitRate(limiter, dependencies.clientAddressOf ?? readClientAddress(settings.TRUST_PROXY)))
  }
  if (settings.API_KEY) guarded.push(bearerAuth({ token: settings.API_KEY }))
  for (const middleware of guarded) {
    app.use('/api/*', except(OPEN_API_PATHS, middleware))
    app.use('/v1/*', middleware)
  }

  const questionMaxCharacters = settings.QUESTION_MAX_CHARACTERS
  const documentIds: ReadonlySet<string> = new Set(dependencies.index.documents.keys())
  app.route('/', createHealthRoute({ ...dependencies, isDraining: dependencies.isDraining ?? (() => false) }))
  app.route('/', createAskRoute({ answerer: dependencies.answerer, questionMaxCharacters, documentIds }))
  app.route('/', createChatRoute({ answerer: dependencies.answerer, logger, questionMaxCharacters, documentIds }))
  app.route('/', createDocumentsRoute({ index: dependencies.index, answerer: dependencies.answerer }))
  app.route('/', createOpenAIRoute({ answerer: dependencies.answerer, logger, questionMaxCharacters, documentIds, startedAt }))
  app.route('/', createGroundingRoute({ documents: new Map([...dependencies.index.documents].map(([id, document]) => [id, document.text])), ...(dependencies.supportOptions ? { scoreOptions: dependencies.supportOptions } : {}), ...(dependencies.findSupport ? { findSupport: dependencies.findSupport } : {}) }))
  app.route(
    '/',
    createDocsRoute({
      version: dependencies.version,
      questionMaxCharacters,
      apiKeyRequired: Boolean(settings.API_KEY),
      describeExtraPaths: describeGroundingRoute,
    }),
  )
  if (dependencies.fontDirectory) {
    // Font files never change under one name, so browsers may keep them for a year.
    // Static files like the UI's (not API routes); font files never change under one name, so browsers keep them a year.
    app.use('/fonts/*', async (c, next) => {
      await next()
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
    })
    app.use('/fonts/*', serveStatic({ root: dependencies.fontDirectory, rewriteRequestPath: (path) => path.replace(/^\/fonts/, '') }))
  }
  if (dependencies.webDirectory) {
    // Registered for all methods so that only GET and HEAD reach files and other methods get a 404, not a 405.
    app.use('/*', except(['/api/*', '/v1/*'], serveStatic({ root: dependencies.webDirectory })))
  }

  app.notFound(handleNotFound)
  app.onError(handleError(logger))
  return app
}

// The client's address: the socket's peer, or the X-Forwarded-For entry the trusted proxies vouch for.
function readClientAddress(trust: AppSettings['TRUST_PROXY']): (c: Context) => string {
  const choose = chooseClientAddress(trust)
  return (c) => choose(readRemoteAddress(c), c.req.header('x-forwarded-for'))
}

function readRemoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
