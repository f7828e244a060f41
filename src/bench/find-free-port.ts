import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'

/** A TCP port on 127.0.0.1 that was free a moment ago: the system picks it, then it is released for a child to bind. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}
