import type { RequestHandler } from 'express'

/**
 * Security headers on every response (helmet's relevant defaults, without a script-src policy that
 * would break Next's inline bootstrap): no MIME sniffing, no framing by other sites (the admin's own
 * previews may frame it), no Flash/plugins, no <base> hijack, a strict referrer policy. Uploaded
 * files additionally get a sandboxing CSP so an SVG or HTML upload cannot run script on our origin.
 */
export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('X-DNS-Prefetch-Control', 'off')
  res.setHeader('X-Permitted-Cross-Domain-Policies', 'none')
  if (/^\/api\/[^/]+\/file\//.test(req.path)) {
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox; frame-ancestors 'self'")
  } else {
    res.setHeader(
      'Content-Security-Policy',
      "frame-ancestors 'self'; base-uri 'self'; object-src 'none'",
    )
  }
  next()
}
