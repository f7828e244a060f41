import { getRequestListener, RequestError, type ServerType } from '@hono/node-server'
import { createServer, STATUS_CODES } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Logger } from './create-logger.js'
import type { Problem } from './handle-errors.js'

/** A listening server and the way to stop it gracefully. */
export interface RunningServer {
  /** Like `http://127.0.0.1:8787`. */
  url: string
  server: ServerType
  /** True once `shutdown` was called. */
  isDraining(): boolean
  /**
   * Stops accepting connections, lets in-flight requests (streams included) finish, then closes every
   * connection; after `graceMs` the rest are cut. Resolves with how it ended.
   */
  shutdown(reason: string): Promise<'drained' | 'forced'>
}

/** Serves a fetch handler on host:port and tracks in-flight requests for a graceful shutdown. */
export function startHttpServer(options: {
  fetch: (request: Request, ...rest: never[]) => Response | Promise<Response>
  hostname: string
  port: number
  graceMs: number
  logger: Logger
}): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let inFlight = 0
    let draining = false
    let shutdownPromise: Promise<'drained' | 'forced'> | null = null
    let closeIfIdle = () => {}

    // Requests too malformed to reach the app still get a JSON problem, from the adapter or the HTTP parser.
    const server = createServer(getRequestListener(options.fetch as never, { hostname: options.hostname, errorHandler: answerUnreadableRequest }))
    server.on('clientError', answerClientError)
    server.once('error', reject)
    server.listen(options.port, options.hostname, () => {
      const info = server.address() as AddressInfo
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
      resolve({ url: `http://${host}:${info.port}`, server, isDraining: () => draining, shutdown })
    })
    server.on('request', (_request, response) => {
      inFlight++
      response.once('close', () => {
        inFlight--
        closeIfIdle()
      })
    })

    function shutdown(reason: string): Promise<'drained' | 'forced'> {
      shutdownPromise ??= new Promise((done) => {
        draining = true
        options.logger.info('shutting down', { reason, inFlight, graceMs: options.graceMs })
        let outcome: 'drained' | 'forced' = 'drained'
        const timer = setTimeout(() => {
          outcome = 'forced'
          options.logger.warn('shutdown grace period over; closing the remaining connections', { inFlight })
          server.closeAllConnections()
        }, options.graceMs)
        server.close(() => {
          clearTimeout(timer)
          options.logger.info('stopped', { outcome })
          done(outcome)
        })
        // Keep-alive connections with no request in flight would hold close() open until they time out.
        closeIfIdle = () => {
          if (inFlight === 0) server.closeAllConnections()
          else server.closeIdleConnections()
        }
        closeIfIdle()
      })
      return shutdownPromise
    }
  })
}

function problemBody(code: string, message: string): string {
  const problem: Problem = { error: { code, message } }
  return JSON.stringify(problem)
}

// The adapter could not turn the request into a Request (an invalid target or Host); anything else is ours.
function answerUnreadableRequest(error: unknown): Response {
  const [status, body] =
    error instanceof RequestError
      ? [400, problemBody('invalid_request', 'The request target or Host header is invalid.')]
      : [500, problemBody('internal_error', 'An internal error occurred.')]
  return new Response(body, { status, headers: { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' } })
}

// Node's HTTP parser refused the bytes (bad framing, oversized headers, a request timeout): answer in JSON,
// then close. As Node's own handler does, only a socket that has written nothing yet gets an answer.
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable || (socket as Socket).bytesWritten > 0) {
    socket.destroy()
    return
  }
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'invalid_request', 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive.']
        : [400, 'invalid_request', 'The request is not valid HTTP.']
  const body = problemBody(code, message)
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  )
}
