import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { runInDbScope } from '@/db/sqlite/scope'
import { checkKey, keyFingerprint, presentedKey } from '@/features/apiClients'

/** What the edge knows about the request's API client (res.locals.apiClient). */
export type EdgeApiClient = { fingerprint: string; scope: string }

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const unauthorized = (res: Parameters<RequestHandler>[1]) => {
  res.setHeader('WWW-Authenticate', 'api-clients API-Key')
  res.setHeader('Cache-Control', 'no-store')
  res.status(401).json({
    errors: [
      {
        message:
          'This API key is not valid (unknown, malformed, replaced, disabled or deleted). Send `Authorization: api-clients API-Key <key>` with a current key.',
      },
    ],
  })
}

/**
 * A request that presents an API key (`Authorization: api-clients …`) must present a current key
 * of an enabled client: otherwise 401 here, never an anonymous answer. The key is looked up on
 * every request (a disabled or deleted client is refused at once). API clients are read-only:
 * anything but GET/HEAD/OPTIONS and GraphQL's POST gets 403. The key itself is never logged or kept;
 * later middleware sees only its fingerprint.
 */
export const apiKeyGate =
  (getPayload: () => Payload | null): RequestHandler =>
  (req, res, next) => {
    const presented = presentedKey(req.headers.authorization)
    if (presented.kind === 'none') return next()
    if (presented.kind === 'malformed') return unauthorized(res)
    const payload = getPayload()
    if (!payload) return next() // still starting: the not-ready answer follows
    runInDbScope(`api-key ${req.method}`, () => checkKey(payload, presented.key)).then((check) => {
      if (!check.ok) return unauthorized(res)
      if (
        !READ_METHODS.has(req.method) &&
        !(req.method === 'POST' && req.path === '/api/graphql')
      ) {
        res.status(403).json({
          errors: [{ message: 'API clients are read-only: this request needs a staff account.' }],
        })
        return
      }
      res.locals.apiClient = {
        fingerprint: keyFingerprint(presented.key),
        scope: String(check.client.scope ?? 'published'),
      } satisfies EdgeApiClient
      next()
    }, next)
  }
