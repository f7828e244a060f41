import { describe, expect, it } from 'vitest'
import { parseLoadArguments } from '../../src/load/parse-load-arguments.js'

describe('parseLoadArguments', () => {
  it('should default to 20,000 requests over 100 connections, bounded in time', () => {
    expect(parseLoadArguments([])).toMatchObject({ requests: 20_000, connections: 100, duration: 300 })
  })

  it('should read the count, connections, time bound, target and report file', () => {
    const options = parseLoadArguments(['--requests', '2000', '--connections', '50', '--duration', '60', '--url', 'http://127.0.0.1:8787', '--json', 'load.json'])
    expect(options).toMatchObject({ requests: 2000, connections: 50, duration: 60, url: 'http://127.0.0.1:8787', json: 'load.json' })
  })

  it('should accept every loopback spelling and refuse any other host', () => {
    for (const url of ['http://127.0.0.1:1', 'http://localhost:1', 'http://[::1]:1', 'http://127.3.4.5:1']) expect(parseLoadArguments(['--url', url]).url).toBe(url)
    for (const url of ['http://10.0.0.1:8787', 'http://example.com', 'https://127.0.0.1:1', 'http://127.0.0.1.evil.example', 'not a url']) {
      expect(() => parseLoadArguments(['--url', url]), url).toThrow()
    }
  })

  it('should refuse unknown flags, unbounded counts and more connections than requests', () => {
    expect(() => parseLoadArguments(['--forever'])).toThrow()
    expect(() => parseLoadArguments(['--requests', '0'])).toThrow()
    expect(() => parseLoadArguments(['--requests', '1e9'])).toThrow()
    expect(() => parseLoadArguments(['--requests', '10', '--connections', '20'])).toThrow(/more connections than requests/)
  })
})
