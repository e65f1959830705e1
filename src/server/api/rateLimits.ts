import { createHmac, timingSafeEqual } from 'node:crypto'

import type { Request, RequestHandler, Response } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import type { Options } from 'express-rate-limit'
import type { Payload } from 'payload'

import { env } from '@/config/env'
import { STRICT_WINDOW_MS } from '@/config/rateLimits'
import type { RateLimits } from '@/config/rateLimits'
import { apiKeyGate } from './apiKeyGate'
import type { EdgeApiClient, KeyFailures } from './apiKeyGate'

/** The read routes counted against the anonymous and API-client limits. */
export const RATE_LIMITED_PREFIXES = ['/api/', '/feeds/', '/sitemap'] as const

/** Sign-in and password-reset requests: the strict per-address limit (POST only). */
export const LOGIN_PATHS = new Set([
  '/api/editors/login',
  '/api/editors/forgot-password',
  '/api/editors/reset-password',
])

const TOKEN_COOKIE = 'payload-token'

const clientAddress = (req: Request): string =>
  ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')

const tooMany =
  (what: string): Options['handler'] =>
  (_req, res) => {
    res.setHeader('Cache-Control', 'no-store')
    res.status(429).json({
      errors: [
        {
          message: `Too many ${what}; retry after ${String(res.getHeader('Retry-After') ?? 'a while')} s.`,
        },
      ],
    })
  }

const common = {
  standardHeaders: 'draft-7',
  legacyHeaders: false,
  // Express's req.ip honours TRUST_PROXY (app 'trust proxy'); the key is made with ipKeyGenerator
  validate: { trustProxy: false, xForwardedForHeader: false, keyGeneratorIpFallback: false },
} as const

const staffToken = (req: Request): string | null => {
  const auth = req.headers.authorization
  if (auth?.startsWith('JWT ')) return auth.slice(4)
  if (auth?.startsWith('Bearer ')) return auth.slice(7)
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${TOKEN_COOKIE}=`))
  if (!cookie) return null
  try {
    return decodeURIComponent(cookie.slice(TOKEN_COOKIE.length + 1))
  } catch {
    return null // malformed escape: not a token of ours
  }
}

/**
 * Whether a login token is one this CMS signed (HS256 with Payload's secret, not expired). Only
 * decides which rate-limit bucket a request falls in; Payload authenticates the request itself.
 */
export const isSignedLoginToken = (token: string, secret: string, now = Date.now()): boolean => {
  const parts = token.split('.')
  if (parts.length !== 3 || token.length > 4096) return false
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as {
      alg?: string
    }
    if (header.alg !== 'HS256') return false
    const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest()
    const given = Buffer.from(parts[2], 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as {
      exp?: number
    }
    return typeof claims.exp !== 'number' || claims.exp * 1000 > now
  } catch {
    return false
  }
}

/**
 * Marks requests of signed-in staff (a login token signed with this instance's secret): the admin
 * panel is not counted against the per-address reader limit (the load shedding still applies).
 */
const markStaff =
  (getPayload: () => Payload | null): RequestHandler =>
  (req, res, next) => {
    const token = staffToken(req)
    const payload = getPayload()
    if (token && payload && isSignedLoginToken(token, payload.secret)) res.locals.staff = true
    next()
  }

const limitedPath = (path: string) =>
  RATE_LIMITED_PREFIXES.some((prefix) => path.startsWith(prefix))

/**
 * The API's rate limits (express-rate-limit, in-process memory), each 429 with Retry-After:
 * - sign-in, forgot-password and reset-password: `login` per address per 15 minutes, every attempt
 *   counted (the login throttle, src/security/loginThrottle.ts, adds its per-account delays and
 *   429s for failures inside this);
 * - refused API keys (unknown, malformed, disabled): `badKey` per address per 15 minutes, then 429
 *   before any lookup (valid keys are never counted);
 * - reads: API clients `apiClient` per key (bucket named by a hash of the key), everyone else
 *   `anonymous` per address; signed-in staff are not counted.
 * The API-key gate (401/403, apiKeyGate.ts) runs between the bad-key and the read limit.
 */
export const apiRateLimits = (
  getPayload: () => Payload | null,
  limits: RateLimits = env.rateLimits(),
): RequestHandler[] => {
  const login = rateLimit({
    ...common,
    windowMs: STRICT_WINDOW_MS,
    limit: limits.login,
    skip: (req) => !(req.method === 'POST' && LOGIN_PATHS.has(req.path)),
    keyGenerator: (req) => clientAddress(req),
    handler: tooMany('sign-in or password-reset requests from this address'),
  })
  // called by the API-key gate for refused keys only (a valid key is never counted)
  const badKey = rateLimit({
    ...common,
    windowMs: STRICT_WINDOW_MS,
    limit: limits.badKey,
    keyGenerator: (req) => clientAddress(req),
    handler: tooMany('requests with an invalid API key from this address'),
  })
  const failures: KeyFailures = {
    blocked: async (req) => {
      const info = await badKey.getKey(clientAddress(req))
      if (!info || info.totalHits < limits.badKey) return null
      const resetMs = info.resetTime ? info.resetTime.getTime() - Date.now() : STRICT_WINDOW_MS
      return Math.max(1, Math.ceil(resetMs / 1000))
    },
    record: (req, res, answer) => void badKey(req, res, answer),
  }
  const client = (res: Response) => res.locals.apiClient as EdgeApiClient | undefined
  const reads = rateLimit({
    ...common,
    windowMs: limits.windowMs,
    limit: (_req, res) => (client(res) ? limits.apiClient : limits.anonymous),
    skip: (req, res) => res.locals.staff === true || !limitedPath(req.path),
    keyGenerator: (req, res) => {
      const apiClient = client(res)
      return apiClient ? `key:${apiClient.fingerprint}` : `ip:${clientAddress(req)}`
    },
    handler: tooMany('requests'),
  })
  return [login, apiKeyGate(getPayload, failures), markStaff(getPayload), reads]
}
