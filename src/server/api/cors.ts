import type { RequestHandler, Response } from 'express'

import { env } from '@/config/env'
import { corsAllowlist } from '@/security/origins'

/**
 * `Vary: Origin` on every response (the allow header depends on the Origin, so shared caches must
 * key on it), kept when Next later sets its own Vary list.
 */
const keepVaryOrigin = (res: Response): void => {
  res.vary('Origin')
  const setHeader = res.setHeader.bind(res)
  res.setHeader = ((name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() === 'vary') {
      const list = (Array.isArray(value) ? value.join(',') : String(value))
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
      if (!list.some((v) => v.toLowerCase() === 'origin' || v === '*')) list.push('Origin')
      return setHeader(name, list.join(', '))
    }
    return setHeader(name, value)
  }) as Response['setHeader']
}

/**
 * CORS: browsers on the origins in CORS_ORIGINS may read the API (and send an API key); any other
 * origin gets no Access-Control-Allow-Origin header, so unset CORS_ORIGINS means same origin only.
 * Credentials (the staff login cookie) are never allowed cross-origin. Preflight requests are
 * answered here (204), with the allow headers only for an allowed origin.
 */
export const corsPolicy =
  (allow: Set<string> = corsAllowlist(env.corsOriginsRaw())): RequestHandler =>
  (req, res, next) => {
    const origin = req.headers.origin
    const preflight =
      req.method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string'
    keepVaryOrigin(res)
    const allowed = typeof origin === 'string' && allow.has(origin)
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin)
      res.setHeader(
        'Access-Control-Expose-Headers',
        'RateLimit, RateLimit-Policy, Retry-After, ETag, Last-Modified',
      )
    }
    if (!preflight) return next()
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, OPTIONS')
      res.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, Accept, If-None-Match, If-Modified-Since',
      )
      res.setHeader('Access-Control-Max-Age', '600')
    }
    res.status(204).end()
  }
