import type { RequestIdVariables } from 'hono/request-id'

/** The per-request values the app's middleware share through the context. */
export interface AppEnv {
  Variables: RequestIdVariables & {
    /** The question being answered, logged only when question logging is on. */
    question?: string
    /** Set when the response is an event stream, which the request log follows to its end. */
    eventStream?: boolean
  }
}
