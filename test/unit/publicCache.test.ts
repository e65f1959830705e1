import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import { ConfigError } from '@/config/errors'
import { resolvePublicCache } from '@/config/publicCache'
import { isCacheablePath } from '@/publicCache/paths'
import { isPublicReader } from '@/publicCache/reader'

const request = (headers: Record<string, string> = {}, method = 'GET') =>
  ({ method, headers }) as unknown as IncomingMessage

describe('isPublicReader', () => {
  it('an anonymous request without credentials is a public reader', () => {
    expect(isPublicReader(request(), new URLSearchParams('limit=20&depth=1'))).toBe(true)
    expect(isPublicReader(request({ cookie: 'theme=dark; _ga=1' }), new URLSearchParams())).toBe(
      true,
    )
  })

  it('any credential, draft or preview makes it private', () => {
    const none = new URLSearchParams()
    expect(isPublicReader(request({ authorization: 'JWT abc' }), none)).toBe(false)
    expect(isPublicReader(request({ authorization: 'api-clients API-Key k' }), none)).toBe(false)
    expect(isPublicReader(request({ authorization: '' }), none)).toBe(false)
    expect(isPublicReader(request({ cookie: 'payload-token=abc' }), none)).toBe(false)
    expect(isPublicReader(request({ cookie: 'a=b; payload-token=abc' }), none)).toBe(false)
    expect(isPublicReader(request({ cookie: 'redaksi-token=abc' }), none)).toBe(false)
    expect(isPublicReader(request({ 'x-payload-http-method-override': 'GET' }), none)).toBe(false)
    expect(isPublicReader(request(), new URLSearchParams('draft=true'))).toBe(false)
    expect(isPublicReader(request(), new URLSearchParams('draft=false'))).toBe(false)
    expect(isPublicReader(request(), new URLSearchParams('DRAFT=1'))).toBe(false)
    expect(isPublicReader(request(), new URLSearchParams('preview=1'))).toBe(false)
    expect(isPublicReader(request(), new URLSearchParams('previewToken=x'))).toBe(false)
  })
})

describe('isCacheablePath', () => {
  it('public collections, search and site routes (also ones added later)', () => {
    for (const path of [
      '/api/articles',
      '/api/articles/12',
      '/api/articles/12/ninjs',
      '/api/articles/slug/some-slug/ninjs',
      '/api/authors',
      '/api/media/3',
      '/api/search',
      '/api/feeds/rss.xml',
      '/api/feeds/sitemap.xml',
      '/api/sitemap.xml',
      '/api/sitemap-news.xml',
      '/api/sitemap-2.xml',
    ]) {
      expect(isCacheablePath(path), path).toBe(true)
    }
  })

  it('staff routes, versions, files and other collections are not', () => {
    for (const path of [
      '/api/articles/versions',
      '/api/articles/versions/3',
      '/api/articles/12/workflow',
      '/api/editors',
      '/api/editors/me',
      '/api/audit-events',
      '/api/media/file/a.jpg',
      '/api/articlesx',
      '/api/graphql',
      '/api/payload-preferences',
      '/admin',
      '/feeds/rss.xml',
      '/api/sitemap.xml.bak',
      '/api/sitemaps',
    ]) {
      expect(isCacheablePath(path), path).toBe(false)
    }
  })
})

describe('resolvePublicCache', () => {
  it('has defaults', () => {
    expect(resolvePublicCache({})).toEqual({
      enabled: true,
      maxAgeSeconds: 10,
      staleWhileRevalidateSeconds: 60,
      maxBytes: 32 * 1024 * 1024,
      maxEntryBytes: 1024 * 1024,
      documents: true,
      documentMaxBytes: 32 * 1024 * 1024,
      generationCheckMs: 500,
    })
    expect(resolvePublicCache({ PUBLIC_CACHE: 'off' }).enabled).toBe(false)
    expect(resolvePublicCache({ PUBLIC_CACHE: 'off' }).documents).toBe(true)
    expect(resolvePublicCache({ PUBLIC_DOCUMENT_CACHE: 'off' }).documents).toBe(false)
    expect(resolvePublicCache({ PUBLIC_DOCUMENT_CACHE_MAX_BYTES: '4mb' }).documentMaxBytes).toBe(
      4 * 1024 * 1024,
    )
  })

  it('refuses bad values, naming the variable', () => {
    expect(() => resolvePublicCache({ PUBLIC_CACHE: 'maybe' })).toThrow(ConfigError)
    expect(() => resolvePublicCache({ PUBLIC_DOCUMENT_CACHE: 'yes' })).toThrow(
      /PUBLIC_DOCUMENT_CACHE/,
    )
    expect(() => resolvePublicCache({ PUBLIC_CACHE_MAX_AGE: '-1' })).toThrow(/PUBLIC_CACHE_MAX_AGE/)
    expect(() => resolvePublicCache({ PUBLIC_CACHE_CHECK_MS: '5000' })).toThrow(
      /PUBLIC_CACHE_CHECK_MS/,
    )
    expect(() => resolvePublicCache({ PUBLIC_CACHE_MAX_BYTES: 'lots' })).toThrow(
      /PUBLIC_CACHE_MAX_BYTES/,
    )
    expect(() =>
      resolvePublicCache({ PUBLIC_CACHE_MAX_BYTES: '1mb', PUBLIC_CACHE_MAX_ENTRY_BYTES: '2mb' }),
    ).toThrow(/PUBLIC_CACHE_MAX_ENTRY_BYTES/)
  })
})
