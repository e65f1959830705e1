import type { Request } from 'express'
import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import type { PublicCacheSettings } from '@/config/publicCache'
import { fetchHeaders } from '@/server/api/fetchHeaders'
import { clearOnGenerationChange, currentGeneration } from './generation'
import { isPublicReader } from './reader'

/**
 * The document cache: the second level under the response cache, for anonymous list reads
 * (`GET /api/articles?…`, authors, media) whose URL is not (yet) in the response cache: page 2..n,
 * per-author and per-tag lists, each new `where`. Such a list is answered in two steps, both
 * through Payload's own REST handler with the reader's own request (no credentials):
 *
 *  1. the PAGE: the same query with `select[id]=true&depth=0`: Payload decides which documents
 *     the reader may see and in which order (access rules, embargo, `where`, `sort`, `limit`,
 *     `page`, the read caps, errors) and counts them;
 *  2. the DOCUMENTS: each id's public JSON at the requested depth and locale, from this cache, and
 *     those not in it with one more Payload read (`where[id][in]=…`, same depth and locale);
 *
 * then the body is the page's JSON with its `docs` replaced by those documents: byte for byte
 * what Payload answers for the whole query (tested against it). Entries live under the content
 * generation (src/publicCache/generation.ts) they were read in, like the response cache: a
 * change anywhere to public content empties both, in every app server, within
 * PUBLIC_CACHE_CHECK_MS. Ids only ever come from step 1, so a document the reader may not see
 * is never served from here, and an entry is only ever written from an anonymous read.
 *
 * Anything else goes the usual way (null): other parameters (`select`, `populate`, `joins`,
 * `draft`, `pagination`, …), credentials, a non-200 in either step, a document that vanished
 * between the steps.
 */
export interface AssembledList {
  status: 200
  headers: Headers
  body: Buffer
}

export interface DocumentCache {
  /** A whole list response built from cached documents, or null: let Payload answer. */
  list: (req: Request, restGet: RestGet) => Promise<AssembledList | null>
  stats: () => { entries: number; bytes: number; hits: number; misses: number }
  clear: () => void
}

export type RestGet = (
  request: globalThis.Request,
  args: { params: Promise<{ slug: string[] }> },
) => Promise<globalThis.Response>

/** Response header of an assembled list: `<documents from the cache>/<documents>`. */
export const DOCUMENT_CACHE_HEADER = 'X-Document-Cache'

/** Collections whose anonymous lists are assembled from cached documents. */
export const DOCUMENT_CACHED_LISTS = new Set(['articles', 'authors', 'media'])

/** The query parameters of a list this cache understands; any other sends the request to Payload. */
const PAGE_PARAM = /^(where(\[.*)?|sort|limit|page)$/
const DOCUMENT_PARAMS = new Set(['depth', 'locale', 'fallback-locale', 'fallbackLocale'])

interface PageResult {
  docs: { id: number | string }[]
  [meta: string]: unknown
}

const DOCS_PLACEHOLDER = '{"docs":0,'
const OPEN = Buffer.from('{"docs":[')
const COMMA = Buffer.from(',')

/** The collection of a list path (`/api/articles`), or null. */
const listCollection = (path: string): string | null => {
  const match = /^\/api\/([a-z0-9-]+)\/?$/.exec(path)
  return match && DOCUMENT_CACHED_LISTS.has(match[1]) ? match[1] : null
}

export const createDocumentCache = (
  settings: Pick<PublicCacheSettings, 'documents' | 'documentMaxBytes' | 'generationCheckMs'>,
  getPayload: () => Payload | null,
): DocumentCache => {
  // documents as UTF-8 JSON, so a list is one Buffer.concat (no per-request encoding)
  const lru = new LRUCache<string, Buffer>({
    maxSize: settings.documentMaxBytes,
    maxEntrySize: Math.max(1, Math.floor(settings.documentMaxBytes / 8)),
    sizeCalculation: (value, key) => value.length + key.length * 2 + 64,
  })
  let hits = 0
  let misses = 0
  const known = clearOnGenerationChange(lru)

  const forward = (req: Request, url: string): globalThis.Request =>
    new Request(url, { method: 'GET', headers: fetchHeaders(req) })

  const list: DocumentCache['list'] = async (req, restGet) => {
    const payload = getPayload()
    if (!settings.documents || !payload) return null
    if (req.method !== 'GET' && req.method !== 'HEAD') return null
    const collection = listCollection(req.path)
    if (!collection) return null
    const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : ''
    const query = new URLSearchParams(search)
    if (!isPublicReader(req, query)) return null
    const documentParams = new URLSearchParams()
    for (const [key, value] of query) {
      if (DOCUMENT_PARAMS.has(key)) documentParams.append(key, value)
      else if (!PAGE_PARAM.test(key)) return null
    }
    documentParams.sort()
    const generation = await currentGeneration(payload, settings.generationCheckMs)
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}/api/${collection}`
    const params = { params: Promise.resolve({ slug: [collection] }) }

    // 1. the page: which ids, in which order, and the pagination (Payload, the reader's access)
    const pageQuery = new URLSearchParams(query)
    pageQuery.delete('depth')
    pageQuery.set('depth', '0')
    pageQuery.set('select[id]', 'true')
    const pageResponse = await restGet(forward(req, `${origin}?${pageQuery}`), params)
    if (pageResponse.status !== 200) {
      await pageResponse.body?.cancel().catch(() => undefined)
      return null
    }
    const page = (await pageResponse.json()) as PageResult
    if (!Array.isArray(page.docs)) return null

    // 2. the documents: cached under this generation, the rest in one more Payload read
    const prefix = `${generation.value} ${collection} ${documentParams.toString()} `
    const docs = new Map<string, Buffer>()
    const missing: string[] = []
    for (const { id } of page.docs) {
      const cached = lru.get(prefix + String(id))
      if (cached !== undefined) {
        hits++
        docs.set(String(id), cached)
      } else {
        misses++
        missing.push(String(id))
      }
    }
    if (missing.length > 0) {
      const docsQuery = new URLSearchParams(documentParams)
      docsQuery.set('where[id][in]', missing.join(','))
      docsQuery.set('limit', String(missing.length))
      const docsResponse = await restGet(forward(req, `${origin}?${docsQuery}`), params)
      if (docsResponse.status !== 200) {
        await docsResponse.body?.cancel().catch(() => undefined)
        return null
      }
      const read = (await docsResponse.json()) as PageResult
      if (!Array.isArray(read.docs)) return null
      const store = generation.value === known() || known() === ''
      for (const doc of read.docs) {
        const json = Buffer.from(JSON.stringify(doc), 'utf8')
        docs.set(String(doc.id), json)
        if (store) lru.set(prefix + String(doc.id), json)
      }
    }
    // the page's own JSON with its docs swapped in: `docs` is Payload's first key
    const meta = JSON.stringify({ ...page, docs: 0 })
    if (!meta.startsWith(DOCS_PLACEHOLDER)) return null
    const parts: Buffer[] = [OPEN]
    for (const [index, { id }] of page.docs.entries()) {
      const json = docs.get(String(id))
      // changed between the two reads (e.g. just unpublished): Payload answers the whole query
      if (json === undefined) return null
      if (index > 0) parts.push(COMMA)
      parts.push(json)
    }
    parts.push(Buffer.from(`],${meta.slice(DOCS_PLACEHOLDER.length)}`, 'utf8'))
    const headers = new Headers(pageResponse.headers)
    headers.delete('content-length')
    // for operators and tests: documents served from the cache / documents in the list
    headers.set(DOCUMENT_CACHE_HEADER, `${page.docs.length - missing.length}/${page.docs.length}`)
    return { status: 200, headers, body: Buffer.concat(parts) }
  }

  return {
    list,
    stats: () => ({ entries: lru.size, bytes: lru.calculatedSize, hits, misses }),
    clear: () => lru.clear(),
  }
}
