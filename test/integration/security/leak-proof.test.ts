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
type Fixture = { a: Id; b: Id; c: Id; d: Id; authorB: Id; mediaB: Id; mediaC: Id }

/** One way to read content. `text` is everything the caller got back (body and headers). */
export type Channel = {
  name: string
  read: (caller: Caller, f: Fixture) => Promise<{ status: number; text: string }>
  /** Public text this channel must show (so a probe that silently fails cannot pass). */
  shows?: (f: Fixture) => string[]
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

/**
 * Channels added by other branches of issue #11 (search, feeds, sitemaps, ninjs, webhook
 * payloads): the integrator adds one row each here at merge, e.g.
 *   { name: 'search', read: rest(() => `/api/search?q=${MARK}`) },
 *   { name: 'RSS', read: rawText(() => '/feeds/rss.xml'), shows: () => ['PUBLIC-A'] },
 *   { name: 'ninjs C', read: rest((f) => `/api/articles/${f.c}/ninjs`), shows: () => ['PUBLIC-C'] },
 * Every row runs for the anonymous reader and the `published` client below.
 */
export const INTEGRATOR_CHANNELS: Channel[] = []

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

describe.each(TEST_DATABASES)('leak-proof delivery API on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let published: IssuedClient
  let preview: IssuedClient
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
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
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

    published = await issueClient(api.as(tokens.admin), 'Website', 'published')
    preview = await issueClient(api.as(tokens.admin), 'Preview site', 'preview')
  })

  afterAll(async () => {
    await server?.stop()
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
        const { status, text } = await channel.read(caller, f)
        if (status >= 500) failures.push(`${channel.name}: ${status}`)
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
