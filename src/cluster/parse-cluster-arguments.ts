import { parseArgs } from 'node:util'
import { z } from 'zod'
import { SanadError } from '../errors/sanad-error.js'

/** What `npm run cluster` was asked to do. */
export const ClusterArgumentsSchema = z.object({
  replicas: z.coerce.number().int().min(1).max(32).default(3),
  /** nginx's loopback port; 0 picks a free one. */
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Writable folder for nginx's pid, logs and temp files (a fresh temporary folder when absent). */
  dir: z.string().min(1).optional(),
  /** Cluster-wide requests per minute per client address, enforced by nginx. */
  'rate-per-minute': z.coerce.number().int().min(1).default(600),
  /** Requests a client may send at once above that rate. */
  'rate-burst': z.coerce.number().int().min(0).default(60),
})
export type ClusterArguments = z.infer<typeof ClusterArgumentsSchema>

/** Reads `--replicas N --port P --dir DIR --rate-per-minute R --rate-burst B`. */
export function parseClusterArguments(argv: readonly string[]): ClusterArguments {
  let values: Record<string, string | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        replicas: { type: 'string' },
        port: { type: 'string' },
        dir: { type: 'string' },
        'rate-per-minute': { type: 'string' },
        'rate-burst': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    throw new SanadError('invalid_request', (error as Error).message)
  }
  const parsed = ClusterArgumentsSchema.safeParse(values)
  if (!parsed.success) {
    throw new SanadError('invalid_request', parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '))
  }
  return parsed.data
}
