/**
 * A writer of log lines to a stream that gathers the lines of one turn of the event loop into one
 * write: under load, many requests end in the same turn, and each write to stdout is a system call.
 * Whatever is pending is written when the process exits.
 */
export function createBatchedWriter(stream: { write(text: string): unknown }, onExit: (flush: () => void) => void = (flush) => process.once('exit', flush)): (line: string) => void {
  let pending: string[] = []
  let scheduled = false
  const flush = () => {
    scheduled = false
    if (pending.length === 0) return
    const text = pending.join('')
    pending = []
    stream.write(text)
  }
  onExit(flush)
  return (line) => {
    pending.push(line)
    if (!scheduled) {
      scheduled = true
      setImmediate(flush)
    }
  }
}
