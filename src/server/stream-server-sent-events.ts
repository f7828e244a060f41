import type { Context } from 'hono'
import { streamSSE, type SSEMessage } from 'hono/streaming'
import type { AppEnv } from './app-env.js'
import type { Logger } from './create-logger.js'
import { describeError, type Problem } from './handle-errors.js'

/** How one streaming endpoint produces its events and reports a failure in its own protocol. */
export interface ServerSentEventsSource {
  /** The events to send; `signal` aborts when the client leaves. */
  produce(signal: AbortSignal): AsyncIterable<SSEMessage>
  /** The events that report a failure after the stream has started. */
  describeFailure(problem: Problem): SSEMessage[]
  headers?: Record<string, string>
}

/**
 * Streams events as `text/event-stream`. A client that disconnects aborts the signal given to the
 * producer and stops the iteration, which frees the work behind it; an error becomes the protocol's
 * error event, and an unexpected one is logged and reported without details.
 */
export function streamServerSentEvents(c: Context<AppEnv>, source: ServerSentEventsSource, logger: Logger): Response {
  const disconnected = new AbortController()
  const signal = AbortSignal.any([disconnected.signal, c.req.raw.signal])
  for (const [name, value] of Object.entries(source.headers ?? {})) c.header(name, value)
  c.header('X-Accel-Buffering', 'no')
  c.set('eventStream', true)
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => disconnected.abort(new DOMException('The client disconnected.', 'AbortError')))
    try {
      for await (const message of source.produce(signal)) {
        if (signal.aborted) break
        await stream.writeSSE(message)
      }
    } catch (error) {
      if (signal.aborted) return
      const problem = describeError(error)
      if (problem.unexpected) {
        logger.error('stream failed', {
          requestId: c.get('requestId'),
          path: c.req.path,
          error: { name: (error as Error)?.name, message: (error as Error)?.message },
        })
      }
      for (const message of source.describeFailure(problem.body)) await stream.writeSSE(message)
    }
  })
}
