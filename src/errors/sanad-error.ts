/** Machine-readable error codes; each maps to one HTTP status in `statusForCode`. */
export type SanadErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'index_unavailable'
  | 'shutting_down'
  | 'index_corrupt'
  | 'config_invalid'
  | 'model_unavailable'
  | 'model_timeout'
  | 'model_bad_response'
  | 'internal_error'

const STATUS_BY_CODE: Record<SanadErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  index_unavailable: 503,
  shutting_down: 503,
  index_corrupt: 500,
  config_invalid: 500,
  model_unavailable: 502,
  model_timeout: 504,
  model_bad_response: 502,
  internal_error: 500,
}

/** The HTTP status that an error code is answered with. */
export function statusForCode(code: SanadErrorCode): number {
  return STATUS_BY_CODE[code]
}

/** The one error type sanad throws on purpose; carries a code, a safe message and optional details. */
export class SanadError extends Error {
  readonly code: SanadErrorCode
  readonly details: unknown
  readonly headers: Record<string, string>

  constructor(
    code: SanadErrorCode,
    message: string,
    options: { details?: unknown; cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'SanadError'
    this.code = code
    this.details = options.details
    this.headers = options.headers ?? {}
  }

  /** True for any SanadError, also across module copies. */
  static isInstance(value: unknown): value is SanadError {
    return value instanceof Error && (value as { name?: string }).name === 'SanadError' && 'code' in value
  }
}
