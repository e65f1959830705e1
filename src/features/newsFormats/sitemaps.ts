import { escapeXml } from './xml'

/** Sitemaps (https://www.sitemaps.org/protocol.html) and Google News sitemaps, written directly (pure). */

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

export interface SitemapEntry {
  url: string
  lastModified: string
}

export interface NewsSitemapEntry {
  url: string
  title: string
  language: string
  publishedAt: string
}

const iso = (date: string): string => new Date(date).toISOString()

/** A `<urlset>` of article URLs with their last modification. */
export const buildUrlSet = (entries: SitemapEntry[]): string =>
  [
    DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}">`,
    ...entries.map(
      (entry) =>
        `<url><loc>${escapeXml(entry.url)}</loc><lastmod>${iso(entry.lastModified)}</lastmod></url>`,
    ),
    '</urlset>',
    '',
  ].join('\n')

/** A `<sitemapindex>` naming the pages. */
export const buildSitemapIndex = (pages: { url: string; lastModified?: string }[]): string =>
  [
    DECLARATION,
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...pages.map(
      (page) =>
        `<sitemap><loc>${escapeXml(page.url)}</loc>${page.lastModified ? `<lastmod>${iso(page.lastModified)}</lastmod>` : ''}</sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n')

/** Google News: `news:publication` (name, language), `news:publication_date`, `news:title`. */
export const buildNewsSitemap = (publicationName: string, entries: NewsSitemapEntry[]): string =>
  [
    DECLARATION,
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`,
    ...entries.map((entry) =>
      [
        '<url>',
        `<loc>${escapeXml(entry.url)}</loc>`,
        '<news:news>',
        '<news:publication>',
        `<news:name>${escapeXml(publicationName)}</news:name>`,
        `<news:language>${escapeXml(entry.language)}</news:language>`,
        '</news:publication>',
        `<news:publication_date>${iso(entry.publishedAt)}</news:publication_date>`,
        `<news:title>${escapeXml(entry.title)}</news:title>`,
        '</news:news>',
        '</url>',
      ].join(''),
    ),
    '</urlset>',
    '',
  ].join('\n')
