/** One dispatched server-sent event. */
export interface ServerSentEvent {
  event: string
  data: string
  id: string | undefined
}

// A trailing CR may be the first half of a CRLF split across reads, so it only ends a line at the end of the stream.
const LINE_END_MID_STREAM = /\r\n|\r(?!$)|\n/g
const LINE_END_AT_STREAM_END = /\r\n|\r|\n/g

/**
 * Parses a byte stream into server-sent events by the WHATWG rules: any line ending, comments,
 * multi-line data, and an unterminated last event discarded (it may have been cut off).
 */
export async function* parseServerSentEvents(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  // Streaming decode keeps a multi-byte (e.g. Arabic) character intact when it is split across reads.
  const decoder = new TextDecoder()
  let buffer = ''
  let data: string[] = []
  let event = ''
  let id: string | undefined

  function* takeLines(atEnd: boolean): Generator<string> {
    const lineEnd = atEnd ? LINE_END_AT_STREAM_END : LINE_END_MID_STREAM
    let start = 0
    for (const match of buffer.matchAll(lineEnd)) {
      yield buffer.slice(start, match.index)
      start = match.index + match[0].length
    }
    buffer = buffer.slice(start)
  }

  function* readLine(line: string): Generator<ServerSentEvent> {
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), id }
      data = []
      event = ''
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const rawValue = colon === -1 ? '' : line.slice(colon + 1)
    const value = rawValue.startsWith(' ') ? rawValue.slice(1) : rawValue
    if (field === 'data') data.push(value)
    else if (field === 'event') event = value
    else if (field === 'id' && !value.includes('\0')) id = value
  }

  for await (const chunk of chunks) {
    buffer += decoder.decode(chunk, { stream: true })
    for (const line of takeLines(false)) yield* readLine(line)
  }
  buffer += decoder.decode()
  for (const line of takeLines(true)) yield* readLine(line)
}
