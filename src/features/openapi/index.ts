import type { Config, Endpoint, Plugin } from 'payload'

import { buildOpenApiDocument } from './document'

let cached: { body: string } | null = null

/** GET /api/openapi.json: the Delivery API's OpenAPI 3.1 document (built once per process). */
export const openApiEndpoint: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: (req) => {
    cached ??= { body: JSON.stringify(buildOpenApiDocument(req.payload)) }
    return new Response(cached.body, {
      status: 200,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'public, max-age=300',
      },
    })
  },
}

/** The OpenAPI document as one Payload plugin (a root endpoint). */
export const openApiPlugin: Plugin = (config: Config): Config => ({
  ...config,
  endpoints: [...(config.endpoints ?? []), openApiEndpoint],
})
