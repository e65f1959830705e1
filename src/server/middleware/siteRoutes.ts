import type { RequestHandler } from 'express'

/**
 * Payload serves endpoints under /api only. Paths a site publishes at the top level (feeds,
 * sitemaps: `custom.siteRoutes` in the Payload config, in Payload's endpoint syntax, e.g.
 * `/sitemap-:page.xml`) are rewritten to `/api<path>` here, for GET and HEAD; everything else
 * passes untouched.
 */
const compile = (route: string): RegExp =>
  new RegExp(
    `^${route
      .split(/(:[A-Za-z_][A-Za-z0-9_]*)/)
      .map((part) =>
        part.startsWith(':') ? '[^/]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
  )

export const siteRoutes = (routes: () => readonly string[] | undefined): RequestHandler => {
  let source: readonly string[] | undefined
  let patterns: RegExp[] = []
  return (req, _res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next()
      return
    }
    const list = routes()
    if (list !== source) {
      source = list
      patterns = (list ?? []).map(compile)
    }
    if (patterns.some((pattern) => pattern.test(req.path))) req.url = `/api${req.url}`
    next()
  }
}
