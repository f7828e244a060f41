import { describe, expect, it } from 'vitest'
import { parseClusterArguments } from '../../src/cluster/parse-cluster-arguments.js'

describe('parseClusterArguments', () => {
  it('should default to three replicas behind nginx on port 8080', () => {
    expect(parseClusterArguments([])).toMatchObject({ replicas: 3, port: 8080, 'rate-per-minute': 600 })
  })

  it('should read the replica count, port and folder', () => {
    expect(parseClusterArguments(['--replicas', '5', '--port', '0', '--dir', '/tmp/x'])).toMatchObject({ replicas: 5, port: 0, dir: '/tmp/x' })
  })

  it.each([[['--replicas', '0']], [['--replicas', 'many']], [['--port', '70000']], [['--unknown']]])('should refuse %j with the option named', (argv) => {
    expect(() => parseClusterArguments(argv)).toThrow(/replicas|port|unknown/)
  })
})
