import type { Endpoint } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { API_CLIENTS_SLUG } from '@collections/slugs'
import { generateApiKey, keyHint } from '../keys'

const json = (body: unknown, status: number) =>
  Response.json(body, {
    status,
    // the key is in this body: no cache anywhere may keep it
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  })

/**
 * POST /api/api-clients/:id/key (admins only): makes a new key for the client, replacing any
 * previous one (which stops working at once), and answers it this one time as `{ key, keyHint }`.
 * The database keeps only Payload's HMAC index, its encrypted copy (never read back) and the hint.
 */
export const issueKeyEndpoint: Endpoint = {
  path: '/:id/key',
  method: 'post',
  handler: async (req) => {
    if (!isAdmin({ req })) {
      return json({ errors: [{ message: 'Only admins manage API keys.' }] }, req.user ? 403 : 401)
    }
    const id = req.routeParams?.id as string
    const key = generateApiKey()
    const hint = keyHint(key)
    // update() checks the id (400 for a malformed one) and throws NotFound (404) for none
    await req.payload.update({
      collection: API_CLIENTS_SLUG,
      id,
      data: { enableAPIKey: true, apiKey: key, keyHint: hint },
      depth: 0,
      overrideAccess: true,
      req,
    })
    req.payload.logger.info({ clientId: id, keyHint: hint }, 'API client key issued')
    return json({ key, keyHint: hint, message: 'Copy the key now: it is not shown again.' }, 201)
  },
}
