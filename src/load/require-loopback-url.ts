import { SanadError } from '../errors/sanad-error.js'

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]'])

/** Parses a base URL and refuses any host but the loopback interface, so a load test never leaves the machine. */
export function requireLoopbackUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new SanadError('invalid_request', `"${text}" is not a URL.`)
  }
  if (url.protocol !== 'http:') throw new SanadError('invalid_request', `The load test speaks plain HTTP on loopback, not ${url.protocol}.`)
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname)
  if (!isLoopback) throw new SanadError('invalid_request', `The load test only targets loopback (127.0.0.1, localhost, ::1), not ${url.hostname}.`)
  return url
}
