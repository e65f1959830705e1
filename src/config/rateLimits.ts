import { readInt } from './envValues'

/**
 * Request rate limits at the edge of the API (src/server/api/rateLimits.ts), per window:
 * anonymous readers per client address, API clients per key (higher), sign-in and password-reset
 * requests per client address (strict), and requests with a wrong API key per client address.
 * Read once per process ({@link getRateLimits}); a bad value stops the server at start-up.
 */
export interface RateLimits {
  /** Length of every window in milliseconds (RATE_LIMIT_WINDOW_MS, default one minute). */
  windowMs: number
  /** Requests per window from one address without credentials (RATE_LIMIT_ANONYMOUS). */
  anonymous: number
  /** Requests per window with one API key (RATE_LIMIT_API_CLIENT). */
  apiClient: number
  /** Sign-in and forgot-password requests per address per 15 minutes (RATE_LIMIT_LOGIN). */
  login: number
  /** Requests with an unknown, malformed or disabled API key per address per 15 minutes (RATE_LIMIT_BAD_KEY). */
  badKey: number
}

type Env = Record<string, string | undefined>

/** Pure: the rate limits an environment asks for (throws ConfigError on a bad value). */
export const resolveRateLimits = (env: Env): RateLimits => ({
  windowMs: readInt(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000, 24 * 60 * 60 * 1000),
  anonymous: readInt(env, 'RATE_LIMIT_ANONYMOUS', 300, 1, 10_000_000),
  apiClient: readInt(env, 'RATE_LIMIT_API_CLIENT', 3000, 1, 10_000_000),
  login: readInt(env, 'RATE_LIMIT_LOGIN', 30, 1, 10_000_000),
  badKey: readInt(env, 'RATE_LIMIT_BAD_KEY', 30, 1, 10_000_000),
})

/** The window of the login and bad-key limits (fixed: 15 minutes, like the login throttle). */
export const STRICT_WINDOW_MS = 15 * 60 * 1000

let cached: RateLimits | null = null

export const getRateLimits = (raw: Env): RateLimits => {
  cached ??= resolveRateLimits(raw)
  return cached
}
