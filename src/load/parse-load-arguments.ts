import { parseArgs } from 'node:util'
import { z } from 'zod'
import { SanadError } from '../errors/sanad-error.js'
import { requireLoopbackUrl } from './require-loopback-url.js'

/** What `npm run load` was asked to do. */
export const LoadArgumentsSchema = z
  .object({
    requests: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
    connections: z.coerce.number().int().min(1).max(1_000).default(100),
    /** The time bound: the run stops after this many seconds even if requests remain. */
    duration: z.coerce.number().positive().max(3_600).default(300),
    /** Seconds one response may take before it counts as an error. */
    timeout: z.coerce.number().positive().max(600).default(60),
    url: z.string().optional(),
    json: z.string().min(1).optional(),
  })
  .refine((values) => values.connections <= values.requests, { message: 'there cannot be more connections than requests', path: ['connections'] })
export type LoadArguments = z.infer<typeof LoadArgumentsSchema>

/** Reads `--requests N --connections C --duration S --timeout S --url URL --json FILE`; a loopback URL only. */
export function parseLoadArguments(argv: readonly string[]): LoadArguments {
  let values: Record<string, string | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        requests: { type: 'string' },
        connections: { type: 'string' },
        duration: { type: 'string' },
        timeout: { type: 'string' },
        url: { type: 'string' },
        json: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    throw new SanadError('invalid_request', (error as Error).message)
  }
  const parsed = LoadArgumentsSchema.safeParse(values)
  if (!parsed.success) {
    throw new SanadError('invalid_request', parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '))
  }
  if (parsed.data.url) requireLoopbackUrl(parsed.data.url)
  return parsed.data
}
