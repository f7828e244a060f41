import { describe, expect, it } from 'vitest'
import { parseServerSentEvents, type ServerSentEvent } from '../../src/llm/parse-server-sent-events.js'

async function* fromChunks(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks
}

async function collect(chunks: Uint8Array[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = []
  for await (const event of parseServerSentEvents(fromChunks(chunks))) events.push(event)
  return events
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('parseServerSentEvents', () => {
  it('should read data events and skip comments', async () => {
    const events = await collect([encode(': ping\n\ndata: {"a":1}\n\ndata: [DONE]\n\n')])
    expect(events.map((event) => event.data)).toEqual(['{"a":1}', '[DONE]'])
    expect(events.every((event) => event.event === 'message')).toBe(true)
  })

  it('should treat CRLF, CR and LF alike', async () => {
    const events = await collect([encode('data: one\r\n\r\ndata: two\r\rdata: three\n\n')])
    expect(events.map((event) => event.data)).toEqual(['one', 'two', 'three'])
  })

  it('should join multi-line data and read event names, ids and values without a space', async () => {
    const events = await collect([encode('event: delta\nid: 7\ndata:first\ndata: second\nretry: 10\n\n')])
    expect(events).toEqual([{ event: 'delta', id: '7', data: 'first\nsecond' }])
  })

  it('should give the same events wherever the byte stream is split', async () => {
    // Arabic letters are two bytes in UTF-8, so some splits fall inside a character; CRLF pairs get split too.
    const bytes = encode(': ping\r\n\r\ndata: {"content":"مقتل بن لادن"}\r\n\r\ndata: [DONE]\r\n\r\n')
    const whole = await collect([bytes])
    expect(whole.map((event) => event.data)).toEqual(['{"content":"مقتل بن لادن"}', '[DONE]'])
    for (let first = 1; first < bytes.length; first++) {
      const second = Math.min(bytes.length - 1, first + 7)
      const pieces = [bytes.slice(0, first), bytes.slice(first, second), bytes.slice(second)]
      expect(await collect(pieces)).toEqual(whole)
    }
  })

  it('should drop an unterminated last event because it may have been cut off', async () => {
    const events = await collect([encode('data: complete\n\ndata: {"cut')])
    expect(events.map((event) => event.data)).toEqual(['complete'])
  })

  it('should not dispatch a blank-line block that carries no data', async () => {
    const events = await collect([encode('event: nothing\n\n\n\ndata: x\n\n')])
    expect(events).toEqual([{ event: 'message', id: undefined, data: 'x' }])
  })
})
