import type { Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import { runInDbScope } from '@/db/sqlite/scope'
import { checkKey, keyFingerprint, presentedKey } from '@/features/apiClients'

/** What the edge knows about the request's API client (res.locals.apiClient). */
export type EdgeApiClient = { fingerprint: string; scope: string }

/**
 * Counting refused keys per client address (src/server/api/rateLimits.ts): `blocked` answers the
 * seconds to wait when the address is over its limit (checked before any lookup), `record` counts a
 * refusal and then answers (401, or 429 once over the limit). Valid keys are never counted.
 */
export interface KeyFailures {
  blocked: (req: Request) => Promise<number | null>
  record: (req: Request, res: Response, answer: () => void) => void
}

const NO_FAILURE_LIMIT: KeyFailures = {
  blocked: async () => null,
  record: (_req, _res, answer) => answer(),
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const unauthorized = (res: Response) => {
  if (res.headersSent) return
  res.setHeader('WWW-Authenticate', 'api-clients API-Key')
  res.setHeader('Cache-Control', 'private, no-store')
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
 * anything but GET/HEAD/OPTIONS and GraphQL's POST gets 403. The key itself is never logged or
 * kept; later middleware sees only its fingerprint.
 */
export const apiKeyGate =
  (getPayload: () => Payload | null, failures: KeyFailures = NO_FAILURE_LIMIT): RequestHandler =>
  (req, res, next) => {
    const presented = presentedKey(req.headers.authorization)
    if (presented.kind === 'none') return next()
    const payload = getPayload()
    if (!payload) return next() // still starting: the not-ready answer follows
    const refuse = () => failures.record(req, res, () => unauthorized(res))
    const gate = async () => {
      const retryAfter = await failures.blocked(req)
      if (retryAfter !== null) {
        res.setHeader('Retry-After', String(retryAfter))
        res.status(429).json({
          errors: [
            {
              message: `Too many requests with an invalid API key from this address; retry after ${retryAfter} s.`,
            },
          ],
        })
        return
      }
      if (presented.kind === 'malformed') return refuse()
      const check = await runInDbScope(`api-key ${req.method}`, () =>
        checkKey(payload, presented.key),
      )
      if (!check.ok) return refuse()
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
    }
    gate().catch(next)
  }
