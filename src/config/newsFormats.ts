import { ConfigError } from './errors'

type Env = Readonly<Record<string, string | undefined>>

/** Settings of the news formats (feeds, sitemaps, ninjs): src/features/newsFormats. */
export interface NewsFormatSettings {
  /** The outlet's name in feeds, `news:publication` and as the fallback ninjs copyright holder (PUBLICATION_NAME). */
  publicationName: string
  /** Articles per sitemap file; over this, /sitemap.xml becomes an index of /sitemap-<n>.xml (SITEMAP_PAGE_SIZE). */
  sitemapPageSize: number
}

/** The sitemap protocol's own limit: at most 50,000 URLs per file. */
export const SITEMAP_MAX_URLS = 50_000

/** PUBLICATION_NAME (default "Redaksi", at most 200 characters) and SITEMAP_PAGE_SIZE (1–50,000, default 50,000). */
export const readNewsFormatSettings = (env: Env): NewsFormatSettings => {
  const name = env.PUBLICATION_NAME?.trim() || 'Redaksi'
  // eslint-disable-next-line no-control-regex
  if (name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new ConfigError(
      'PUBLICATION_NAME',
      'PUBLICATION_NAME must be at most 200 characters without control characters',
    )
  }
  const rawSize = env.SITEMAP_PAGE_SIZE?.trim()
  let sitemapPageSize = SITEMAP_MAX_URLS
  if (rawSize) {
    if (!/^\d+$/.test(rawSize) || Number(rawSize) < 1 || Number(rawSize) > SITEMAP_MAX_URLS) {
      throw new ConfigError(
        'SITEMAP_PAGE_SIZE',
        `SITEMAP_PAGE_SIZE must be a whole number from 1 to ${SITEMAP_MAX_URLS}, got "${rawSize.slice(0, 40)}"`,
      )
    }
    sitemapPageSize = Number(rawSize)
  }
  return { publicationName: name, sitemapPageSize }
}
