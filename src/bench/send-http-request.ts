import { Agent, request } from 'node:http'

/** One request the bench sends: a method, a path on the target and an optional JSON body. */
export interface BenchRequest {
  method: 'GET' | 'POST'
  path: string
  body?: string
}

/** A response's status and whole body. */
export interface BenchResponse {
  status: number
  body: string
}

/** A keep-alive agent with one socket, so sequential requests reuse one connection as a real client would. */
export function createKeepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 })
}

/** Sends one HTTP request to a base URL like `http://127.0.0.1:8787` and reads the whole response. */
export function sendHttpRequest(baseUrl: string, benchRequest: BenchRequest, options: { agent?: Agent; timeoutMs?: number } = {}): Promise<BenchResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {}
    if (benchRequest.body !== undefined) {
      headers['content-type'] = 'application/json'
      headers['content-length'] = Buffer.byteLength(benchRequest.body)
    }
    const outgoing = request(new URL(benchRequest.path, baseUrl), { method: benchRequest.method, headers, agent: options.agent ?? false }, (response) => {
      const pieces: Buffer[] = []
      response.on('data', (piece: Buffer) => pieces.push(piece))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(pieces).toString('utf8') }))
      response.on('error', reject)
    })
    outgoing.setTimeout(options.timeoutMs ?? 10_000, () => outgoing.destroy(new Error(`${benchRequest.method} ${benchRequest.path} timed out`)))
    outgoing.on('error', reject)
    outgoing.end(benchRequest.body)
  })
}
