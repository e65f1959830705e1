import type { IncomingMessage } from 'node:http'

/**
 * THE decision "is this request an anonymous public reader?", in one place: only such requests
 * are served from the response cache and get public Cache-Control. Anything that may change what
 * the server answers for this caller makes it not public: a login cookie (`payload-token`, or any
 * cookie named `*-token` under Payload's cookie prefix), any `Authorization` header (JWT, API keys
 * such as `api-clients API-Key …`), `draft`/`preview` query parameters, and Payload's method
 * override. Which methods and paths are cached is decided by the caller. (An API-client feature may later widen this to `published`-scope clients: it only has
 * to change this function.)
 */
export const isPublicReader = (req: IncomingMessage, query: URLSearchParams): boolean => {
  if (req.headers.authorization !== undefined) return false
  if (req.headers['x-payload-http-method-override'] || req.headers['x-http-method-override']) {
    return false
  }
  const cookie = req.headers.cookie
  if (cookie && /(?:^|;\s*)[^=;\s]*-token=/i.test(cookie)) return false
  for (const key of query.keys()) {
    const name = key.toLowerCase()
    if (name === 'draft' || name === 'preview' || name.startsWith('preview')) return false
  }
  return true
}
