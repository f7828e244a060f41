import { readFile } from 'node:fs/promises'

/** A process's resident memory now and at its peak, in bytes. */
export interface ProcessMemory {
  rssBytes: number
  peakRssBytes: number
}

/** Reads VmRSS and VmHWM out of the text of /proc/<pid>/status (values are in kB there). */
export function parseProcessStatus(status: string): ProcessMemory {
  const kilobytes = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)
    if (!match) throw new Error(`/proc status has no ${field} line`)
    return Number(match[1]) * 1024
  }
  return { rssBytes: kilobytes('VmRSS'), peakRssBytes: kilobytes('VmHWM') }
}

/** The resident memory of a running process, from /proc (Linux only). */
export async function readProcessMemory(pid: number): Promise<ProcessMemory> {
  return parseProcessStatus(await readFile(`/proc/${pid}/status`, 'utf8'))
}
