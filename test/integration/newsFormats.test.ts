import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { issueClient } from '../helpers/apiClients'
import type { IssuedClient } from '../helpers/apiClients'
import { raw } from '../helpers/http'
import { ninjsErrors } from '../helpers/ninjs'
import { startTestServer } from '../helpers/server'
import { sqlQuery } from '../helpers/sql'
import type { TestServer } from '../helpers/server'
import { child, children, parseXml, rootOf, textOf } from '../helpers/xml'

type Id = number | string
type Tokens = Awaited<ReturnType<typeof bootstrapAccounts>>
type Ninjs = {
  uri: string
  type: string
  version: string
  pubStatus: string
  language: string
  copyrightHolder: string
  headlines: { value: string }[]
  bodies: { contentType: string; value: string; charCount: number; wordCount: number }[]
  by?: string
  people?: { name: string; rel: string }[]
  descriptions?: { role: string; value: string }[]
  associations?: {
    type: string
    descriptions?: { role: string; value: string }[]
    renditions?: { href?: string }[]
  }[]
}

const SEED_TITLE =
  'Bantu Ukraina dengan Senjata Canggih, NATO Rupanya Enggan Perang Terbuka dengan Rusia'
const PUBLICATION = 'Koran Uji & <Co>'

describe.each(TEST_DATABASES)('news formats (feeds, sitemaps, ninjs) on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let anon: Api
  let tokens: Tokens
  let seed: { id: Id; slug: string; authorSlug: string }
  const ids: Record<'review' | 'live' | 'pulled' | 'photo', Id> = {
    review: 0,
    live: 0,
    pulled: 0,
    photo: 0,
  }
  let photoMediaId: Id
  let hiddenAuthorSlug = ''
  let clients: Record<'published' | 'preview', IssuedClient>

  const transition = async (id: Id, token: string, action: string) => {
    const res = await api.as(token).post(`/api/articles/${id}/workflow`, { action })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const publish = async (id: Id) => {
    await transition(id, tokens.contributor, 'submit')
    await transition(id, tokens.editor, 'approve')
    await transition(id, tokens.editor, 'publish')
  }
  const create = async (data: Record<string, unknown>): Promise<Id> => {
    const res = await api
      .as(tokens.contributor)
      .post<{ doc: { id: Id } }>('/api/articles?draft=true', data)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.doc.id
  }
  const xmlOf = async (path: string, as: Api = anon) => {
    const res = await as.get<string>(path)
    expect(res.status, `${path}: ${String(res.body).slice(0, 300)}`).toBe(200)
    return { root: rootOf(parseXml(res.body)), text: res.body, headers: res.headers }
  }
  const rssTitles = async (path: string, as: Api = anon) =>
    children(child((await xmlOf(path, as)).root, 'channel'), 'item').map((item) =>
      textOf(child(item, 'title')),
    )
  const ninjs = (path: string, as: Api = anon) => as.get<Ninjs & { errors?: unknown }>(path)

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({
      databaseUri: db.uri,
      env: {
        SEED_ON_START: 'true',
        SITEMAP_PAGE_SIZE: '2',
        PUBLICATION_NAME: PUBLICATION,
        JOBS_AUTORUN: 'false',
        // one test changes a row with SQL: the response cache sees it on the next request
        PUBLIC_CACHE_CHECK_MS: '0',
      },
    })
    api = new Api(server.url)
    anon = api.as(null)
    tokens = await bootstrapAccounts(api)

    const seedList = await api
      .as(tokens.editor)
      .get<{ docs: { id: Id; slug: string; authors: { slug: string }[] }[] }>(
        '/api/articles?depth=1&limit=5',
      )
    expect(seedList.body.docs).toHaveLength(1)
    const [seedDoc] = seedList.body.docs
    seed = { id: seedDoc.id, slug: seedDoc.slug, authorSlug: seedDoc.authors[0].slug }
    // the imported seed goes live through the workflow (it starts in review)
    await transition(seed.id, tokens.editor, 'approve')
    await transition(seed.id, tokens.editor, 'publish')

    const hidden = await api
      .as(tokens.contributor)
      .post<{ doc: { id: Id; slug: string } }>('/api/authors', { name: 'Penulis Rahasia' })
    expect(hidden.status).toBe(201)
    hiddenAuthorSlug = hidden.body.doc.slug
    ids.review = await create({
      title: 'RAHASIA dalam review',
      tags: ['rahasia', 'ekonomi'],
      authors: [hidden.body.doc.id],
    })
    await transition(ids.review, tokens.contributor, 'submit')

    ids.live = await create({ title: 'Live C: pasar & <saham>', tags: ['ekonomi'] })
    await publish(ids.live)
    const draft = await api
      .as(tokens.editor)
      .patch(`/api/articles/${ids.live}?draft=true`, { title: 'BOCOR draf baru C' })
    expect(draft.status).toBe(200)

    ids.pulled = await create({ title: 'DITARIK artikel D', tags: ['ekonomi'] })
    await publish(ids.pulled)
    await transition(ids.pulled, tokens.editor, 'unpublish')

    const png = await sharp({
      create: { width: 4, height: 3, channels: 3, background: '#c00' },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'foto.png')
    form.append(
      '_payload',
      JSON.stringify({ caption: 'Foto pasar', credit: 'Foto/Redaksi', alt: 'Pasar pagi' }),
    )
    const upload = await fetch(`${server.url}/api/media`, {
      method: 'POST',
      headers: { Authorization: `JWT ${tokens.editor}` },
      body: form,
    })
    expect(upload.status).toBe(201)
    photoMediaId = ((await upload.json()) as { doc: { id: Id } }).doc.id
    ids.photo = await create({
      title: 'Artikel E dengan foto',
      summary: 'Ringkasan E',
      tags: ['ekonomi', 'foto'],
      featuredMedia: photoMediaId,
    })
    await publish(ids.photo)

    clients = {
      published: await issueClient(api.as(tokens.admin), 'Situs', 'published'),
      preview: await issueClient(api.as(tokens.admin), 'Pratinjau', 'preview'),
    }
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  const LEAKS = ['RAHASIA', 'BOCOR', 'DITARIK']

  it('RSS: the published articles, newest first, with dc:creator, content:encoded and the photo enclosure; never a draft', async () => {
    const { root, text, headers } = await xmlOf('/feeds/rss.xml')
    expect(headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    for (const leak of LEAKS) expect(text).not.toContain(leak)
    const channel = child(root, 'channel')
    expect(textOf(child(channel, 'title'))).toBe(PUBLICATION)
    const items = children(channel, 'item')
    expect(items.map((item) => textOf(child(item, 'title')))).toEqual([
      'Artikel E dengan foto',
      'Live C: pasar & <saham>',
      SEED_TITLE,
    ])
    const seedItem = items[2]
    expect(children(seedItem, 'dc:creator').map(textOf)).toEqual(['Muhaimin'])
    expect(textOf(child(seedItem, 'content:encoded'))).toContain('Stoltenberg')
    expect(textOf(child(seedItem, 'guid'))).toBe(`urn:redaksi:article:${seed.id}`)
    expect(textOf(child(seedItem, 'link'))).toMatch(new RegExp(`/${seed.slug}$`))
    // caption-only imported photos have no file: no enclosure
    expect(child(seedItem, 'enclosure')).toBeUndefined()
    const enclosure = child(items[0], 'enclosure')?.attributes
    expect(enclosure?.type).toBe('image/png')
    expect(String(enclosure?.url)).toMatch(
      /^http:\/\/(127\.0\.0\.1|localhost):\d+\/api\/media\/file\//,
    )
    expect((await raw(String(enclosure?.url))).status).toBe(200)
    // the same document under /api
    const viaApi = await anon.get<string>('/api/feeds/rss.xml')
    expect(viaApi.status).toBe(200)
    expect(rootOf(parseXml(viaApi.body)).name).toBe('rss')
  })

  it('Atom: the same entries, authors as author/name, html content', async () => {
    const { root, text, headers } = await xmlOf('/feeds/atom.xml')
    expect(headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    for (const leak of LEAKS) expect(text).not.toContain(leak)
    expect(root.name).toBe('feed')
    const entries = children(root, 'entry')
    expect(entries.map((entry) => textOf(child(entry, 'title')))).toEqual([
      'Artikel E dengan foto',
      'Live C: pasar &amp; &lt;saham&gt;',
      SEED_TITLE,
    ])
    const seedEntry = entries[2]
    expect(textOf(child(child(seedEntry, 'author'), 'name'))).toBe('Muhaimin')
    expect(child(seedEntry, 'content')?.attributes?.type).toBe('html')
    expect(textOf(child(seedEntry, 'content'))).toContain('Stoltenberg')
  })

  it('feeds are the public feeds for every role (anonymous, contributor, editor, admin)', async () => {
    const expected = await rssTitles('/feeds/rss.xml')
    for (const role of ['contributor', 'editor', 'admin'] as const) {
      expect(await rssTitles('/feeds/rss.xml', api.as(tokens[role])), role).toEqual(expected)
      expect(await rssTitles('/feeds/rss.xml?draft=true', api.as(tokens[role])), role).toEqual(
        expected,
      )
    }
  })

  it('tag and author filters; an unknown author or a tag only drafts carry is an empty feed', async () => {
    expect(await rssTitles('/feeds/rss.xml?tag=ekonomi')).toEqual([
      'Artikel E dengan foto',
      'Live C: pasar & <saham>',
    ])
    expect(await rssTitles('/feeds/rss.xml?tag=foto')).toEqual(['Artikel E dengan foto'])
    expect(await rssTitles(`/feeds/rss.xml?author=${seed.authorSlug}`)).toEqual([SEED_TITLE])
    expect(await rssTitles(`/feeds/atom.xml?author=${seed.authorSlug}&tag=ekonomi`)).toEqual([])
    expect(await rssTitles('/feeds/rss.xml?author=nobody-here')).toEqual([])
    expect(await rssTitles('/feeds/rss.xml?tag=rahasia')).toEqual([])
    // an author whose only byline is on an article in review: as empty as an unknown one
    expect(hiddenAuthorSlug).not.toBe('')
    expect(await rssTitles(`/feeds/rss.xml?author=${hiddenAuthorSlug}`)).toEqual([])
    expect(await rssTitles(`/feeds/atom.xml?author=${hiddenAuthorSlug}`)).toEqual([])
    expect(await rssTitles('/feeds/rss.xml?tag=%3Cscript%3E%26')).toEqual([])
    // an operator-shaped parameter is not a filter (only plain ?tag= and ?author= are)
    expect(await rssTitles('/feeds/rss.xml?tag[ne]=x&author[in]=y')).toHaveLength(3)
  })

  it('bad filter values are 400, never 500', async () => {
    for (const query of [
      'tag=',
      'author=',
      'tag=a&tag=b',
      `tag=${'x'.repeat(5000)}`,
      `author=${'y'.repeat(201)}`,
      'tag=%00',
      'author=a%1Bb',
    ]) {
      for (const path of ['/feeds/rss.xml', '/feeds/atom.xml']) {
        const res = await anon.get<{ errors: { message: string }[] }>(`${path}?${query}`)
        expect(res.status, `${path}?${query.slice(0, 30)}`).toBe(400)
        expect(res.body.errors[0].message).toMatch(/tag|author/)
      }
    }
    // other methods on the top-level paths are not served (and not a 500)
    const post = await raw(`${server.url}/feeds/rss.xml`, { method: 'POST' })
    expect(post.status).toBeGreaterThanOrEqual(400)
    expect(post.status).toBeLessThan(500)
  })

  it('HEAD is answered like GET (crawlers); a forged Host never reaches a link; odd paths are 4xx', async () => {
    for (const path of ['/feeds/rss.xml', '/feeds/atom.xml', '/sitemap.xml', '/sitemap-news.xml']) {
      const head = await raw(`${server.url}${path}`, { method: 'HEAD' })
      expect(head.status, path).toBe(200)
      expect(String(head.headers['content-type']), path).toMatch(/xml; charset=utf-8$/)
      expect(head.text).toBe('')
    }
    for (const path of [
      '/feeds/rss.xml',
      '/feeds/atom.xml',
      '/sitemap.xml',
      '/sitemap-news.xml',
      `/api/articles/${ids.photo}/ninjs`,
    ]) {
      const forged = await raw(`${server.url}${path}`, { headers: { Host: 'evil.example' } })
      expect(forged.status, path).toBe(200)
      expect(forged.text, path).not.toContain('evil.example')
      expect(forged.text, path).toContain('http://')
    }
    for (const path of [
      '/sitemap-%E0%A4%A.xml',
      '/feeds/rss.xml?tag=%E0%A4%A',
      '/feeds/%2e%2e/sitemap.xml',
    ]) {
      const res = await raw(`${server.url}${path}`)
      expect(res.status, path).toBeLessThan(500)
      if (path.startsWith('/sitemap-')) expect(res.status, path).toBeGreaterThanOrEqual(400)
    }
  })

  it('a burst of concurrent reads of every format is answered (200, or 503 when shed), never 500', async () => {
    const paths = [
      '/feeds/rss.xml',
      '/feeds/atom.xml?tag=ekonomi',
      '/sitemap.xml',
      '/sitemap-1.xml',
      '/sitemap-news.xml',
      `/api/articles/${seed.id}/ninjs`,
      `/api/articles/slug/${seed.slug}/ninjs`,
      '/feeds/rss.xml?tag=',
    ]
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => raw(`${server.url}${paths[i % paths.length]}`)),
    )
    results.forEach((res, i) => {
      const path = paths[i % paths.length]
      const expected = path.endsWith('tag=') ? 400 : 200
      expect([expected, 503], path).toContain(res.status)
    })
    expect(results.filter((res) => res.status === 200).length).toBeGreaterThan(20)
  })

  it('sitemap.xml: over SITEMAP_PAGE_SIZE (2) it is an index of pages that list every published article once', async () => {
    const index = await xmlOf('/sitemap.xml')
    expect(index.root.name).toBe('sitemapindex')
    const pages = children(index.root, 'sitemap').map((s) => textOf(child(s, 'loc')))
    expect(pages).toEqual([`${server.url}/sitemap-1.xml`, `${server.url}/sitemap-2.xml`])
    const locs: string[] = []
    for (const page of pages) {
      const { root, text } = await xmlOf(new URL(page).pathname)
      expect(root.name).toBe('urlset')
      for (const leak of LEAKS) expect(text).not.toContain(leak)
      for (const url of children(root, 'url')) {
        expect(textOf(child(url, 'lastmod'))).toMatch(/^\d{4}-\d\d-\d\dT/)
        locs.push(textOf(child(url, 'loc')))
      }
    }
    expect(locs).toHaveLength(3)
    expect(new Set(locs).size).toBe(3)
    expect(locs.some((loc) => loc.endsWith(`/${seed.slug}`))).toBe(true)
    for (const missing of [
      '/sitemap-3.xml',
      '/sitemap-0.xml',
      '/sitemap-01.xml',
      '/sitemap-x.xml',
    ]) {
      expect((await anon.get(missing)).status, missing).toBe(404)
    }
    expect((await anon.get(`/sitemap-${'9'.repeat(30)}.xml`)).status).toBe(404)
  })

  it('sitemap-news.xml: articles published in the last two days with publication name, language, date and title', async () => {
    const { root, text } = await xmlOf('/sitemap-news.xml')
    for (const leak of LEAKS) expect(text).not.toContain(leak)
    const urls = children(root, 'url')
    expect(urls).toHaveLength(3)
    const seedUrl = urls.find((url) => textOf(child(url, 'loc')).endsWith(`/${seed.slug}`))
    const news = child(seedUrl, 'news:news')
    const publication = child(news, 'news:publication')
    expect(textOf(child(publication, 'news:name'))).toBe(PUBLICATION)
    expect(textOf(child(publication, 'news:language'))).toBe('id')
    expect(textOf(child(news, 'news:title'))).toBe(SEED_TITLE)
    const date = Date.parse(textOf(child(news, 'news:publication_date')))
    expect(Date.now() - date).toBeLessThan(10 * 60_000)

    // an article first published three days ago leaves the news sitemap, not the sitemap
    // (set in the database: any save would go through the workflow's guards)
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 3600_000).toISOString()
    const updated = await sqlQuery(
      db,
      'UPDATE articles SET published_at = ? WHERE id = ? RETURNING id',
      [threeDaysAgo, ids.live],
    )
    expect(updated).toHaveLength(1)
    const after = await xmlOf('/sitemap-news.xml')
    const titles = children(after.root, 'url').map((url) =>
      textOf(child(child(url, 'news:news'), 'news:title')),
    )
    expect(titles.sort()).toEqual(['Artikel E dengan foto', SEED_TITLE].sort())
  })

  it('ninjs by id and by slug: valid ninjs 3.1 with headline, bodies, people, credited editor, photos', async () => {
    const byId = await ninjs(`/api/articles/${seed.id}/ninjs`)
    expect(byId.status).toBe(200)
    expect(byId.headers.get('link')).toContain('ninjs-schema_3.1.json')
    expect(ninjsErrors(byId.body)).toEqual([])
    const doc = byId.body
    expect(doc).toMatchObject({
      uri: `urn:redaksi:article:${seed.id}`,
      type: 'text',
      pubStatus: 'usable',
      language: 'id',
      headlines: [{ value: SEED_TITLE }],
      by: 'Muhaimin',
    })
    expect(Number(doc.version)).toBeGreaterThanOrEqual(1)
    expect(doc.copyrightHolder).toMatch(/sindonews/i)
    expect(doc.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Muhaimin', rel: 'author' }),
        expect.objectContaining({ name: 'Abriandi', rel: 'editor' }),
      ]),
    )
    const [html, plain] = doc.bodies
    expect(html.contentType).toBe('text/html')
    expect(plain.contentType).toBe('text/plain')
    expect(plain.value).toContain('Stoltenberg')
    expect(plain.charCount).toBe([...plain.value].length)
    expect(plain.wordCount).toBeGreaterThan(100)
    const photo = doc.associations?.[0]
    expect(photo?.type).toBe('picture')
    expect(photo?.descriptions?.find((d) => d.role === 'caption')?.value).toContain('HIMARS')
    expect(photo?.descriptions?.find((d) => d.role === 'creditline')?.value).toMatch(/US Army/)
    // nothing of the imported source beyond the credit: no raw text, no file name
    const json = JSON.stringify(doc)
    expect(json).not.toContain('Bagikan Artikel Ini')
    expect(json).not.toContain('000_4fd9d068e36e76ef')

    const bySlug = await ninjs(`/api/articles/slug/${seed.slug}/ninjs`)
    expect(bySlug.status).toBe(200)
    expect(bySlug.body).toEqual(doc)

    const withPhoto = await ninjs(`/api/articles/${ids.photo}/ninjs`)
    expect(ninjsErrors(withPhoto.body)).toEqual([])
    expect(withPhoto.body.associations?.[0].renditions?.[0].href).toMatch(
      /^http:\/\/(127\.0\.0\.1|localhost):\d+\/api\/media\/file\//,
    )
    expect(withPhoto.body.descriptions).toEqual([
      { role: 'summary', contentType: 'text/plain', value: 'Ringkasan E' },
    ])
  })

  it('ninjs follows the article’s visibility: drafts are 404 to anonymous, the live version never shows its newer draft', async () => {
    for (const id of [ids.review, ids.pulled]) {
      for (const path of [`/api/articles/${id}/ninjs`, `/api/articles/${id}/ninjs?draft=true`]) {
        const res = await ninjs(path)
        expect(res.status, path).toBe(404)
        for (const leak of LEAKS) expect(JSON.stringify(res.body)).not.toContain(leak)
      }
    }
    const reviewSlug = (
      await api.as(tokens.editor).get<{ slug: string }>(`/api/articles/${ids.review}`)
    ).body.slug
    expect((await ninjs(`/api/articles/slug/${reviewSlug}/ninjs`)).status).toBe(404)

    for (const path of [
      `/api/articles/${ids.live}/ninjs`,
      `/api/articles/${ids.live}/ninjs?draft=true`,
    ]) {
      const res = await ninjs(path)
      expect(res.status).toBe(200)
      expect(res.body.headlines[0].value).toBe('Live C: pasar & <saham>')
      expect(JSON.stringify(res.body)).not.toContain('BOCOR')
    }
  })

  it('staff (contributor, editor, admin) read ninjs as they read the article: drafts withheld, ?draft=true the newest draft', async () => {
    for (const role of ['contributor', 'editor', 'admin'] as const) {
      const as = api.as(tokens[role])
      const review = await ninjs(`/api/articles/${ids.review}/ninjs`, as)
      expect(review.status, role).toBe(200)
      expect(ninjsErrors(review.body)).toEqual([])
      expect(review.body.pubStatus).toBe('withheld')
      const live = await ninjs(`/api/articles/${ids.live}/ninjs`, as)
      expect(live.body.headlines[0].value).toBe('Live C: pasar & <saham>')
      const draft = await ninjs(`/api/articles/${ids.live}/ninjs?draft=true`, as)
      expect(draft.body.headlines[0].value).toBe('BOCOR draf baru C')
      expect(ninjsErrors(draft.body)).toEqual([])
    }
  })

  it('API clients: feeds are the public feeds; ninjs answers each client exactly as REST does (status, version shown)', async () => {
    const expected = await rssTitles('/feeds/rss.xml')
    for (const scope of ['published', 'preview'] as const) {
      const client = clients[scope].api
      expect(await rssTitles('/feeds/rss.xml', client), scope).toEqual(expected)
      expect(await rssTitles('/feeds/rss.xml?draft=true', client), scope).toEqual(expected)
      for (const id of [seed.id, ids.review, ids.live, ids.pulled]) {
        for (const query of ['', '?draft=true']) {
          const rest = await client.get<{ title?: string }>(`/api/articles/${id}${query}`)
          const doc = await client.get<Ninjs>(`/api/articles/${id}/ninjs${query}`)
          const where = `${scope} ${id}${query}`
          expect(doc.status === 200, where).toBe(rest.status === 200)
          if (doc.status === 200) {
            expect(doc.body.headlines[0].value, where).toBe(rest.body.title)
            expect(ninjsErrors(doc.body), where).toEqual([])
          }
          if (scope === 'published') {
            for (const leak of LEAKS) expect(JSON.stringify(doc.body), where).not.toContain(leak)
          }
        }
      }
    }
    // a reader who may not see drafts gets the live version's number, not the draft count
    const anonymous = await ninjs(`/api/articles/${ids.live}/ninjs?draft=true`)
    const published = await clients.published.api.get<Ninjs>(
      `/api/articles/${ids.live}/ninjs?draft=true`,
    )
    expect(anonymous.body.version).toBe('1')
    expect(published.body.version).toBe('1')
    const staffDraft = await ninjs(
      `/api/articles/${ids.live}/ninjs?draft=true`,
      api.as(tokens.editor),
    )
    expect(Number(staffDraft.body.version)).toBeGreaterThan(1)
  })

  it('ninjs bad input: malformed id 400, unknown id or slug 404, odd slugs 400 or 404, never 500', async () => {
    for (const id of ['abc', '1%20OR%201=1', '-1', '0', '1.5', '9'.repeat(30)]) {
      const res = await anon.get<{ errors: { message: string }[] }>(`/api/articles/${id}/ninjs`)
      expect(res.status, id).toBe(400)
      expect(res.body.errors[0].message).toContain('Invalid id')
    }
    expect((await anon.get('/api/articles/987654/ninjs')).status).toBe(404)
    expect((await anon.get('/api/articles/slug/no-such-article/ninjs')).status).toBe(404)
    expect((await anon.get(`/api/articles/slug/${'s'.repeat(301)}/ninjs`)).status).toBe(400)
    expect((await anon.get('/api/articles/slug/a%00b/ninjs')).status).toBe(400)
    for (const odd of ['%E0%A4%A', '%27%20OR%201%3D1--', '..%2F..%2Fetc']) {
      const res = await anon.get(`/api/articles/slug/${odd}/ninjs`)
      expect(res.status, odd).toBeGreaterThanOrEqual(400)
      expect(res.status, odd).toBeLessThan(500)
    }
  })

  it('sitemap.xml is one urlset again once the published count fits a page', async () => {
    await transition(ids.photo, tokens.editor, 'unpublish')
    const { root } = await xmlOf('/sitemap.xml')
    expect(root.name).toBe('urlset')
    expect(children(root, 'url')).toHaveLength(2)
    expect((await anon.get('/sitemap-2.xml')).status).toBe(404)
    expect(await rssTitles('/feeds/rss.xml')).not.toContain('Artikel E dengan foto')
    expect((await ninjs(`/api/articles/${ids.photo}/ninjs`)).status).toBe(404)
  })
})
