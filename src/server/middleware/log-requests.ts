import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.js'
import type { LogFields, Logger } from '../create-logger.js'

/**
 * Logs one line per request: id, method, path, status and duration. A streamed response is logged when
 * its body ends (or the client leaves), so the duration covers the whole stream. The question text is
 * logged only when asked for, since questions may be personal.
 */
export function logRequests(logger: Logger, options: { logQuestions: boolean }): MiddlewareHandler<AppEnv> {
  const includeQuestion = options.logQuestions || logger.level === 'debug'
  return async (c, next) => {
    const started = performance.now()
    await next()
    const fields = (): LogFields => {
      const line: LogFields = {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      }
      const question = c.get('question')
      if (includeQuestion && question !== undefined) line.question = question
      return line
    }
    // Event streams say so in the context: reading `c.res.body` or `c.res.headers` turns the Node adapter's
    // light response into a web Response, which costs more than the rest of a small JSON answer.
    const body = c.get('eventStream') ? c.res.body : null
    if (!body) {
      logger.info('request', fields())
      return
    }
    const reader = body.getReader()
    const logged = { done: false }
    const logOnce = (extra: LogFields) => {
      if (logged.done) return
      logged.done = true
      logger.info('request', { ...fields(), stream: true, ...extra })
    }
    c.res = new Response(
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const { done, value } = await reader.read()
            if (done) {
              logOnce({ completed: true })
              controller.close()
            } else controller.enqueue(value)
          } catch (error) {
            logOnce({ completed: false })
            controller.error(error)
          }
        },
        async cancel(reason) {
          logOnce({ completed: false })
          await reader.cancel(reason)
        },
      }),
      c.res,
    )
  }
}
