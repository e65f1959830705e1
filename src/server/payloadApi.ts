import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import { createHash } from 'node:crypto'

import type { NextFunction, Request, Response } from 'express'
import { parse } from 'graphql'
import type { SanitizedConfig } from 'payload'

import { isPublicReader } from '@/publicCache/reader'

import type { DocumentCache } from '@/publicCache/documentCache'
import type { PublicCache } from '@/publicCache/responseCache'
import { fetchHeaders } from './api/fetchHeaders'
import { readBody } from './limits/body'

type RouteHandler = (
  request: globalThis.Request,
  args: { params: Promise<{ slug: string[] }> },
) => Promise<globalThis.Response>
type PlainHandler = (request: globalThis.Request) => Promise<globalThis.Response>

interface Handlers {
  rest: Record<string, RouteHandler>
  graphql: PlainHandler
  playground: PlainHandler
}

const loadHandlers = async (config: Promise<SanitizedConfig>): Promise<Handlers> => {
  // The same builders src/app/(payload)/api/*/route.ts export to Next, called directly.
  const routes = await import('@payloadcms/next/routes')
  return {
    rest: {
      GET: routes.REST_GET(config) as RouteHandler,
      POST: routes.REST_POST(config) as RouteHandler,
      DELETE: routes.REST_DELETE(config) as RouteHandler,
      PATCH: routes.REST_PATCH(config) as RouteHandler,
      PUT: routes.REST_PUT(config) as RouteHandler,
      OPTIONS: routes.REST_OPTIONS(config) as RouteHandler,
    },
    graphql: routes.GRAPHQL_POST(config) as PlainHandler,
    playground: routes.GRAPHQL_PLAYGROUND_GET(config) as PlainHandler,
  }
}

const jsonError = (res: Response, status: number, message: string) => {
  res.status(status).json({ errors: [{ message }] })
}

/**
 * An anonymous GraphQL read (only `query` operations) is cached by its body, like a GET: the
 * cache answers it or registers it as the miss. Anything else (mutations, credentials, a body
 * that does not parse) goes to Payload untouched.
 */
const cachedGraphql = async (req: Request, res: Response, cache: PublicCache): Promise<boolean> => {
  const body = readBody(res)
  if (!body || body.length > 64 * 1024) return false
  const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
  if (!isPublicReader(req, new URLSearchParams(search))) return false
  try {
    const { query } = JSON.parse(body.toString('utf8')) as { query?: unknown }
    if (typeof query !== 'string') return false
    const document = parse(query, { noLocation: true })
    const readOnly = document.definitions.every(
      (d) =>
        d.kind === 'FragmentDefinition' ||
        (d.kind === 'OperationDefinition' && d.operation === 'query'),
    )
    if (!readOnly) return false
  } catch {
    return false
  }
  const key = `POST /api/graphql ${createHash('sha1').update(body).digest('base64url')}`
  return cache.lookup(req, res, key)
}

/** A Fetch API request for Payload from the Express one (body: what the guard read, or the stream). */
const toFetchRequest = (req: Request, res: Response, method: string): globalThis.Request => {
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.url}`
  const headers = fetchHeaders(req)
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers })
  const read = readBody(res)
  if (read) {
    headers.set('content-length', String(read.length))
    headers.delete('transfer-encoding')
    return new Request(url, { method, headers, body: new Uint8Array(read) })
  }
  const streaming = req.headers['content-length'] !== undefined || req.headers['transfer-encoding']
  if (!streaming) return new Request(url, { method, headers })
  return new Request(url, {
    method,
    headers,
    body: Readable.toWeb(req) as unknown as ReadableStream,
    duplex: 'half',
  } as RequestInit)
}

/**
 * Payload's REST and GraphQL API served straight from Express: the same handlers Next's route
 * files export (`@payloadcms/next/routes`, i.e. `handleEndpoints` and the GraphQL handler), called
 * with a Fetch request built from the Express one, without Next's routing, rendering and
 * request/response adaptation in between. Access rules, hooks and error shapes are Payload's own,
 * unchanged. Public 200s pass through the response cache (src/publicCache).
 */
export const payloadApi = (
  config: Promise<SanitizedConfig>,
  cache: PublicCache,
  documents: DocumentCache,
) => {
  let handlers: Promise<Handlers> | null = null
  const handle = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    handlers ??= loadHandlers(config)
    const h = await handlers
    const method = req.method === 'HEAD' ? 'GET' : req.method.toUpperCase()
    const path = req.path
    let response: globalThis.Response
    if (path === '/api/graphql' || path === '/api/graphql/') {
      if (method === 'POST') {
        if (await cachedGraphql(req, res, cache)) return
        response = await h.graphql(toFetchRequest(req, res, method))
      } else if (method === 'OPTIONS') {
        response = await h.rest.OPTIONS(toFetchRequest(req, res, method), {
          params: Promise.resolve({ slug: ['graphql'] }),
        })
      } else {
        res.setHeader('Allow', 'OPTIONS, POST')
        res.status(405).end()
        return
      }
    } else if (path === '/api/graphql-playground' && method === 'GET') {
      response = await h.playground(toFetchRequest(req, res, method))
    } else {
      const handler = h.rest[method]
      if (!handler) {
        res.setHeader('Allow', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')
        res.status(405).end()
        return
      }
      let slug: string[]
      try {
        slug = path
          .slice('/api/'.length)
          .split('/')
          .map((segment) => decodeURIComponent(segment))
      } catch {
        jsonError(res, 400, 'Malformed URL: a path segment is not valid percent-encoding.')
        return
      }
      // an anonymous list not in the response cache: from cached documents when it can be
      const assembled = method === 'GET' ? await documents.list(req, h.rest.GET) : null
      if (assembled) {
        writeBuffered(req, res, assembled.status, assembled.headers, assembled.body, cache)
        return
      }
      response = await handler(toFetchRequest(req, res, method), {
        params: Promise.resolve({ slug }),
      })
    }
    await writeResponse(req, res, response, cache).catch(next)
  }
  /**
   * Loads the handlers and builds the GraphQL schema before the first request: both take
   * hundreds of milliseconds of synchronous work that would otherwise stall the event loop
   * (and /healthz) under the first burst of traffic.
   */
  const warm = async (origin: string): Promise<void> => {
    handlers ??= loadHandlers(config)
    const h = await handlers
    const response = await h.graphql(
      new Request(`${origin}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
    )
    await response.arrayBuffer()
  }
  return Object.assign(handle, { warm })
}

const writeResponse = async (
  req: Request,
  res: Response,
  response: globalThis.Response,
  cache: PublicCache,
): Promise<void> => {
  if (cache.wantsBody(res)) {
    const body = response.body ? Buffer.from(await response.arrayBuffer()) : null
    writeBuffered(req, res, response.status, response.headers, body, cache)
    return
  }
  cache.send(req, res, response.status, response.headers, null)
  copyHead(res, response)
  if (!response.body || req.method === 'HEAD') {
    await response.body?.cancel().catch(() => undefined)
    res.end()
    return
  }
  await new Promise<void>((resolve, reject) => {
    const stream = Readable.fromWeb(response.body as unknown as WebReadableStream)
    stream.once('error', (err) => {
      if (res.headersSent) res.destroy(err)
      reject(err)
    })
    res.once('close', () => {
      stream.destroy()
      resolve()
    })
    stream.pipe(res)
  })
}

/** A whole body in hand: through the response cache (which answers a registered miss) or as is. */
const writeBuffered = (
  req: Request,
  res: Response,
  status: number,
  headers: Headers,
  body: Buffer | null,
  cache: PublicCache,
) => {
  if (cache.send(req, res, status, headers, body)) return
  copyHead(res, { status, headers })
  if (req.method === 'HEAD' || body === null) res.end()
  else {
    res.setHeader('Content-Length', String(body.length))
    res.end(body)
  }
}

const copyHead = (res: Response, response: Pick<globalThis.Response, 'status' | 'headers'>) => {
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie' || name === 'content-length') return
    res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies)
  const length = response.headers.get('content-length')
  if (length !== null) res.setHeader('Content-Length', length)
}
