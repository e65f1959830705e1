import { APIError } from 'payload'
import type { Endpoint, PayloadRequest } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import { BadRequestError } from '@/limits/readCaps'
import type { Article } from '@/payload-types'
import { buildFeed } from './feeds'
import type { FeedFormat } from './feeds'
import { NINJS_SCHEMA_URI, toNinjs } from './ninjs'
import {
  articleReadSelect,
  authorIdBySlug,
  countPublished,
  latestPublished,
  publishedPage,
  publishedSince,
} from './queries'
import type { SitemapArticle } from './queries'
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet } from './sitemaps'
import { articleUrl, articleView } from './view'

/** Articles per feed. */
export const FEED_SIZE = 50
/** Google News takes articles published in the last two days. */
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000
const MAX_FILTER_LENGTH = 200

const notFound = (message: string) => new APIError(message, 404, undefined, true)

/** The origin Payload saw (Next's request URL; its own file URLs use it). */
const payloadOrigin = (req: PayloadRequest): string | undefined => {
  try {
    return new URL(req.url ?? '').origin
  } catch {
    return undefined
  }
}

/**
 * The CMS's public base URL for links: PUBLIC_URL; without it, the address the server listens on
 * (the request's Host only when it names one of those addresses, e.g. localhost vs 127.0.0.1: a
 * forged Host never ends up in a feed a cache could keep). Deployments set PUBLIC_URL.
 */
const baseUrl = (req: PayloadRequest): string => {
  const configured = env.publicUrl()
  if (configured) return configured.replace(/\/+$/, '')
  const listening = (env.originsEnv().REDAKSI_LISTEN_ORIGINS ?? '').split(',').filter(Boolean)
  const host = req.headers?.get('host')
  const asked = host ? `http://${host}` : undefined
  if (asked && listening.includes(asked)) return asked
  return listening[0] ?? payloadOrigin(req) ?? 'http://localhost:3000'
}

/** The article view with links on the public base URL. */
const viewOf = (req: PayloadRequest, doc: Article) =>
  articleView(doc, baseUrl(req), payloadOrigin(req))

const xmlResponse = (body: string, type: string) =>
  new Response(body, { status: 200, headers: { 'Content-Type': `${type}; charset=utf-8` } })

/** One optional filter value: at most one, not empty, at most 200 characters, no control characters. */
const filterParam = (req: PayloadRequest, name: string): string | undefined => {
  const values = req.searchParams?.getAll(name) ?? []
  if (values.length === 0) return undefined
  if (values.length > 1) throw new BadRequestError(`Give at most one ${name}.`)
  const value = values[0].trim()
  if (value === '') throw new BadRequestError(`${name} must not be empty.`)
  if (value.length > MAX_FILTER_LENGTH) {
    throw new BadRequestError(`${name} must be at most ${MAX_FILTER_LENGTH} characters.`)
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new BadRequestError(`${name} must not contain control characters.`)
  }
  return value
}

const feedEndpoint = (format: FeedFormat, path: string): Endpoint => ({
  path,
  method: 'get',
  handler: async (req) => {
    const author = filterParam(req, 'author')
    const tag = filterParam(req, 'tag')
    const base = baseUrl(req)
    const { publicationName } = env.newsFormats()
    let articles: Article[] = []
    const authorId = author === undefined ? undefined : await authorIdBySlug(req, author)
    // an unknown author slug is an empty feed, like an author without published articles
    if (authorId !== null) articles = await latestPublished(req, { authorId, tag }, FEED_SIZE)
    const labels = [author && `author: ${author}`, tag && `tag: ${tag}`].filter(Boolean)
    const self = new URL(`${base}${path}`)
    if (author) self.searchParams.set('author', author)
    if (tag) self.searchParams.set('tag', tag)
    const xml = buildFeed(
      articles.map((doc) => viewOf(req, doc)),
      {
        format,
        publicationName,
        base,
        self: self.toString(),
        filterLabel: labels.length ? labels.join(', ') : undefined,
      },
    )
    return xmlResponse(xml, format === 'atom' ? 'application/atom+xml' : 'application/rss+xml')
  },
})

const entryOf = (doc: SitemapArticle, base: string) => ({
  url: articleUrl(doc, base),
  lastModified: doc.updatedAt,
})

const sitemapPageCount = (total: number, pageSize: number) =>
  Math.max(1, Math.ceil(total / pageSize))

/** /sitemap.xml: every published article, or an index of /sitemap-<n>.xml pages beyond SITEMAP_PAGE_SIZE. */
const sitemapEndpoint: Endpoint = {
  path: '/sitemap.xml',
  method: 'get',
  handler: async (req) => {
    const base = baseUrl(req)
    const { sitemapPageSize } = env.newsFormats()
    const total = await countPublished(req)
    if (total <= sitemapPageSize) {
      const docs = await publishedPage(req, 1, sitemapPageSize)
      return xmlResponse(buildUrlSet(docs.map((doc) => entryOf(doc, base))), 'application/xml')
    }
    const pages = sitemapPageCount(total, sitemapPageSize)
    return xmlResponse(
      buildSitemapIndex(
        Array.from({ length: pages }, (_, index) => ({ url: `${base}/sitemap-${index + 1}.xml` })),
      ),
      'application/xml',
    )
  },
}

const sitemapPageEndpoint: Endpoint = {
  path: '/sitemap-:page.xml',
  method: 'get',
  handler: async (req) => {
    const raw = String(req.routeParams?.page ?? '')
    if (!/^[1-9][0-9]{0,6}$/.test(raw)) throw notFound('No such sitemap.')
    const page = Number(raw)
    const { sitemapPageSize } = env.newsFormats()
    const total = await countPublished(req)
    if (page > sitemapPageCount(total, sitemapPageSize)) throw notFound('No such sitemap page.')
    const base = baseUrl(req)
    const docs = await publishedPage(req, page, sitemapPageSize)
    return xmlResponse(buildUrlSet(docs.map((doc) => entryOf(doc, base))), 'application/xml')
  },
}

const newsSitemapEndpoint: Endpoint = {
  path: '/sitemap-news.xml',
  method: 'get',
  handler: async (req) => {
    const base = baseUrl(req)
    const { publicationName } = env.newsFormats()
    const docs = await publishedSince(req, new Date(Date.now() - NEWS_WINDOW_MS))
    const entries = docs
      .filter((doc) => doc.publishedAt)
      .map((doc) => ({
        url: articleUrl(doc, base),
        title: doc.title ?? '',
        language: doc.language || 'id',
        publishedAt: doc.publishedAt as string,
      }))
    return xmlResponse(buildNewsSitemap(publicationName, entries), 'application/xml')
  },
}

/** The top-level paths served by these endpoints (src/server/middleware/siteRoutes.ts rewrites them to /api). */
export const SITE_ROUTES = [
  '/feeds/rss.xml',
  '/feeds/atom.xml',
  '/sitemap.xml',
  '/sitemap-news.xml',
  '/sitemap-:page.xml',
]

const getEndpoints: Endpoint[] = [
  feedEndpoint('rss', '/feeds/rss.xml'),
  feedEndpoint('atom', '/feeds/atom.xml'),
  sitemapEndpoint,
  newsSitemapEndpoint,
  sitemapPageEndpoint,
]

/**
 * Root endpoints, in match order (the news sitemap before the numbered pages). Crawlers send HEAD
 * too: Next answers it with the GET handler's headers, and Payload matches it as method `head`.
 */
export const rootEndpoints: Endpoint[] = [
  ...getEndpoints,
  ...getEndpoints.map((endpoint): Endpoint => ({ ...endpoint, method: 'head' })),
]

const INTEGER_ID = /^[1-9][0-9]{0,15}$/
const OBJECT_ID = /^[0-9a-f]{24}$/i

const articleId = (req: PayloadRequest): string => {
  const raw = String(req.routeParams?.id ?? '')
  const numeric = req.payload.db.defaultIDType === 'number'
  const valid = numeric
    ? INTEGER_ID.test(raw) && Number(raw) <= Number.MAX_SAFE_INTEGER
    : OBJECT_ID.test(raw)
  if (!valid) {
    throw new BadRequestError(
      `Invalid id "${raw.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}": ${numeric ? 'ids are positive whole numbers' : 'ids are 24-character hexadecimal ObjectIds'}.`,
    )
  }
  return raw
}

/**
 * The article as ninjs, read as this caller reads it (access rules, `?draft=true` only for those
 * who may read drafts), so what is 404 through REST is 404 here. The credited editor of an imported source is
 * read from the same version with access off (the `source` group is staff-only as a whole).
 */
const ninjsResponse = async (req: PayloadRequest, doc: Article | null, asked: boolean) => {
  if (!doc) throw notFound('Article not found.')
  // What the caller got: a draft only when one was asked for, allowed and is the newest version
  // (the access hooks turn `draft` off for readers who may not see drafts; the version count and
  // the source read must not look past what they got).
  const draft = asked && (doc as { _status?: unknown })._status !== 'published'
  const [credited, versions] = await Promise.all([
    req.payload.findByID({
      collection: ARTICLES_SLUG,
      id: doc.id,
      draft,
      depth: 0,
      select: { source: { editor: true } },
      overrideAccess: true,
      disableErrors: true,
      req,
    }),
    req.payload.countVersions({
      collection: ARTICLES_SLUG,
      where: {
        and: [
          { parent: { equals: doc.id } },
          ...(draft ? [] : [{ 'version._status': { equals: 'published' } }]),
        ],
      },
      overrideAccess: true,
      req,
    }),
  ])
  const { publicationName } = env.newsFormats()
  const ninjs = toNinjs(viewOf(req, doc), {
    version: versions.totalDocs,
    publicationName,
    creditedEditor: credited?.source?.editor ?? null,
  })
  return Response.json(ninjs, {
    headers: { Link: `<${NINJS_SCHEMA_URI.replace(/#$/, '')}>; rel="describedby"` },
  })
}

const wantsDraft = (req: PayloadRequest) => req.searchParams?.get('draft') === 'true'

/** GET /api/articles/:id/ninjs */
export const ninjsByIdEndpoint: Endpoint = {
  path: '/:id/ninjs',
  method: 'get',
  handler: async (req) => {
    const id = articleId(req)
    const draft = wantsDraft(req)
    const doc = await req.payload.findByID({
      collection: ARTICLES_SLUG,
      id,
      draft,
      depth: 1,
      select: articleReadSelect(req),
      overrideAccess: false,
      disableErrors: true,
      req,
    })
    return ninjsResponse(req, doc, draft)
  },
}

/** GET /api/articles/slug/:slug/ninjs */
export const ninjsBySlugEndpoint: Endpoint = {
  path: '/slug/:slug/ninjs',
  method: 'get',
  handler: async (req) => {
    const slug = String(req.routeParams?.slug ?? '')
    // eslint-disable-next-line no-control-regex
    if (slug === '' || slug.length > 300 || /[\u0000-\u001f\u007f]/.test(slug)) {
      throw new BadRequestError('Invalid slug: 1 to 300 characters without control characters.')
    }
    const draft = wantsDraft(req)
    const { docs } = await req.payload.find({
      collection: ARTICLES_SLUG,
      where: { slug: { equals: slug } },
      limit: 1,
      draft,
      depth: 1,
      select: articleReadSelect(req),
      overrideAccess: false,
      req,
    })
    return ninjsResponse(req, docs[0] ?? null, draft)
  },
}
