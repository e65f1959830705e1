import { ConfigError } from './errors'

/** The placeholder PUBLIC_SITE_URL must contain, replaced by an article's slug. */
export const SLUG_PLACEHOLDER = ':slug'

/**
 * PUBLIC_SITE_URL: where the newsroom's website shows an article, as a pattern with `:slug`
 * (e.g. https://news.example/articles/:slug). Unset: `<PUBLIC_URL or http://localhost:PORT>/articles/:slug`.
 * Must be an absolute http(s) URL with exactly one `:slug`, and no credentials.
 */
export const parseSiteUrlPattern = (raw: string | undefined, fallbackOrigin: string): string => {
  const value = raw?.trim()
  if (!value) return `${fallbackOrigin.replace(/\/+$/, '')}/articles/${SLUG_PLACEHOLDER}`
  const fail = (why: string): never => {
    throw new ConfigError('PUBLIC_SITE_URL', `PUBLIC_SITE_URL ${why}, got "${value.slice(0, 200)}"`)
  }
  if (value.split(SLUG_PLACEHOLDER).length !== 2) fail('must contain ":slug" exactly once')
  let parsed: URL
  try {
    parsed = new URL(value.replace(SLUG_PLACEHOLDER, 'slug'))
  } catch {
    return fail('must be an absolute URL such as https://news.example/articles/:slug')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') fail('must use http or https')
  if (parsed.username || parsed.password) fail('must not contain credentials')
  if (value.length > 500) fail('must be at most 500 characters')
  return value
}

/** An article's public URL from the pattern (the slug is percent-encoded as a path segment). */
export const fillSiteUrl = (pattern: string, slug: string): string =>
  pattern.replace(SLUG_PLACEHOLDER, encodeURIComponent(slug))
