import { connect } from 'node:net'

/** A request written byte for byte on a fresh socket: what no conforming client (fetch) would send. */
export interface RawFuzzRequest {
  name: string
  /** The request as latin1 text, request line and headers included. */
  text: string
  /** Statuses an honest server may answer with; 0 means it may close the connection without a response. */
  expectedStatuses: readonly number[]
  /** Node's HTTP server answers this itself, before any handler runs, so its 4xx cannot carry a JSON body. */
  answeredByNode?: true
}

/** A parsed raw response; status 0 when the server closed the connection without one. */
export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

// Requests that reach the app close the connection after their answer, so the response ends at EOF.
const CLOSE = 'Connection: close\r\n'

/** Malformed HTTP: broken request lines and headers, smuggling attempts, oversized headers and raw traversal. */
export const RAW_FUZZ_REQUESTS: readonly RawFuzzRequest[] = [
  { name: 'garbage request line', text: 'GARBAGE\r\n\r\n', expectedStatuses: [400] },
  { name: 'NUL in the path', text: 'GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n', expectedStatuses: [400] },
  { name: 'non-numeric Content-Length', text: 'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', expectedStatuses: [400] },
  { name: 'negative Content-Length', text: 'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n', expectedStatuses: [400] },
  { name: 'Content-Length with Transfer-Encoding (smuggling)', text: 'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', expectedStatuses: [400] },
  { name: 'broken chunked body', text: 'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', expectedStatuses: [400] },
  { name: 'space in a header name', text: 'GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n', expectedStatuses: [400] },
  { name: 'folded header', text: 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  folded\r\n\r\n', expectedStatuses: [400] },
  { name: '20 KB header', text: `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, expectedStatuses: [431] },
  { name: '2,000 headers', text: `GET /api/health HTTP/1.1\r\nHost: x\r\n${'X-N: 1\r\n'.repeat(2000)}\r\n`, expectedStatuses: [200, 400, 431] },
  // HTTP/1.1 requires Host, and Node refuses its absence with an empty 400 (RFC 9112, section 3.2).
  { name: 'missing Host', text: `GET /api/health HTTP/1.1\r\n${CLOSE}\r\n`, expectedStatuses: [400], answeredByNode: true },
  { name: 'asterisk target', text: `GET * HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [400, 404] },
  { name: 'backslash traversal', text: `GET /..\\..\\package.json HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [400, 404] },
  { name: 'invalid Host', text: `GET /api/health HTTP/1.1\r\nHost: evil.example/../../\r\n${CLOSE}\r\n`, expectedStatuses: [200, 400] },
  { name: 'dot segments', text: `GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [404] },
  { name: 'encoded dot segments', text: `GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [400, 404] },
  { name: 'encoded slashes', text: `GET /..%2f..%2fpackage.json HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [400, 404] },
  { name: 'document traversal', text: `GET /api/documents/..%2Fmanifest HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [400] },
  { name: 'document dot segments', text: `GET /api/documents/../../index/manifest.json HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [404] },
  { name: 'absolute-form target', text: `GET http://evil.example/api/health HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [200, 400] },
  { name: 'HTTP/2.0 on HTTP/1 framing', text: `GET /api/health HTTP/2.0\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [200, 400, 505] },
  { name: 'HTTP/1.0 without Host', text: 'GET /api/health HTTP/1.0\r\n\r\n', expectedStatuses: [200] },
  { name: 'duplicate Host', text: `GET /api/health HTTP/1.1\r\nHost: x\r\nHost: y\r\n${CLOSE}\r\n`, expectedStatuses: [200, 400] },
  { name: 'latin1 bytes in a header', text: `GET /api/health HTTP/1.1\r\nHost: x\r\nUser-Agent: \u00ff\u00fe\r\n${CLOSE}\r\n`, expectedStatuses: [200] },
  { name: 'TRACE', text: `TRACE / HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [404, 405] },
  { name: 'unknown method', text: `BREW /api/ask HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`, expectedStatuses: [400, 404, 405, 501] },
  { name: 'CONNECT tunnel', text: 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n', expectedStatuses: [0, 400, 404, 405] },
  {
    name: 'declared JSON that is not',
    text: `POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 7\r\n${CLOSE}\r\n{"q":\u0000}`,
    expectedStatuses: [400],
  },
  {
    name: 'shorter body than declared, then the client closes',
    text: `POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n${CLOSE}\r\n{"question":`,
    expectedStatuses: [0, 400],
  },
]

/**
 * Writes one raw request on a fresh connection, half-closes it and reads until the server closes;
 * a response that does not end within `timeoutMs` rejects, since that is a hang.
 */
export function sendRawRequest(url: string, text: string, timeoutMs: number): Promise<RawResponse> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no response within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => {
      // A reset after the answer is read is how some refusals end; what was read is judged.
    })
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(parseRawResponse(Buffer.concat(chunks).toString('latin1')))
    })
    socket.end(Buffer.from(text, 'latin1'))
  })
}

function parseRawResponse(raw: string): RawResponse {
  const headEnd = raw.indexOf('\r\n\r\n')
  if (!raw.startsWith('HTTP/') || headEnd === -1) return { status: 0, headers: {}, body: raw }
  const [statusLine, ...headerLines] = raw.slice(0, headEnd).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of headerLines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  let body = raw.slice(headEnd + 4)
  if (headers['transfer-encoding']?.includes('chunked')) body = decodeChunked(body)
  // The body is UTF-8; it was read as latin1 to keep the head byte-exact.
  return { status: Number(statusLine!.split(' ')[1]), headers, body: Buffer.from(body, 'latin1').toString('utf8') }
}

function decodeChunked(body: string): string {
  let decoded = ''
  let rest = body
  for (;;) {
    const lineEnd = rest.indexOf('\r\n')
    if (lineEnd === -1) return decoded
    const size = Number.parseInt(rest.slice(0, lineEnd), 16)
    if (!size) return decoded
    decoded += rest.slice(lineEnd + 2, lineEnd + 2 + size)
    rest = rest.slice(lineEnd + 4 + size)
  }
}
