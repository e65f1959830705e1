import type { NextFunction, Request, Response } from 'express'
import { describe, expect, it } from 'vitest'

import { ConfigError } from '@/config/errors'
import { readNewsFormatSettings } from '@/config/newsFormats'
import { buildFeed } from '@/features/newsFormats/feeds'
import { toNinjs } from '@/features/newsFormats/ninjs'
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet } from '@/features/newsFormats/sitemaps'
import { countWords } from '@/features/content/render'
import { absoluteLinks, articleView } from '@/features/newsFormats/view'
import type { ArticleView } from '@/features/newsFormats/view'
import { siteRoutes } from '@/server/middleware/siteRoutes'
import type { Article } from '@/payload-types'
import { ninjsErrors } from '../helpers/ninjs'
import { assertWellFormed, child, children, parseXml, rootOf, textOf } from '../helpers/xml'

const BASE = 'https://cms.example'
const NASTY = 'Tom & Jerry <b>bold</b> ]]> twice ]]> \u0001bell\u0007 \uD800lone "q" \'a\''
const CLEAN = 'Tom & Jerry <b>bold</b> ]]> twice ]]> bellbell lone "q" \'a\''.replace(
  'bellbell',
  'bell',
)

const lexical = (...paragraphs: string[]) =>
  ({
    root: {
      type: 'root',
      direction: null,
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        children: [{ type: 'text', text, version: 1 }],
      })),
    },
  }) as Article['body']

const nastyArticle = (): ArticleView =>
  articleView(
    {
      id: 7,
      title: NASTY,
      slug: 'tom-jerry',
      url: 'https://site.example/berita/tom-jerry',
      summary: `Summary ${NASTY}`,
      body: lexical(`Body ${NASTY}`, 'Second <script>alert(1)</script> paragraph'),
      authors: [
        { id: 1, name: 'Ayu & <Co>', slug: 'ayu', createdAt: '', updatedAt: '' },
        { id: 2, name: 'Budi', slug: 'budi', createdAt: '', updatedAt: '' },
      ],
      featuredMedia: {
        id: 3,
        caption: 'A caption & more',
        credit: 'Foto/Ant',
        url: '/api/media/file/photo%201.jpg',
        filename: 'photo 1.jpg',
        mimeType: 'image/jpeg',
        filesize: 1234,
        width: 800,
        height: 600,
        createdAt: '',
        updatedAt: '',
      },
      media: [{ id: 4, caption: 'No file yet', credit: null, createdAt: '', updatedAt: '' }],
      tags: ['nato', '<b>&', 'a "quoted" tag'],
      language: 'id',
      outlet: 'Sindonews',
      publishedAt: '2026-11-28T10:00:00.000Z',
      createdAt: '2026-11-27T10:00:00.000Z',
      updatedAt: '2026-11-28T11:00:00.000Z',
      workflowStatus: 'published',
      _status: 'published',
    } as Article,
    BASE,
  )

describe('XML checker used by the tests', () => {
  it.each([
    ['<a b="<"/>', '"<" in the value'],
    ['<a>&</a>', 'bare &'],
    ['<a>\u0001</a>', 'cannot carry'],
    ['<x:a/>', 'unbound namespace prefix'],
    ['<a><![CDATA[ ]]> ]]></a>', '"]]>" in text'],
    ['<a><b></a></b>', 'does not match'],
    ['<a/><b/>', 'more than one root'],
    ['<a>', 'unclosed element'],
    ['<a b="1" b="2"/>', 'duplicate attribute'],
  ])('rejects %j', (xml, why) => {
    expect(() => assertWellFormed(xml)).toThrow(why)
  })

  it('accepts well-formed XML with namespaces, CDATA and references', () => {
    expect(() =>
      assertWellFormed(
        '<?xml version="1.0"?><r xmlns:x="urn:x"><x:a t="&amp;&#60;">a &lt; b<![CDATA[<p>]]></x:a></r>',
      ),
    ).not.toThrow()
  })
})

describe('RSS and Atom feeds', () => {
  const article = nastyArticle()

  it('RSS 2.0 is well-formed, with dc:creator, content:encoded, enclosure and the exact title', () => {
    const xml = buildFeed([article], {
      format: 'rss',
      publicationName: 'Koran & Co <Test>',
      base: BASE,
      self: `${BASE}/feeds/rss.xml`,
    })
    const rss = rootOf(parseXml(xml))
    expect(rss.name).toBe('rss')
    expect(rss.attributes).toMatchObject({
      version: '2.0',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    })
    const channel = child(rss, 'channel')
    expect(textOf(child(channel, 'title'))).toBe('Koran & Co <Test>')
    for (const required of ['title', 'link', 'description']) {
      expect(child(channel, required), required).toBeTruthy()
    }
    const items = children(channel, 'item')
    expect(items).toHaveLength(1)
    const item = items[0]
    expect(textOf(child(item, 'title'))).toBe(CLEAN.replace(/]]>/g, ']]&gt;'))
    expect(textOf(child(item, 'link'))).toBe('https://site.example/berita/tom-jerry')
    expect(textOf(child(item, 'guid'))).toBe('urn:redaksi:article:7')
    expect(children(item, 'dc:creator').map(textOf)).toEqual(['Ayu & <Co>', 'Budi'])
    expect(child(item, 'author')).toBeUndefined()
    const html = textOf(child(item, 'content:encoded'))
    expect(html).toContain('<p>Body Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;')
    expect(html).toContain('&lt;script&gt;')
    expect(child(item, 'enclosure')?.attributes).toMatchObject({
      url: `${BASE}/api/media/file/photo%201.jpg`,
      type: 'image/jpeg',
      length: '1234',
    })
    expect(children(item, 'category').map(textOf)).toEqual(['nato', '<b>&', 'a "quoted" tag'])
    expect(new Date(textOf(child(item, 'pubDate'))).toISOString()).toBe(article.publishedAt)
  })

  it('Atom 1.0 is well-formed, with author names, the enclosure link and html content', () => {
    const xml = buildFeed([article], {
      format: 'atom',
      publicationName: 'Koran & Co',
      base: BASE,
      self: `${BASE}/feeds/atom.xml?tag=a%26b`,
      filterLabel: 'tag: a&b',
    })
    const feed = rootOf(parseXml(xml))
    expect(feed.name).toBe('feed')
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom')
    for (const required of ['id', 'title', 'updated', 'author']) {
      expect(child(feed, required), required).toBeTruthy()
    }
    expect(textOf(child(feed, 'title'))).toBe('Koran & Co (tag: a&b)')
    const self = children(feed, 'link').find((link) => link.attributes?.rel === 'self')
    expect(self?.attributes?.href).toBe(`${BASE}/feeds/atom.xml?tag=a%26b`)
    const entry = child(feed, 'entry')
    for (const required of ['id', 'title', 'updated', 'content']) {
      expect(child(entry, required), required).toBeTruthy()
    }
    expect(child(entry, 'title')?.attributes?.type).toBe('html')
    expect(textOf(child(entry, 'id'))).toBe('urn:redaksi:article:7')
    expect(children(entry, 'author').map((a) => textOf(child(a, 'name')))).toEqual([
      'Ayu & <Co>',
      'Budi',
    ])
    const enclosure = children(entry, 'link').find((link) => link.attributes?.rel === 'enclosure')
    expect(enclosure?.attributes?.href).toBe(`${BASE}/api/media/file/photo%201.jpg`)
    // a tag Atom cannot carry in an attribute (through `feed`) is left out, the others kept
    expect(children(entry, 'category').map((c) => c.attributes?.term)).toEqual([
      'nato',
      'a &quot;quoted&quot; tag'.replace(/&quot;/g, '"'),
    ])
  })

  it('an empty feed and an article without body, photo or author are still valid', () => {
    for (const format of ['rss', 'atom'] as const) {
      expect(() =>
        parseXml(buildFeed([], { format, publicationName: 'X', base: BASE, self: BASE })),
      ).not.toThrow()
      const bare = articleView(
        {
          id: 1,
          title: 'Bare',
          workflowStatus: 'published',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        } as Article,
        BASE,
      )
      const xml = buildFeed([bare], { format, publicationName: 'X', base: BASE, self: BASE })
      expect(() => parseXml(xml)).not.toThrow()
    }
  })
})

describe('sitemaps', () => {
  it('escape URLs and titles and carry the Google News elements', () => {
    const url = `${BASE}/articles/a&b'c`
    const urlset = rootOf(
      parseXml(buildUrlSet([{ url, lastModified: '2026-11-28T11:00:00.000Z' }])),
    )
    expect(urlset.attributes?.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(textOf(child(child(urlset, 'url'), 'loc'))).toBe(url)
    const news = rootOf(
      parseXml(
        buildNewsSitemap('Koran & <Co>', [
          { url, title: NASTY, language: 'id', publishedAt: '2026-11-28T10:00:00Z' },
        ]),
      ),
    )
    const entry = child(child(news, 'url'), 'news:news')
    expect(textOf(child(child(entry, 'news:publication'), 'news:name'))).toBe('Koran & <Co>')
    expect(textOf(child(child(entry, 'news:publication'), 'news:language'))).toBe('id')
    expect(textOf(child(entry, 'news:publication_date'))).toBe('2026-11-28T10:00:00.000Z')
    expect(textOf(child(entry, 'news:title'))).toBe(CLEAN)
    const index = rootOf(parseXml(buildSitemapIndex([{ url: `${BASE}/sitemap-1.xml` }])))
    expect(index.name).toBe('sitemapindex')
    expect(textOf(child(child(index, 'sitemap'), 'loc'))).toBe(`${BASE}/sitemap-1.xml`)
  })
})

describe('ninjs', () => {
  it('an article with authors, photos, tags and a credited editor validates against ninjs 3.1', () => {
    const doc = toNinjs(nastyArticle(), {
      version: 3,
      publicationName: 'Redaksi',
      creditedEditor: 'Editor Satu',
    })
    expect(ninjsErrors(doc)).toEqual([])
    expect(doc).toMatchObject({
      uri: 'urn:redaksi:article:7',
      type: 'text',
      version: '3',
      pubStatus: 'usable',
      language: 'id',
      copyrightHolder: 'Sindonews',
      by: 'Ayu & <Co>, Budi',
    })
    expect(doc.people).toEqual([
      { name: 'Ayu & <Co>', rel: 'author', literal: 'ayu' },
      { name: 'Budi', rel: 'author', literal: 'budi' },
      { name: 'Editor Satu', rel: 'editor' },
    ])
    expect(doc.bodies.map((b) => b.contentType)).toEqual(['text/html', 'text/plain'])
    expect(doc.bodies[1].wordCount).toBe(countWords(doc.bodies[1].value))
    expect(doc.associations?.[0]).toMatchObject({
      type: 'picture',
      descriptions: [
        { role: 'caption', value: 'A caption & more' },
        { role: 'creditline', value: 'Foto/Ant' },
      ],
      renditions: [{ href: `${BASE}/api/media/file/photo%201.jpg`, contentType: 'image/jpeg' }],
    })
    expect(doc.associations?.[1]).not.toHaveProperty('renditions')
  })

  it('corrections and updates follow the body in ninjs (valid) and in the feeds, oldest first', () => {
    const base = nastyArticle()
    const withCorrections = articleView(
      {
        id: 8,
        title: 'Corrected',
        slug: 'corrected',
        body: lexical('Body text'),
        corrections: {
          docs: [
            {
              id: 2,
              article: 8,
              date: '2026-11-29T09:00:00.000Z',
              kind: 'update',
              text: 'Toll <rose> to 5',
              createdAt: '',
              updatedAt: '',
            },
            {
              id: 1,
              article: 8,
              date: '2026-11-28T09:00:00.000Z',
              kind: 'correction',
              text: 'Name & title fixed',
              createdAt: '',
              updatedAt: '',
            },
            3,
          ],
        },
        workflowStatus: 'published',
        _status: 'published',
        createdAt: '2026-11-27T10:00:00.000Z',
        updatedAt: '2026-11-29T10:00:00.000Z',
      } as unknown as Article,
      BASE,
    )
    expect(base.corrections).toEqual([])
    expect(withCorrections.corrections.map((c) => c.kind)).toEqual(['correction', 'update'])
    const doc = toNinjs(withCorrections, { version: 2, publicationName: 'Redaksi' })
    expect(ninjsErrors(doc)).toEqual([])
    expect(doc.bodies.slice(2)).toMatchObject([
      {
        role: 'correction',
        contentType: 'text/plain',
        value: 'correction (2026-11-28): Name & title fixed',
      },
      { role: 'update', contentType: 'text/plain', value: 'update (2026-11-29): Toll <rose> to 5' },
    ])
    const rss = buildFeed([withCorrections], {
      format: 'rss',
      publicationName: 'X',
      base: BASE,
      self: BASE,
    })
    assertWellFormed(rss)
    expect(rss).toContain(
      '<aside class="corrections"><p class="correction"><strong>correction (2026-11-28):</strong> Name &amp; title fixed</p>',
    )
    expect(rss).toContain('Toll &lt;rose&gt; to 5')
  })

  it('a bare article is valid too; a schema violation is reported (the check can fail)', () => {
    const bare = toNinjs(
      articleView(
        {
          id: 'abc',
          title: 'x',
          workflowStatus: 'draft',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        } as unknown as Article,
        BASE,
      ),
      { version: 0, publicationName: 'Redaksi' },
    )
    expect(ninjsErrors(bare)).toEqual([])
    expect(bare.pubStatus).toBe('withheld')
    expect(bare.copyrightHolder).toBe('Redaksi')
    expect(ninjsErrors({ ...bare, type: 'article' })).not.toEqual([])
    expect(ninjsErrors({ ...bare, extra: 1 })).not.toEqual([])
  })
})

describe('rendering helpers and settings', () => {
  it('makes links in rendered HTML absolute (root-relative ones and Payload’s own origin)', () => {
    const html =
      '<figure><img src="/api/media/file/a.jpg"></figure><a href="http://localhost:3000/api/x">x</a>' +
      '<a href="https://other.example/y">y</a><a href="//cdn.example/z">z</a>'
    expect(absoluteLinks(html, BASE, 'http://localhost:3000')).toBe(
      `<figure><img src="${BASE}/api/media/file/a.jpg"></figure><a href="${BASE}/api/x">x</a>` +
        '<a href="https://other.example/y">y</a><a href="//cdn.example/z">z</a>',
    )
  })

  it('reads PUBLICATION_NAME and SITEMAP_PAGE_SIZE and refuses bad values', () => {
    expect(readNewsFormatSettings({})).toEqual({
      publicationName: 'Redaksi',
      sitemapPageSize: 50_000,
    })
    expect(readNewsFormatSettings({ PUBLICATION_NAME: ' Koran ', SITEMAP_PAGE_SIZE: '2' })).toEqual(
      { publicationName: 'Koran', sitemapPageSize: 2 },
    )
    for (const bad of ['0', '50001', '-1', '1.5', 'ten']) {
      expect(() => readNewsFormatSettings({ SITEMAP_PAGE_SIZE: bad })).toThrow(ConfigError)
    }
    expect(() => readNewsFormatSettings({ PUBLICATION_NAME: 'x'.repeat(201) })).toThrow(ConfigError)
  })

  it('siteRoutes rewrites only the declared top-level paths, for GET and HEAD', () => {
    const middleware = siteRoutes(() => ['/feeds/rss.xml', '/sitemap-:page.xml'])
    const run = (method: string, url: string) => {
      const req = { method, url, path: url.split('?')[0] } as Request
      let called = false
      middleware(req, {} as Response, (() => (called = true)) as NextFunction)
      expect(called).toBe(true)
      return req.url
    }
    expect(run('GET', '/feeds/rss.xml?tag=x')).toBe('/api/feeds/rss.xml?tag=x')
    expect(run('HEAD', '/sitemap-12.xml')).toBe('/api/sitemap-12.xml')
    expect(run('GET', '/sitemap-1/2.xml')).toBe('/sitemap-1/2.xml')
    expect(run('GET', '/feeds/rss.xmlx')).toBe('/feeds/rss.xmlx')
    expect(run('GET', '/api/feeds/rss.xml')).toBe('/api/feeds/rss.xml')
    expect(run('POST', '/feeds/rss.xml')).toBe('/feeds/rss.xml')
  })
})
