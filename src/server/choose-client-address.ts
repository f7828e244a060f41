import { BlockList, isIP } from 'node:net'
import type { TrustProxy } from '../config/load-config.js'

/**
 * Builds the rule that names a request's client from the socket's peer and `X-Forwarded-For`: the chain
 * `[...forwarded, peer]` is read from the right, past trusted proxies only (the `hops` nearest, or those
 * inside `networks`), and the first address not vouched for is the client. Entries an untrusted peer
 * added are never read, so a spoofed header changes nothing; a malformed entry ends the walk at the hop
 * that sent it.
 */
export function chooseClientAddress(trust: TrustProxy): (peer: string, forwardedFor: string | undefined) => string {
  if ('hops' in trust) {
    return (peer, forwardedFor) => {
      let client = unmapIPv4(peer)
      if (trust.hops === 0 || !forwardedFor) return client
      const chain = readChain(forwardedFor)
      for (let hop = 0; hop < trust.hops && hop < chain.length; hop++) {
        const address = chain[chain.length - 1 - hop]!
        if (!address) break
        client = address
      }
      return client
    }
  }
  const trusted = new BlockList()
  for (const network of trust.networks) {
    const [address, prefix] = network.split('/') as [string, string | undefined]
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) trusted.addAddress(address, family)
    else trusted.addSubnet(address, Number(prefix), family)
  }
  const isTrusted = (address: string) => trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')
  return (peer, forwardedFor) => {
    let client = unmapIPv4(peer)
    if (!forwardedFor || isIP(client) === 0) return client
    const chain = readChain(forwardedFor)
    for (let position = chain.length - 1; position >= 0 && isTrusted(client); position--) {
      const address = chain[position]!
      if (!address) break
      client = address
    }
    return client
  }
}

// The addresses of an X-Forwarded-For list, client first; a malformed entry becomes '' (ports and brackets dropped).
function readChain(forwardedFor: string): string[] {
  return forwardedFor.split(',').map((entry) => {
    const text = entry.trim()
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)
    const withoutPort = bracketed ? bracketed[1]! : /^[\d.]+:\d+$/.test(text) ? text.slice(0, text.lastIndexOf(':')) : text
    const address = unmapIPv4(withoutPort)
    return isIP(address) === 0 ? '' : address
  })
}

// Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d; the IPv4 form matches IPv4 networks.
function unmapIPv4(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped ? mapped[1]! : address
}
