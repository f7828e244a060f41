import { describe, expect, it } from 'vitest'
import { TrustProxySchema } from '../../src/config/load-config.js'
import { chooseClientAddress } from '../../src/server/choose-client-address.js'

const choose = (trust: string, peer: string, forwardedFor?: string) => chooseClientAddress(TrustProxySchema.parse(trust))(peer, forwardedFor)

describe('chooseClientAddress', () => {
  it('should use the socket peer and ignore X-Forwarded-For when no proxy is trusted', () => {
    expect(choose('0', '203.0.113.7', '198.51.100.1')).toBe('203.0.113.7')
    expect(choose('0', '203.0.113.7')).toBe('203.0.113.7')
  })

  it('should take the address the one trusted hop appended, not what the client sent before it', () => {
    // nginx appends the peer it saw; everything to its left came from the client and may be invented.
    expect(choose('1', '127.0.0.1', '10.9.9.9, 198.51.100.23')).toBe('198.51.100.23')
    expect(choose('1', '127.0.0.1', '198.51.100.23')).toBe('198.51.100.23')
    expect(choose('2', '127.0.0.1', '10.9.9.9, 198.51.100.23')).toBe('10.9.9.9')
  })

  it('should stop at the leftmost entry when more hops are trusted than were forwarded', () => {
    expect(choose('5', '127.0.0.1', '198.51.100.23')).toBe('198.51.100.23')
  })

  it('should ignore a spoofed header from a peer outside the trusted networks', () => {
    expect(choose('10.0.0.0/8', '203.0.113.7', '1.2.3.4')).toBe('203.0.113.7')
  })

  it('should walk past every trusted network from the right and stop at the first untrusted address', () => {
    const trust = '127.0.0.1,10.0.0.0/8'
    expect(choose(trust, '127.0.0.1', '198.51.100.23, 10.1.2.3')).toBe('198.51.100.23')
    expect(choose(trust, '127.0.0.1', '6.6.6.6, 198.51.100.23, 10.1.2.3')).toBe('198.51.100.23')
    expect(choose(trust, '127.0.0.1', '10.1.1.1, 10.1.2.3')).toBe('10.1.1.1')
  })

  it('should match IPv4 peers of a dual-stack socket and IPv6 networks', () => {
    expect(choose('127.0.0.0/8', '::ffff:127.0.0.1', '198.51.100.23')).toBe('198.51.100.23')
    expect(choose('::1', '::1', '2001:db8::5')).toBe('2001:db8::5')
    expect(choose('fd00::/8', '::1', '2001:db8::5')).toBe('::1')
  })

  it('should drop ports and brackets and stop at a malformed entry at the hop that sent it', () => {
    expect(choose('127.0.0.1', '127.0.0.1', '198.51.100.23:5123')).toBe('198.51.100.23')
    expect(choose('127.0.0.1', '127.0.0.1', '[2001:db8::5]:443')).toBe('2001:db8::5')
    expect(choose('127.0.0.1', '127.0.0.1', 'unknown')).toBe('127.0.0.1')
    expect(choose('1', '127.0.0.1', '<script>')).toBe('127.0.0.1')
  })
})

describe('TrustProxySchema', () => {
  it('should read a hop count or a list of addresses and CIDR blocks', () => {
    expect(TrustProxySchema.parse('2')).toEqual({ hops: 2 })
    expect(TrustProxySchema.parse(' 127.0.0.1, 10.0.0.0/8 ,::1/128')).toEqual({ networks: ['127.0.0.1', '10.0.0.0/8', '::1/128'] })
  })

  it.each(['10.0.0.0/33', '::/129', 'localhost', '10.0.0/8', '1.2.3.4/8/1', ',', '-1'])('should refuse %j', (value) => {
    expect(TrustProxySchema.safeParse(value).success).toBe(false)
  })
})
