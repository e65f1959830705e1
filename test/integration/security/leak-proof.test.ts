import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { IMPORT_CONTEXT } from '@/lib/requestContext'
import { Api, bootstrapAccounts } from '../../helpers/api'
import { issueClient } from '../../helpers/apiClients'
import type { IssuedClient } from '../../helpers/apiClients'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { localPayload } from '../../helpers/localPayload'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

/**
 * Leak-proof suite (issue #11): with one published article (A), one in review (B), one published
 * article with a newer unpublished draft (C) and one unpublished article (D), an anonymous reader
 * and a `published`-scoped API client never see any draft text, workflow note or imported source
 * text through any channel; a `preview`-scoped client sees the drafts and can change nothing.
 *
 * Every secret in the fixture contains MARK; public text contains PUBLIC. A channel is one row of
 * CORE_CHANNELS (or INTEGRATOR_CHANNELS).
 */
const MARK = 'ZZSECRET'
const secret = (what: string) => `${MARK}-${what}`

type Id = number | string
type Caller = Api
type Fixture = {
  a: Id
  b: Id
  c: Id
  d: Id
  authorB: Id
  mediaB: Id
  mediaC: Id
  authorSlugB: string
  /** Each article's latest slug (as staff see it), and C's published one. */
  slugs: { a: string; b: string; c: string; cLive: string; d: string }
  /** Every webhook delivery the receiver got while the fixture was made (headers and raw body). */
  webhookDeliveries: string[]
}

/** One way to read content. `text` is everything the caller got back (body and headers). */
export type Channel = {
  name: string
  read: (caller: Caller, f: Fixture) => Promise<{ status: number; text: string }>
  /** Public text this channel must show (so a probe that silently fails cannot pass). */
  shows?: (f: Fixture) => string[]
  /**
   * Text removed before the leak check: the caller's own input echoed back (a slug in a 404), or a
   * title that was public when the event happened (D's title in D's own published event).
   */
  ignore?: (f: Fixture) => string[]
}

const rest =
  (path: (f: Fixture) => string): Channel['read'] =>
  async (caller, f) => {
    const res = await caller.get(path(f))
    return { status: res.status, text: JSON.stringify(res.body) }
  }

const gql =
  (query: (f: Fixture) => string): Channel['read'] =>
  async (caller, f) => {
    const res = await caller.graphql(query(f))
    return { status: res.status, text: JSON.stringify(res.body) }
  }

const lit = (id: Id) => (typeof id === 'number' ? String(id) : JSON.stringify(id))
const ARTICLE_FIELDS = 'id title summary body slug workflowStatus _status'

/** The channels this branch knows. */
const CORE_CHANNELS: Channel[] = [
  {
    name: 'REST list',
    read: rest(() => '/api/articles?limit=100&depth=2'),
    shows: () => ['PUBLIC-A', 'PUBLIC-C'],
  },
  {
    name: 'REST list ?draft=true',
    read: rest(() => '/api/articles?limit=100&depth=2&draft=true'),
    shows: () => ['PUBLIC-A', 'PUBLIC-C'],
  },
  {
    name: 'REST by id (A, depth 2)',
    read: rest((f) => `/api/articles/${f.a}?depth=2`),
    shows: () => ['PUBLIC-A'],
  },
  { name: 'REST by id B', read: rest((f) => `/api/articles/${f.b}`) },
  { name: 'REST by id B ?draft=true', read: rest((f) => `/api/articles/${f.b}?draft=true`) },
  { name: 'REST by id C', read: rest((f) => `/api/articles/${f.c}`), shows: () => ['PUBLIC-C'] },
  {
    name: 'REST by id C ?draft=true',
    read: rest((f) => `/api/articles/${f.c}?draft=true&depth=2`),
    shows: () => ['PUBLIC-C'],
  },
  { name: 'REST by id D ?draft=true', read: rest((f) => `/api/articles/${f.d}?draft=true`) },
  { name: 'REST versions list', read: rest(() => '/api/articles/versions?limit=100') },
  {
    name: 'REST versions by article',
    read: rest((f) => `/api/articles/versions?where[parent][equals]=${f.c}`),
  },
  {
    name: 'REST authors (depth 2)',
    read: rest(() => '/api/authors?depth=2&limit=100'),
    shows: () => ['PUBLIC-AUTHOR'],
  },
  { name: 'REST author B by id', read: rest((f) => `/api/authors/${f.authorB}`) },
  {
    name: 'REST media (depth 2)',
    read: rest(() => '/api/media?depth=2&limit=100'),
    shows: () => ['PUBLIC-CAPTION'],
  },
  {
    name: 'REST media B/C by id',
    read: async (caller, f) => {
      const b = await caller.get(`/api/media/${f.mediaB}`)
      const c = await caller.get(`/api/media/${f.mediaC}`)
      return { status: Math.max(b.status, c.status), text: JSON.stringify([b.body, c.body]) }
    },
  },
  { name: 'REST audit trail', read: rest(() => '/api/audit-events?limit=100') },
  { name: 'REST editors', read: rest(() => '/api/editors?limit=100') },
  {
    name: 'GraphQL list',
    read: gql(
      () =>
        `{ Articles(limit: 100) { totalDocs docs { ${ARTICLE_FIELDS} authors { name bio } media { caption credit } } } }`,
    ),
    shows: () => ['PUBLIC-A', 'PUBLIC-C'],
  },
  {
    name: 'GraphQL list draft: true',
    read: gql(
      () => `{ Articles(limit: 100, draft: true) { totalDocs docs { ${ARTICLE_FIELDS} } } }`,
    ),
    shows: () => ['PUBLIC-A'],
  },
  {
    name: 'GraphQL by id (B, C, D, draft)',
    read: gql(
      (f) =>
        `{ b: Article(id: ${lit(f.b)}, draft: true) { ${ARTICLE_FIELDS} } c: Article(id: ${lit(f.c)}, draft: true) { ${ARTICLE_FIELDS} } d: Article(id: ${lit(f.d)}, draft: true) { ${ARTICLE_FIELDS} } }`,
    ),
    shows: () => ['PUBLIC-C'],
  },
  {
    name: 'GraphQL versions',
    read: gql(() => `{ versionsArticles(limit: 100) { docs { id version { title summary } } } }`),
  },
  {
    name: 'GraphQL staff-only fields',
    read: gql(
      () =>
        `{ Articles(limit: 100) { docs { title source { rawText editor fileName } submittedBy { email } createdBy { email } } } }`,
    ),
  },
  {
    name: 'GraphQL authors and media',
    read: gql(
      () =>
        '{ Authors(limit: 100) { docs { name bio } } allMedia(limit: 100) { docs { caption credit alt } } }',
    ),
    shows: () => ['PUBLIC-AUTHOR'],
  },
  {
    name: 'OpenAPI document and examples',
    read: rest(() => '/api/openapi.json'),
  },
]

const rawText =
  (path: (f: Fixture) => string): Channel['read'] =>
  async (caller, f) => {
    const res = await caller.get<unknown>(path(f))
    return {
      status: res.status,
      text: `${[...res.headers.entries()].join('\n')}\n${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}`,
    }
  }

const ARTICLES = ['a', 'b', 'c', 'd'] as const

/**
 * ninjs credits the imported source's editor of a published version (issue #11, requirement 5):
 * for the live articles A and C that one value is public by design; nothing else from `source`.
 */
const creditedEditor = (key: (typeof ARTICLES)[number]) => (): string[] =>
  key === 'a' || key === 'c' ? [secret(`SRCEDITOR-${key.toUpperCase()}`)] : []

/**
 * Channels added by other branches of issue #11 (search, feeds, sitemaps, ninjs, webhook
 * payloads). Every row runs for the anonymous reader and the `published` client below.
 */
export const INTEGRATOR_CHANNELS: Channel[] = [
  {
    name: 'search REST (draft words)',
    read: rest(() => `/api/search?q=${MARK}&limit=50`),
  },
  {
    name: 'search REST (public words)',
    read: rest(() => '/api/search?q=PUBLIC&limit=50'),
    shows: () => ['PUBLIC-A', 'PUBLIC-C'],
  },
  {
    name: 'search REST (draft words, by language)',
    read: async (caller) => {
      const id = await caller.get(`/api/search?q=${MARK}&language=id`)
      const en = await caller.get(`/api/search?q=${MARK}&language=en`)
      return { status: Math.max(id.status, en.status), text: JSON.stringify([id.body, en.body]) }
    },
  },
  {
    name: 'search GraphQL',
    read: gql(
      () =>
        `{ d: searchArticles(q: "${MARK}", limit: 50) { totalDocs docs { id title titleHighlighted snippet url } } p: searchArticles(q: "PUBLIC", limit: 50) { totalDocs docs { id title titleHighlighted snippet url } } }`,
    ),
    shows: () => ['PUBLIC-A', 'PUBLIC-C'],
  },
  {
    name: 'RSS',
    read: rawText(() => '/feeds/rss.xml'),
    shows: () => ['PUBLIC-A headline', 'PUBLIC-C headline', 'PUBLIC-A body'],
  },
  {
    name: 'Atom',
    read: rawText(() => '/feeds/atom.xml'),
    shows: () => ['PUBLIC-A headline', 'PUBLIC-C headline', 'PUBLIC-A body'],
  },
  {
    name: 'RSS/Atom filtered by author and tag',
    read: async (caller, f) => {
      const parts = await Promise.all(
        [
          `/feeds/rss.xml?author=${f.authorSlugB}`,
          `/feeds/atom.xml?author=${f.authorSlugB}`,
          '/feeds/rss.xml?tag=zzsecret',
        ].map((p) => caller.get<unknown>(p)),
      )
      return {
        status: Math.max(...parts.map((p) => p.status)),
        text: JSON.stringify(parts.map((p) => p.body)),
      }
    },
  },
  {
    name: '/sitemap.xml',
    read: rawText(() => '/sitemap.xml'),
    shows: (f) => [f.slugs.a, f.slugs.cLive],
  },
  {
    name: '/sitemap-news.xml',
    read: rawText(() => '/sitemap-news.xml'),
    shows: (f) => [f.slugs.a, f.slugs.cLive, 'PUBLIC-A headline', 'PUBLIC-C headline'],
  },
  ...ARTICLES.map((key): Channel => ({
    name: `ninjs by id ${key.toUpperCase()}`,
    read: rest((f) => `/api/articles/${f[key]}/ninjs`),
    ignore: creditedEditor(key),
    shows: key === 'a' || key === 'c' ? () => [`PUBLIC-${key.toUpperCase()}`] : undefined,
  })),
  ...ARTICLES.map((key): Channel => ({
    name: `ninjs by id ${key.toUpperCase()} ?draft=true`,
    read: rest((f) => `/api/articles/${f[key]}/ninjs?draft=true`),
    ignore: creditedEditor(key),
  })),
  ...ARTICLES.map((key): Channel => ({
    name: `ninjs by slug ${key.toUpperCase()}`,
    read: rest((f) => `/api/articles/slug/${encodeURIComponent(f.slugs[key])}/ninjs`),
    ignore: (f) => [f.slugs[key], ...creditedEditor(key)()],
    shows: key === 'a' || key === 'c' ? () => [`PUBLIC-${key.toUpperCase()}`] : undefined,
  })),
  {
    name: 'ninjs by slug C (published slug)',
    read: rest((f) => `/api/articles/slug/${encodeURIComponent(f.slugs.cLive)}/ninjs`),
    ignore: creditedEditor('c'),
    shows: () => ['PUBLIC-C'],
  },
  {
    name: 'webhook payloads (every delivery made while the fixture was built)',
    read: async (_caller, f) => ({ status: 200, text: f.webhookDeliveries.join('\n') }),
    shows: () => ['PUBLIC-A headline', 'article.published', 'article.unpublished'],
    // D was live between its publish and unpublish: its title and slug were public then
    ignore: (f) => [secret('D-TITLE'), f.slugs.d],
  },
]

const CHANNELS = [...CORE_CHANNELS, ...INTEGRATOR_CHANNELS]

/** Fields a reader may not query or sort by (their values must not be an oracle). */
const STAFF_ONLY_PATHS = [
  'source.rawText',
  'source.editor',
  'source.fileName',
  'source.outlet',
  'submittedBy',
  'createdBy',
]

/** A local webhook receiver: keeps every delivery (headers and raw body) and answers 200. */
const startReceiver = async () => {
  const received: string[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push(`${JSON.stringify(req.headers)}\n${Buffer.concat(chunks).toString('utf8')}`)
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe.each(TEST_DATABASES)('leak-proof delivery API on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let published: IssuedClient
  let preview: IssuedClient
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  const f = {} as Fixture
  const callers = () => ({ anonymous: api.as(null), 'published client': published.api as Api })

  const step = async (token: string, id: Id, action: string, note?: string) => {
    const res = await api.as(token).post(`/api/articles/${id}/workflow`, { action, note })
    expect(res.status, `${action} ${JSON.stringify(res.body)}`).toBe(200)
  }
  const goLive = async (id: Id) => {
    await step(tokens.contributor, id, 'submit')
    await step(tokens.editor, id, 'approve')
    await step(tokens.editor, id, 'publish')
  }

  beforeAll(async () => {
    receiver = await startReceiver()
    db = await createTestDatabase(kind)
    server = await startTestServer({
      databaseUri: db.uri,
      env: {
        WEBHOOKS_ALLOW_PRIVATE: 'true',
        WEBHOOKS_POLL_SECONDS: '1',
        WEBHOOKS_RETRY_BASE_MS: '200',
      },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    // a webhook for every event, before any article exists: it sees the whole fixture's history
    const hook = await api.as(tokens.admin).post('/api/webhooks', {
      name: 'Leak probe',
      url: receiver.url,
      events: [
        'article.published',
        'article.updated',
        'article.unpublished',
        'article.scheduled',
        'article.deleted',
      ],
    })
    expect(hook.status, JSON.stringify(hook.body)).toBe(201)
    const ed = api.as(tokens.editor)
    const newId = async (path: string, data: Record<string, unknown>) => {
      const res = await ed.post<{ doc: { id: Id } }>(path, data)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.doc.id
    }
    const authorA = await newId('/api/authors', {
      name: 'PUBLIC-AUTHOR Ani',
      bio: 'PUBLIC-AUTHOR bio',
    })
    f.authorB = await newId('/api/authors', {
      name: secret('AUTHOR-B'),
      bio: secret('AUTHOR-B-BIO'),
    })
    const mediaA = await newId('/api/media', {
      caption: 'PUBLIC-CAPTION A',
      credit: 'PUBLIC-CREDIT',
    })
    f.mediaB = await newId('/api/media', {
      caption: secret('CAPTION-B'),
      credit: secret('CREDIT-B'),
    })
    f.mediaC = await newId('/api/media', { caption: secret('CAPTION-C-DRAFT') })

    // The articles, created as the importer does (source text is importer-owned), by the contributor.
    const payload = await localPayload(db.uri)
    try {
      const make = async (key: string, data: Record<string, unknown>) =>
        (
          await payload.create({
            collection: 'articles',
            draft: true,
            overrideAccess: true,
            context: IMPORT_CONTEXT,
            data: {
              workflowStatus: 'draft',
              _status: 'draft',
              createdBy: tokens.ids.contributor as number,
              source: {
                fileName: `${secret(`FILE-${key}`)}.txt`,
                rawText: secret(`SOURCE-${key}`),
                editor: secret(`SRCEDITOR-${key}`),
                outlet: secret(`SRCOUTLET-${key}`),
              },
              ...data,
            } as never,
          })
        ).id
      const body = (text: string) => ({
        root: {
          type: 'root',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [
            {
              type: 'paragraph',
              version: 1,
              direction: null,
              format: '',
              indent: 0,
              textFormat: 0,
              children: [
                { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' },
              ],
            },
          ],
        },
      })
      f.a = await make('A', {
        title: 'PUBLIC-A headline',
        body: body('PUBLIC-A body'),
        authors: [authorA],
        media: [mediaA],
      })
      f.b = await make('B', {
        title: secret('B-TITLE'),
        summary: secret('B-SUMMARY'),
        body: body(secret('B-BODY')),
        authors: [f.authorB],
        media: [f.mediaB],
      })
      f.c = await make('C', {
        title: 'PUBLIC-C headline',
        body: body('PUBLIC-C body'),
        authors: [authorA],
      })
      f.d = await make('D', { title: secret('D-TITLE'), body: body(secret('D-BODY')) })
      // staff-only and source fields must be set for the where/sort probes to mean anything
      const stored = await payload.findByID({
        collection: 'articles',
        id: f.a,
        draft: true,
        overrideAccess: true,
      })
      expect((stored as { source?: { rawText?: string } }).source?.rawText).toBe(secret('SOURCE-A'))
    } finally {
      await closePayload(payload)
    }

    await goLive(f.a)
    await goLive(f.c)
    await goLive(f.d)
    await step(tokens.contributor, f.b, 'submit', secret('NOTE-B'))
    await step(tokens.editor, f.d, 'unpublish', secret('NOTE-D'))
    const draft = await ed.patch(`/api/articles/${f.c}?draft=true`, {
      title: secret('C-DRAFT-TITLE'),
      summary: secret('C-DRAFT-SUMMARY'),
      media: [f.mediaC],
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(200)

    // a live-article change (article.updated) while C's draft is pending
    const authorUpdate = await ed.patch(`/api/authors/${authorA}`, { bio: 'PUBLIC-AUTHOR bio 2' })
    expect(authorUpdate.status).toBe(200)

    const slugOf = async (id: Id, draft: boolean) =>
      (await ed.get<{ slug: string }>(`/api/articles/${id}${draft ? '?draft=true' : ''}`)).body.slug
    f.slugs = {
      a: await slugOf(f.a, true),
      b: await slugOf(f.b, true),
      c: await slugOf(f.c, true),
      cLive: await slugOf(f.c, false),
      d: await slugOf(f.d, true),
    }
    for (const slug of Object.values(f.slugs)) expect(slug).toMatch(/^[a-z0-9-]+$/)
    f.authorSlugB = (await ed.get<{ slug: string }>(`/api/authors/${f.authorB}`)).body.slug

    // every delivery made for the fixture has been answered (3 publishes and 1 unpublish at least)
    const until = Date.now() + 30_000
    for (;;) {
      const log = await api
        .as(tokens.admin)
        .get<{ docs: { status: string }[] }>('/api/webhook-deliveries?limit=100&depth=0')
      const settled = log.body.docs.every((d) => d.status === 'succeeded' || d.status === 'failed')
      if (log.body.docs.length >= 4 && settled && receiver.received.length >= log.body.docs.length)
        break
      if (Date.now() > until) throw new Error(`webhook deliveries: ${JSON.stringify(log.body)}`)
      await new Promise((r) => setTimeout(r, 200))
    }
    f.webhookDeliveries = receiver.received

    published = await issueClient(api.as(tokens.admin), 'Website', 'published')
    preview = await issueClient(api.as(tokens.admin), 'Preview site', 'preview')
  })

  afterAll(async () => {
    await server?.stop()
    await receiver?.close()
    await db?.drop()
  })

  it('the fixture is what the suite says: staff see every secret (so the probes can fail)', async () => {
    const staff = api.as(tokens.editor)
    const b = await staff.get(`/api/articles/${f.b}?draft=true`)
    expect(JSON.stringify(b.body)).toContain(secret('B-TITLE'))
    const c = await staff.get<{ title: string; source: { rawText: string } }>(
      `/api/articles/${f.c}?draft=true`,
    )
    expect(c.body.title).toBe(secret('C-DRAFT-TITLE'))
    expect(c.body.source.rawText).toBe(secret('SOURCE-C'))
    const d = await staff.get<{ workflowStatus: string; _status: string }>(`/api/articles/${f.d}`)
    expect(d.body).toMatchObject({ workflowStatus: 'unpublished', _status: 'draft' })
    const notes = await staff.get('/api/audit-events?limit=100')
    expect(JSON.stringify(notes.body)).toContain(secret('NOTE-B'))
  })

  it.each(['anonymous', 'published client'] as const)(
    'as %s, no channel shows a draft, a note or source text',
    async (who) => {
      const caller = callers()[who]
      const failures: string[] = []
      for (const channel of CHANNELS) {
        const { status, text: got } = await channel.read(caller, f)
        let text = got
        for (const echo of channel.ignore?.(f) ?? []) text = text.split(echo).join('')
        if (status >= 500) failures.push(`${channel.name}: ${status}`)
        // a draft-only article's slug is as secret as its title (sitemaps, feeds, links)
        for (const slug of [f.slugs.b, f.slugs.d]) {
          if (text.includes(slug)) failures.push(`${channel.name}: leaked the slug ${slug}`)
        }
        if (text.includes(MARK)) {
          failures.push(`${channel.name}: leaked ${text.match(new RegExp(`${MARK}-[A-Z-]+`))?.[0]}`)
        }
        for (const shown of channel.shows?.(f) ?? []) {
          if (!text.includes(shown))
            failures.push(`${channel.name}: does not show ${shown} (${status})`)
        }
      }
      expect(failures).toEqual([])
    },
  )

  it.each(['anonymous', 'published client'] as const)(
    'as %s, lists count only published articles, and where/sort on staff-only or draft fields changes no count or order',
    async (who) => {
      const caller = callers()[who]
      const count = async (query: string) => {
        const res = await caller.get<{ totalDocs?: number; docs?: { id: Id }[] }>(
          `/api/articles?limit=100&${query}`,
        )
        expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBeLessThan(500)
        return res.status === 200 ? res.body.totalDocs! : null
      }
      const baseline = await count('')
      expect(baseline).toBe(2)
      expect(await count('draft=true')).toBe(2)
      // draft text is not searchable
      for (const q of [
        `where[title][like]=${MARK}`,
        `where[summary][like]=${MARK}`,
        `where[title][equals]=${secret('C-DRAFT-TITLE')}`,
        `draft=true&where[title][like]=${MARK}`,
        `where[workflowStatus][equals]=in_review`,
        `where[workflowStatus][equals]=unpublished`,
        `where[_status][equals]=draft`,
        `where[id][equals]=${f.b}`,
        `where[or][0][id][equals]=${f.d}`,
      ]) {
        expect(await count(q), q).toBe(0)
      }
      // staff-only fields: refused (4xx), or ignored — never a filter that depends on their value
      for (const path of STAFF_ONLY_PATHS) {
        const some = await count(`where[${path}][exists]=true`)
        const none = await count(`where[${path}][exists]=false`)
        const like = await count(`where[${path}][like]=${MARK}`)
        for (const [label, n] of [
          ['exists=true', some],
          ['exists=false', none],
          ['like', like],
        ] as const) {
          expect(n === null || n === baseline, `${path} ${label}: ${n}`).toBe(true)
        }
        const asc = await caller.get<{ docs?: { id: Id }[] }>(
          `/api/articles?limit=100&sort=${path}`,
        )
        const desc = await caller.get<{ docs?: { id: Id }[] }>(
          `/api/articles?limit=100&sort=-${path}`,
        )
        expect(asc.status, `sort ${path}`).toBeLessThan(500)
        if (asc.status === 200 && desc.status === 200) {
          expect(
            asc.body.docs!.map((d) => d.id),
            `sort by ${path} must not order by its value`,
          ).toEqual(desc.body.docs!.map((d) => d.id))
        }
      }
      // GraphQL counts
      const gqlCount = await caller.graphql<{ Articles: { totalDocs: number } }>(
        `{ Articles(where: { title: { like: "${MARK}" } }, draft: true) { totalDocs } }`,
      )
      expect(gqlCount.body.data?.Articles.totalDocs ?? 0).toBe(0)
    },
  )

  it('the response cache never serves an anonymous entry to staff or clients, never keeps a staff/preview answer, and a 304 is only for the public version', async () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
    const staffHeaders: Record<string, Record<string, string>> = {
      'editor (JWT)': { Authorization: `JWT ${tokens.editor}` },
      'editor (cookie)': { Cookie: `payload-token=${tokens.editor}`, Origin: server.url },
      'published client': { Authorization: published.api.authorization! },
      'preview client': { Authorization: preview.api.authorization! },
    }
    const probes = [
      {
        path: `/api/articles?limit=100&cacheProbe=${kind}`,
        staffSees: secret('B-TITLE'),
      },
      { path: `/api/articles/${f.c}?cacheProbe=1`, staffSees: null },
      { path: `/api/articles/${f.b}?cacheProbe=1`, staffSees: secret('B-TITLE') },
      { path: `/api/search?q=PUBLIC&cacheProbe=1`, staffSees: null },
      { path: `/feeds/rss.xml?cacheProbe=1`, staffSees: null },
      { path: `/sitemap-news.xml?cacheProbe=1`, staffSees: null },
      { path: `/api/articles/${f.c}/ninjs?cacheProbe=1`, staffSees: null },
    ]
    for (const { path, staffSees } of probes) {
      // 1. staff read the URL first: never cached, never publicly cacheable
      for (const [who, headers] of Object.entries(staffHeaders)) {
        const res = await get(path, headers)
        const text = await res.text()
        expect(res.status, `${who} ${path}`).toBeLessThan(500)
        expect(res.headers.get('etag'), `${who} ${path}`).toBeNull()
        expect(res.headers.get('x-cache'), `${who} ${path}`).toBeNull()
        expect(res.headers.get('cache-control'), `${who} ${path}`).toMatch(/private|no-store/)
        if (staffSees && who.startsWith('editor'))
          expect(text, `${who} ${path}`).toContain(staffSees)
      }
      // 2. the anonymous reader after them: the public answer, fresh (a miss), no staff text
      const first = await get(path)
      const firstText = await first.text()
      expect(first.headers.get('x-cache'), `anonymous after staff ${path}`).toBe(
        first.status === 200 ? 'miss' : null,
      )
      // (ninjs credits C's source editor by design: see creditedEditor)
      expect(firstText.split(secret('SRCEDITOR-C')).join(''), path).not.toContain(MARK)
      if (first.status !== 200) continue
      const etag = first.headers.get('etag')!
      expect(etag, path).toMatch(/^"g/)
      expect(first.headers.get('vary'), path).toMatch(/Authorization/i)
      const again = await get(path)
      expect(again.headers.get('x-cache'), path).toBe('hit')
      expect((await get(path, { 'If-None-Match': etag })).status, path).toBe(304)
      // 3. the reverse: staff and clients with the anonymous ETag get their own full answer, not a 304
      for (const [who, headers] of Object.entries(staffHeaders)) {
        const res = await get(path, { ...headers, 'If-None-Match': etag })
        const text = await res.text()
        expect(res.status, `${who} with the anonymous ETag ${path}`).toBe(200)
        expect(res.headers.get('etag'), `${who} ${path}`).toBeNull()
        expect(res.headers.get('x-cache'), `${who} ${path}`).toBeNull()
        if (staffSees && who.startsWith('editor'))
          expect(text, `${who} ${path}`).toContain(staffSees)
      }
      // 4. and the anonymous entry is still the public one
      const after = await get(path)
      expect(after.headers.get('etag'), path).toBe(etag)
      expect(await after.text(), path).toBe(firstText)
    }
    // the preview client's draft read is never cached, with or without a validator
    const draftPath = `/api/articles/${f.c}?draft=true&cacheProbe=2`
    for (let i = 0; i < 2; i++) {
      const res = await get(draftPath, { ...staffHeaders['preview client'], 'If-None-Match': '*' })
      expect(res.status).toBe(200)
      expect(res.headers.get('etag')).toBeNull()
      expect(res.headers.get('x-cache')).toBeNull()
      expect(await res.text()).toContain(secret('C-DRAFT-TITLE'))
    }
    const anonymousDraft = await get(draftPath)
    expect(await anonymousDraft.text()).not.toContain(MARK)
    expect(anonymousDraft.headers.get('etag')).toBeNull()
  })

  it('a `preview` client, on every channel, sees no source text, file name or workflow note', async () => {
    const failures: string[] = []
    for (const channel of CHANNELS) {
      const { status, text: got } = await channel.read(preview.api as Api, f)
      let text = got
      for (const allowed of channel.ignore?.(f) ?? []) text = text.split(allowed).join('')
      // the preview client reads drafts, and a draft's ninjs credits its source editor as the
      // published document will (the same value for any article; no other `source` field)
      if (channel.name.startsWith('ninjs')) {
        text = text.replace(new RegExp(`${MARK}-SRCEDITOR-[A-D]`, 'g'), '')
      }
      if (status >= 500) failures.push(`${channel.name}: ${status}`)
      for (const hidden of ['SOURCE-', 'SRCEDITOR-', 'SRCOUTLET-', 'FILE-', 'NOTE-']) {
        if (text.includes(`${MARK}-${hidden}`)) failures.push(`${channel.name}: leaked ${hidden}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('a `preview` client reads the latest drafts (REST ?draft=true by id, GraphQL draft: true) but no source text or notes', async () => {
    const c = await preview.api.get<{ title: string; source?: unknown; createdBy?: unknown }>(
      `/api/articles/${f.c}?draft=true`,
    )
    expect(c.status).toBe(200)
    expect(c.body.title).toBe(secret('C-DRAFT-TITLE'))
    // the importer-owned group comes back empty (every field in it is staff-only)
    expect(Object.keys((c.body.source ?? {}) as object)).toEqual([])
    expect(c.body.createdBy).toBeUndefined()
    // without ?draft=true: the published version
    expect((await preview.api.get<{ title: string }>(`/api/articles/${f.c}`)).body.title).toBe(
      'PUBLIC-C headline',
    )
    const b = await preview.api.get<{ title: string }>(`/api/articles/${f.b}?draft=true`)
    expect(b.body.title).toBe(secret('B-TITLE'))
    const g = await preview.api.graphql<{ Article: { title: string } }>(
      `{ Article(id: ${lit(f.c)}, draft: true) { title } }`,
    )
    expect(g.body.data?.Article.title).toBe(secret('C-DRAFT-TITLE'))
    const text = JSON.stringify([
      (await preview.api.get('/api/articles?limit=100&draft=true')).body,
      (await preview.api.get('/api/articles/versions')).body,
      (await preview.api.get('/api/audit-events')).body,
    ])
    for (const hidden of ['SOURCE-', 'SRCEDITOR-', 'NOTE-B', 'NOTE-D', 'FILE-']) {
      expect(text).not.toContain(`${MARK}-${hidden}`)
    }
    expect((await preview.api.get('/api/articles/versions')).status).toBe(403)
  })

  it('a `preview` client is read-only: every write through REST, GraphQL and the workflow endpoint is refused and changes nothing', async () => {
    const p = preview.api
    const writes = [
      await p.post('/api/articles', { title: 'Injected' }),
      await p.patch(`/api/articles/${f.c}`, { title: 'Defaced' }),
      await p.patch(`/api/articles/${f.c}?draft=true`, { title: 'Defaced draft' }),
      await p.delete(`/api/articles/${f.a}`),
      await p.post(`/api/articles/${f.b}/workflow`, { action: 'approve' }),
      await p.post('/api/media', { caption: 'x' }),
      await p.post('/api/authors', { name: 'x' }),
      await p.post('/api/payload-preferences/nav', { value: { open: true } }),
      await p.patch(`/api/api-clients/${preview.id}`, { scope: 'preview', enabled: true }),
      await p.post('/api/api-clients', { name: 'Escalate', scope: 'preview' }),
    ]
    expect(writes.map((w) => w.status)).toEqual(writes.map(() => 403))
    const mutation = await p.graphql(
      `mutation { updateArticle(id: ${lit(f.c)}, data: { title: "Defaced" }) { title } }`,
    )
    expect(mutation.body.errors?.[0]?.message).toMatch(/read-only/i)
    // Payload's own preference mutation is open to any signed-in user: refused for API clients too
    const pref = await p.graphql('mutation { updatePreference(key: "nav", value: {}) { key } }')
    expect(pref.body.errors?.[0]?.message).toMatch(/read-only/i)
    const staff = api.as(tokens.editor)
    const a = await staff.get<{ title: string }>(`/api/articles/${f.a}`)
    expect(a.status).toBe(200)
    expect(a.body.title).toBe('PUBLIC-A headline')
    const c = await staff.get<{ title: string }>(`/api/articles/${f.c}?draft=true`)
    expect(c.body.title).toBe(secret('C-DRAFT-TITLE'))
    const b = await staff.get<{ workflowStatus: string }>(`/api/articles/${f.b}`)
    expect(b.body.workflowStatus).toBe('in_review')
    expect((await staff.get<{ totalDocs: number }>('/api/articles?limit=1')).body.totalDocs).toBe(4)
  })

  it('the OpenAPI document has no staff-only fields in the public schemas or examples', async () => {
    const doc = (
      await api.as(null).get<{
        components: {
          schemas: Record<string, { properties?: Record<string, unknown> }>
          examples: unknown
        }
      }>('/api/openapi.json')
    ).body
    const article = doc.components.schemas.Article.properties ?? {}
    expect(Object.keys(article)).toEqual(
      expect.arrayContaining(['title', 'slug', 'body', 'authors']),
    )
    for (const field of [
      'source',
      'createdBy',
      'submittedBy',
      'apiKey',
      'apiKeyIndex',
      'keyHint',
    ]) {
      expect(Object.keys(article), field).not.toContain(field)
    }
    expect(Object.keys(doc.components.schemas)).not.toContain('Editor')
    expect(Object.keys(doc.components.schemas)).not.toContain('ApiClient')
    const text = JSON.stringify(doc)
    expect(text).not.toContain('rawText')
    expect(text).not.toContain(MARK)
  })
})
