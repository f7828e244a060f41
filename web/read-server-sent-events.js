// @ts-check

/**
 * @typedef {{ event: string, data: string }} ServerSentEvent
 */

/**
 * Reads a `text/event-stream` body and yields one event per blank-line-terminated block.
 * EventSource cannot POST, so the chat stream is parsed by hand from a fetch body.
 * @param {ReadableStream<Uint8Array>} body
 * @returns {AsyncGenerator<ServerSentEvent>}
 */
export async function* readServerSentEvents(body) {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      // `stream: true` keeps a multi-byte Arabic character split across chunks intact.
      buffer += decoder.decode(value, { stream: true })
      // The spec allows CRLF, LF or CR line endings; a trailing CR waits in case its LF is in the next chunk.
      buffer = buffer.replace(/\r\n|\r(?!$)/g, '\n')
      let boundary = buffer.indexOf('\n\n')
      while (boundary !== -1) {
        const block = buffer.slice(0, boundary)
        buffer = buffer.slice(boundary + 2)
        const event = parseEventBlock(block)
        if (event) yield event
        boundary = buffer.indexOf('\n\n')
      }
    }
    buffer += decoder.decode()
    const last = parseEventBlock(buffer.replace(/\r\n?/g, '\n'))
    if (last) yield last
  } finally {
    // Stops the download when the consumer leaves early (final event seen, or an error).
    reader.cancel().catch(() => {})
  }
}

/**
 * Turns one SSE block into an event; comment-only or data-less blocks give `null`.
 * @param {string} block
 * @returns {ServerSentEvent | null}
 */
export function parseEventBlock(block) {
  let event = 'message'
  /** @type {string[]} */
  const dataLines = []
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') dataLines.push(value)
  }
  if (dataLines.length === 0) return null
  return { event, data: dataLines.join('\n') }
}
