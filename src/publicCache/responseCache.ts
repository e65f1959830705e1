import { createHash } from 'node:crypto'

import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import type { PublicCacheSettings } from '@/config/publicCache'
import { clearOnGenerationChange, currentGeneration } from './generation'
import type { Generation } from './generation'
import { isCacheablePath } from './paths'
import { isPublicReader } from './reader'

/**
 * The response cache for anonymous public reads: whole responses (status 200, body ≤
 * PUBLIC_CACHE_MAX_ENTRY_BYTES) kept in an LRU bounded in bytes (PUBLIC_CACHE_MAX_BYTES), keyed by
 * method + URL under the content generation they were read in, and emptied when the generation
 * changes. A hit is answered before the concurrency limiter (a spike on cached URLs never queues);
 * concurrent misses for one URL wait for the first one (one database read per URL and generation).
 * Every public 200 carries a strong ETag (generation + body hash), Last-Modified (when the
 * generation changed) and `Cache-Control: public, max-age, stale-while-revalidate`; a matching
 * If-None-Match (or If-Modified-Since) gets 304. Anything not public gets `private, no-store`.
 */
export interface CachedResponse {
  generation: string
  status: number
  headers: [string, string][]
  body: Buffer
  etag: string
  lastModified: string
  changedAt: number
}

interface Pending {
  key: string
  generation: Generation
  settle: (entry: CachedResponse | null) => void
}

/** res.locals key: a cacheable miss on its way to Payload. */
const PENDING = 'redaksiPublicCacheMiss'
/** res.locals key: the request may not be served publicly (no-store on the way out). */
const PRIVATE = 'redaksiPublicCachePrivate'

const DROPPED_HEADERS = new Set([
  'set-cookie',
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'etag',
  'last-modified',
  'cache-control',
  'vary',
  // src/publicCache/documentCache.ts: true of the request that computed the entry, not of a hit
  'x-document-cache',
])

export const VARY = 'Authorization, Cookie'

const etagFor = (generation: string, body: Buffer): string =>
  `"g${generation}-${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`

const matchesIfNoneMatch = (header: string, etag: string): boolean =>
  header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)

const notModified = (req: Request, entry: Pick<CachedResponse, 'etag' | 'changedAt'>): boolean => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const inm = req.headers['if-none-match']
  if (inm !== undefined) return matchesIfNoneMatch(inm, entry.etag)
  const ims = req.headers['if-modified-since']
  if (ims !== undefined) {
    const since = Date.parse(ims)
    return Number.isFinite(since) && Math.floor(entry.changedAt / 1000) * 1000 <= since
  }
  return false
}

export interface PublicCache {
  /** Express middleware before the limiter: serves hits and 304s, registers misses. */
  serve: RequestHandler
  /** Called by the API handler for every response it sends; returns true when it answered. */
  send: (
    req: Request,
    res: Response,
    status: number,
    headers: Headers,
    body: Buffer | null,
  ) => boolean
  /**
   * For the API handler, after the limiter: serve `key` (e.g. an anonymous GraphQL query by its
   * body) from the cache, or register the request as its miss. Resolves true when it answered.
   */
  lookup: (req: Request, res: Response, key: string) => Promise<boolean>
  /** Whether the API handler should buffer this response (a registered miss). */
  wantsBody: (res: Response) => boolean
  stats: () => { entries: number; bytes: number; hits: number; misses: number; generation: string }
  clear: () => void
}

export const createPublicCache = (
  settings: PublicCacheSettings,
  getPayload: () => Payload | null,
): PublicCache => {
  const lru = new LRUCache<string, CachedResponse>({
    maxSize: settings.maxBytes,
    maxEntrySize: settings.maxEntryBytes + 64 * 1024,
    sizeCalculation: (entry, key) =>
      entry.body.length +
      key.length +
      256 +
      entry.headers.reduce((n, [k, v]) => n + k.length + v.length, 0),
  })
  const inflight = new Map<string, Promise<CachedResponse | null>>()
  let hits = 0
  let misses = 0
  const known = clearOnGenerationChange(lru)

  const cacheControl = `public, max-age=${settings.maxAgeSeconds}, stale-while-revalidate=${settings.staleWhileRevalidateSeconds}`

  const writeEntry = (req: Request, res: Response, entry: CachedResponse, hit: boolean) => {
    res.setHeader('X-Cache', hit ? 'hit' : 'miss')
    // HTTP caching for GET/HEAD; an anonymous GraphQL query (POST) is cached in the process only
    if (req.method === 'GET' || req.method === 'HEAD') {
      res.setHeader('ETag', entry.etag)
      res.setHeader('Last-Modified', entry.lastModified)
      res.setHeader('Cache-Control', cacheControl)
      res.setHeader('Vary', VARY)
    }
    if (notModified(req, entry)) {
      res.status(304).end()
      return
    }
    for (const [name, value] of entry.headers) res.setHeader(name, value)
    res.setHeader('Content-Length', String(entry.body.length))
    res.status(entry.status)
    if (req.method === 'HEAD') res.end()
    else res.end(entry.body)
  }

  const serve: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const payload = getPayload()
    if (!settings.enabled || !payload || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next()
      return
    }
    if (!isCacheablePath(req.path)) {
      next()
      return
    }
    const query = new URLSearchParams(
      req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '',
    )
    if (!isPublicReader(req, query)) {
      res.locals[PRIVATE] = true
      next()
      return
    }
    void lookupCore(req, res, `GET ${req.url}`, payload).then(
      (answered) => {
        if (!answered) next()
      },
      () => {
        res.locals[PRIVATE] = true
        next()
      },
    )
  }

  /** true: answered from the cache; false: go on (registered as the miss when it is one). */
  const lookupCore = async (
    req: Request,
    res: Response,
    key: string,
    payload: Payload,
  ): Promise<boolean> => {
    const generation = await currentGeneration(payload, settings.generationCheckMs)
    const hit = lru.get(key)
    if (hit && hit.generation === generation.value) {
      hits++
      writeEntry(req, res, hit, true)
      return true
    }
    const flightKey = `${generation.value} ${key}`
    const waiting = inflight.get(flightKey)
    if (waiting) {
      const entry = await waiting
      if (entry && !res.headersSent) {
        hits++
        writeEntry(req, res, entry, true)
        return true
      }
      return false
    }
    misses++
    let settle!: (entry: CachedResponse | null) => void
    inflight.set(flightKey, new Promise<CachedResponse | null>((resolve) => (settle = resolve)))
    let settled = false
    const pending: Pending = {
      key,
      generation,
      settle: (entry) => {
        if (settled) return
        settled = true
        inflight.delete(flightKey)
        settle(entry)
      },
    }
    res.locals[PENDING] = pending
    // a shed, failed or abandoned request releases its waiters (they go through themselves)
    res.once('close', () => pending.settle(null))
    return false
  }

  const lookup: PublicCache['lookup'] = async (req, res, key) => {
    const payload = getPayload()
    if (!settings.enabled || !payload) return false
    try {
      return await lookupCore(req, res, key, payload)
    } catch {
      res.locals[PRIVATE] = true
      return false
    }
  }

  const send: PublicCache['send'] = (req, res, status, headers, body) => {
    const pending = res.locals[PENDING] as Pending | undefined
    if (!pending) {
      if (res.locals[PRIVATE] === true && !headers.has('cache-control')) {
        res.setHeader('Cache-Control', 'private, no-store')
      }
      return false
    }
    const cacheable =
      status === 200 &&
      body !== null &&
      body.length <= settings.maxEntryBytes &&
      headers.getSetCookie().length === 0 &&
      // a GraphQL answer with errors (partial data) is not kept
      !(req.method === 'POST' && body.includes('"errors"')) &&
      !/no-store|private/i.test(headers.get('cache-control') ?? '')
    if (!cacheable || body === null) {
      pending.settle(null)
      return false
    }
    const entry: CachedResponse = {
      generation: pending.generation.value,
      status,
      headers: [...headers.entries()].filter(([name]) => !DROPPED_HEADERS.has(name.toLowerCase())),
      body,
      etag: etagFor(pending.generation.value, body),
      lastModified: new Date(pending.generation.changedAt).toUTCString(),
      changedAt: pending.generation.changedAt,
    }
    if (entry.generation === known() || known() === '') lru.set(pending.key, entry)
    pending.settle(entry)
    writeEntry(req, res, entry, false)
    return true
  }

  return {
    serve,
    send,
    lookup,
    wantsBody: (res) => res.locals[PENDING] !== undefined,
    stats: () => ({
      entries: lru.size,
      bytes: lru.calculatedSize,
      hits,
      misses,
      generation: known(),
    }),
    clear: () => lru.clear(),
  }
}
