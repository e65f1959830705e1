/**
 * Which GET paths hold public content that the content generation covers (articles, authors,
 * media and everything derived from them): the REST collections, search, and the site routes
 * (feeds, sitemaps, ninjs) once they exist — by path, so routes added later under these prefixes
 * are cached without further wiring. Top-level site routes (`/feeds/…`, `/sitemap.xml`) are
 * rewritten to `/api/feeds/…` before the cache sees them (src/server/middleware/siteRoutes.ts).
 */
const PREFIXES = [
  '/api/articles',
  '/api/authors',
  '/api/media',
  '/api/corrections',
  '/api/search',
  '/api/feeds',
]

/** Segments that are never public content (staff operations, versions, files). */
const EXCLUDED_SEGMENTS = new Set([
  'versions',
  'me',
  'access',
  'init',
  'file',
  'workflow',
  'count-staff',
  'preview',
])

/** The sitemaps: `/sitemap.xml`, `/sitemap-news.xml`, `/sitemap-<page>.xml` (rewritten to /api). */
const SITEMAP = /^\/api\/sitemap(-[a-z0-9]+)?\.xml$/i

export const isCacheablePath = (path: string): boolean => {
  if (SITEMAP.test(path)) return true
  const prefix = PREFIXES.find((p) => path === p || path.startsWith(`${p}/`))
  if (!prefix) return false
  return !path
    .slice(prefix.length)
    .split('/')
    .some((segment) => EXCLUDED_SEGMENTS.has(segment.toLowerCase()))
}
