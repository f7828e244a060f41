import { describe, expect, it } from 'vitest'
import { parseEventBlock, readServerSentEvents } from '../../web/read-server-sent-events.js'

/** Builds a byte stream that delivers `text` in the given chunk sizes, to mimic network framing. */
function streamOf(text: string, chunkSize: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(offset, offset + chunkSize))
      offset += chunkSize
    },
  })
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = []
  for await (const event of readServerSentEvents(stream)) events.push(event)
  return events
}

describe('readServerSentEvents', () => {
  const payloads = [
    { event: 'passages', data: JSON.stringify({ passages: [] }) },
    { event: 'text-delta', data: JSON.stringify({ delta: 'أعلن أوباما [1]' }) },
    { event: 'answer', data: JSON.stringify({ answered: true, answer: 'نص عربي' }) },
  ]
  const wire = payloads.map((payload) => `event: ${payload.event}\ndata: ${payload.data}\n\n`).join('')

  it('should yield every event in order whatever the chunk boundaries, including split Arabic characters', async () => {
    for (const chunkSize of [1, 3, 7, wire.length]) {
      expect(await collect(streamOf(wire, chunkSize))).toEqual(payloads)
    }
  })

  it('should accept CRLF line endings even when CR and LF arrive in different chunks', async () => {
    const crlf = wire.replaceAll('\n', '\r\n')
    for (const chunkSize of [1, 2, 5]) {
      expect(await collect(streamOf(crlf, chunkSize))).toEqual(payloads)
    }
  })

  it('should deliver a final event that lacks the trailing blank line', async () => {
    const events = await collect(streamOf('event: answer\ndata: {"a":1}', 4))
    expect(events).toEqual([{ event: 'answer', data: '{"a":1}' }])
  })
})

describe('parseEventBlock', () => {
  it('should skip comment-only blocks such as keep-alive pings', () => {
    expect(parseEventBlock(': ping')).toBeNull()
  })

  it('should join multi-line data and default the event name to message', () => {
    expect(parseEventBlock('data: one\ndata: two')).toEqual({ event: 'message', data: 'one\ntwo' })
  })
})
