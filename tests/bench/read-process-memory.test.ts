import { describe, expect, it } from 'vitest'
import { parseProcessStatus, readProcessMemory } from '../../src/bench/read-process-memory.js'

describe('parseProcessStatus', () => {
  it('should read VmRSS and VmHWM in bytes from the kB lines of /proc/<pid>/status', () => {
    const status = ['Name:\tnode', 'VmPeak:\t 999999 kB', 'VmHWM:\t  204800 kB', 'VmRSS:\t  102400 kB', 'Threads:\t11'].join('\n')
    expect(parseProcessStatus(status)).toEqual({ rssBytes: 102400 * 1024, peakRssBytes: 204800 * 1024 })
  })

  it('should refuse a status without the memory lines', () => {
    expect(() => parseProcessStatus('Name:\tkthreadd\n')).toThrow(/VmRSS|VmHWM/)
  })
})

describe.runIf(process.platform === 'linux')('readProcessMemory', () => {
  it('should read a resident size no larger than the peak for this process', async () => {
    const memory = await readProcessMemory(process.pid)
    expect(memory.rssBytes).toBeGreaterThan(0)
    expect(memory.rssBytes).toBeLessThanOrEqual(memory.peakRssBytes)
  })
})
