import { createBatchedWriter } from './create-batched-writer.js'

/** The levels a logger can be set to, quietest last. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

/** Fields added to one log line. */
export type LogFields = Record<string, unknown>

/** Writes structured log lines; one JSON object per line. */
export interface Logger {
  readonly level: LogLevel
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

/** A logger that writes one JSON line per entry at or above `level` (to stdout by default, a turn's lines in one write). */
export function createLogger(options: { level: LogLevel; write?: (line: string) => void; now?: () => Date }): Logger {
  const write = options.write ?? createBatchedWriter(process.stdout)
  const now = options.now ?? (() => new Date())
  const log = (level: Exclude<LogLevel, 'silent'>) => (message: string, fields: LogFields = {}) => {
    if (RANK[level] < RANK[options.level]) return
    write(`${JSON.stringify({ time: now().toISOString(), level, message, ...fields })}\n`)
  }
  return { level: options.level, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}
