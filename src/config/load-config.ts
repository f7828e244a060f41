import { isIP } from 'node:net'
import { z } from 'zod'
import { SanadError } from '../errors/sanad-error.js'

const Flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => ['true', '1', 'yes'].includes(value))
const OptionalText = z.string().trim().min(1).optional()
const CommaList = z.string().transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))

/**
 * Which proxies in front of sanad are trusted to say who the client is: the number of hops nearest to
 * sanad (1 for one nginx), or the networks they send from. Absent: none, the socket's peer is the client.
 */
export type TrustProxy = { hops: number } | { networks: string[] }

/** `TRUST_PROXY`: a hop count (`1`) or a comma-separated list of addresses and CIDR blocks (`127.0.0.1,10.0.0.0/8,::1`). */
export const TrustProxySchema = z
  .string()
  .trim()
  .transform((value, context): TrustProxy => {
    if (/^\d+$/.test(value)) return { hops: Number(value) }
    const networks = value.split(',').map((item) => item.trim()).filter(Boolean)
    const invalid = networks.filter((network) => !isNetwork(network))
    if (networks.length === 0 || invalid.length > 0) {
      context.addIssue({ code: 'custom', message: `a hop count or a comma-separated list of addresses and CIDR blocks, not ${invalid.join(', ') || 'an empty list'}` })
      return z.NEVER
    }
    return { networks }
  })

// An IPv4 or IPv6 address, optionally with a prefix length no longer than the address.
function isNetwork(text: string): boolean {
  const [address = '', prefix, extra] = text.split('/')
  const family = isIP(address)
  if (family === 0 || extra !== undefined) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

/** Every setting sanad reads from the environment, with defaults that work offline. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  LOG_QUESTIONS: Flag.default(false),
  INDEX_DIR: z.string().default('index'),
  // hnswlib: the index folder, in every process. postgres: one index in PostgreSQL (pgvector) shared by every replica.
  VECTOR_STORE: z.enum(['hnswlib', 'postgres']).default('hnswlib'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// or postgresql:// connection URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(4),
  // Chosen from the measured recall curve in docs/scaling.md.
  HNSW_EF_SEARCH: z.coerce.number().int().min(1).max(1000).default(100),
  // Replicas behind a load balancer load the index that `npm run index` built and never rebuild it.
  INDEX_READ_ONLY: Flag.default(false),
  SOURCES_DIR: OptionalText,
  CHUNK_MAX_CHARACTERS: z.coerce.number().int().min(100).max(20000).default(600),
  CHUNK_OVERLAP_SENTENCES: z.coerce.number().int().min(0).max(3).default(1),
  TOP_K: z.coerce.number().int().min(1).max(20).default(5),
  EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(64).max(4096).default(512),
  EMBEDDING_BASE_URL: z.url().optional(),
  EMBEDDING_MODEL: OptionalText,
  EMBEDDING_API_KEY: OptionalText,
  LLM_BASE_URL: z.url().optional(),
  LLM_MODEL: OptionalText,
  LLM_API_KEY: OptionalText,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(20000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  // bearerAuth only matches RFC 6750 token characters, so any other key could never be presented.
  API_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._~+/-]{8,}=*$/, 'API_KEY needs at least 8 of the characters A-Z a-z 0-9 . _ ~ + / -')
    .optional(),
  CORS_ORIGINS: CommaList.default([]),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(0),
  TRUST_PROXY: TrustProxySchema.default({ hops: 0 }),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10485760).default(65536),
  QUESTION_MAX_CHARACTERS: z.coerce.number().int().min(10).max(2000).default(2000),
  // A dictd folder holding freedict-eng-ara; without it (or when it lacks the files) the bundled copy is used.
  DICTIONARY_DIR: OptionalText,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120000).default(10000),
  // Bytes of answers kept for repeated questions (an estimate: two bytes a character); 0 turns the cache off.
  ANSWER_CACHE_BYTES: z.coerce.number().int().min(0).max(2 ** 40).default(4 * 1024 * 1024),
})
export type Config = z.infer<typeof ConfigSchema>

/** Parses the environment into a Config; a bad value stops start-up with every problem listed. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, environment[key] === '' ? undefined : environment[key]]),
  )
  // Parsed once per process: zod's compiled fast path would cost more to write and compile than it saves.
  const parsed = ConfigSchema.safeParse(known, { jitless: true })
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new SanadError('config_invalid', `invalid configuration: ${problems}`, { details: parsed.error.issues })
  }
  const config = parsed.data
  if (config.EMBEDDINGS === 'openai' && (!config.EMBEDDING_BASE_URL || !config.EMBEDDING_MODEL)) {
    throw new SanadError('config_invalid', 'EMBEDDINGS=openai needs EMBEDDING_BASE_URL and EMBEDDING_MODEL')
  }
  if (config.LLM_BASE_URL && !config.LLM_MODEL) throw new SanadError('config_invalid', 'LLM_BASE_URL needs LLM_MODEL')
  if (config.VECTOR_STORE === 'postgres' && !config.DATABASE_URL) throw new SanadError('config_invalid', 'VECTOR_STORE=postgres needs DATABASE_URL')
  return config
}
