import type { RequestHandler } from 'express'

import { env } from '@/config/env'
import { configuredOrigins } from '@/security/origins'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const hasCookie = (cookieHeader: string | undefined, name: string): boolean =>
  (cookieHeader ?? '').split(';').some((part) => part.trim().startsWith(`${name}=`))

/**
 * CSRF guard: a state-changing request (anything but GET/HEAD/OPTIONS) that carries the login
 * cookie and no Authorization header must come with an Origin header naming this server (its own
 * Host), PUBLIC_URL or one of CORS_ORIGINS; otherwise 403 before Next or Payload see it. Requests
 * authenticated by an Authorization header (JWT, Bearer, API keys) are not affected: a browser
 * never attaches those on its own.
 */
export const csrfGuard = (options: { cookieName?: string } = {}): RequestHandler => {
  const cookieName = options.cookieName ?? 'payload-token'
  const trusted = new Set(configuredOrigins(env.originsEnv()))
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    if (req.headers.authorization) return next()
    if (!hasCookie(req.headers.cookie, cookieName)) return next()
    const origin = req.headers.origin
    const own = `${req.protocol}://${req.get('host') ?? ''}`
    if (origin && origin !== 'null' && (origin === own || trusted.has(origin))) return next()
    res.status(403).json({
      errors: [
        {
          message: origin
            ? `Rule security.csrf.origin: requests from ${origin} may not use this session; sign in from the CMS itself or use an Authorization header.`
            : 'Rule security.csrf.origin: a cookie-authenticated write must send an Origin header naming this CMS.',
          data: { rule: 'security.csrf.origin' },
        },
      ],
    })
  }
}
