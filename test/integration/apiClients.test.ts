import { compileErrors, validate } from '@readme/openapi-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts } from '../helpers/api'
import { HeaderApi, issueClient, keyHeader } from '../helpers/apiClients'
import type { IssuedClient } from '../helpers/apiClients'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { raw } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

type Id = number | string
const SITE = 'https://site.example'

describe.each(TEST_DATABASES)('API clients, preview and OpenAPI on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let published: IssuedClient
  let preview: IssuedClient
  let ownArticle: Id
  let liveArticle: Id
  const emptyCollectionProbes: [string, number, string][] = []
  const anyKeyLeak = (text: string, ...keys: string[]) => keys.filter((k) => text.includes(k))

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri, env: { CORS_ORIGINS: SITE } })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    // while there is no API client yet: Payload's auth routes must not create or sign one in
    for (const path of ['first-register', 'login', 'forgot-password', 'reset-password', 'unlock']) {
      const res = await api.as(null).post(`/api/api-clients/${path}`, {
        name: 'Intruder',
        scope: 'preview',
        email: 'x@x.test',
        password: 'x'.repeat(20),
        token: 'x',
      })
      emptyCollectionProbes.push([path, res.status, JSON.stringify(res.body)])
    }
    published = await issueClient(api.as(tokens.admin), 'Website', 'published')
    preview = await issueClient(api.as(tokens.admin), 'Preview', 'preview')
    const c = api.as(tokens.contributor)
    ownArticle = (
      await c.post<{ doc: { id: Id } }>('/api/articles?draft=true', { title: 'Contributor draft' })
    ).body.doc.id
    liveArticle = (
      await c.post<{ doc: { id: Id } }>('/api/articles?draft=true', { title: 'Going live' })
    ).body.doc.id
    for (const [token, action] of [
      [tokens.contributor, 'submit'],
      [tokens.editor, 'approve'],
      [tokens.editor, 'publish'],
    ] as const) {
      const res = await api.as(token).post(`/api/articles/${liveArticle}/workflow`, { action })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it('an admin issues a key once: 201 no-store with the key; afterwards only its hint, in no response or log', async () => {
    const admin = api.as(tokens.admin)
    const created = await admin.post<{ doc: { id: Id } }>('/api/api-clients', {
      name: 'Android app',
      scope: 'published',
    })
    expect(created.status).toBe(201)
    expect(JSON.stringify(created.body)).not.toMatch(/rdk_/)
    const id = created.body.doc.id
    const issued = await admin.post<{ key: string; keyHint: string }>(`/api/api-clients/${id}/key`)
    expect(issued.status).toBe(201)
    expect(issued.headers.get('cache-control')).toContain('no-store')
    expect(issued.body.key).toMatch(/^rdk_[A-Za-z0-9_-]{43}$/)
    expect(issued.body.keyHint).toBe(`${issued.body.key.slice(0, 8)}…`)
    const key = issued.body.key
    const client = new HeaderApi(server.url, keyHeader(key))
    expect((await client.get('/api/articles')).status).toBe(200)

    const afterwards = [
      await admin.get(`/api/api-clients/${id}`),
      await admin.get('/api/api-clients?limit=100&depth=2'),
      await admin.patch(`/api/api-clients/${id}`, { name: 'Android app v2' }),
      await admin.graphql('{ ApiClients { docs { id name scope keyHint apiKey enableAPIKey } } }'),
      await admin.get('/api/payload-locked-documents?depth=2'),
      await client.get('/api/api-clients/me'),
      await client.get('/api/editors/me'),
    ]
    const text = JSON.stringify(afterwards.map((r) => r.body))
    expect(anyKeyLeak(text, key, published.key, preview.key)).toEqual([])
    expect(text).not.toMatch(/apiKeyIndex|"apiKey":"/)
    const byId = afterwards[0].body as { keyHint?: string; apiKey?: string; hasAPIKey?: boolean }
    expect(byId.keyHint).toBe(issued.body.keyHint)
    // the admin cannot set a key of their own choosing: it is ignored and never authenticates
    const chosen = `rdk_${'A'.repeat(43)}`
    const forged = await admin.post<{ doc: { id: Id } }>('/api/api-clients', {
      name: 'Forged',
      scope: 'preview',
      enableAPIKey: true,
      apiKey: chosen,
    })
    expect(forged.status).toBe(201)
    expect((await new HeaderApi(server.url, keyHeader(chosen)).get('/api/articles')).status).toBe(
      401,
    )
    // replacing a key: the old one stops working at once
    const replaced = await admin.post<{ key: string }>(`/api/api-clients/${id}/key`)
    expect((await client.get('/api/articles')).status).toBe(401)
    expect(
      (await new HeaderApi(server.url, keyHeader(replaced.body.key)).get('/api/articles')).status,
    ).toBe(200)
    // no log line carries a key
    expect(anyKeyLeak(server.output(), key, replaced.body.key, published.key, preview.key)).toEqual(
      [],
    )
  })

  it('only admins manage API clients (anonymous, contributor, editor, both client scopes refused)', async () => {
    const callers: [string, Api, number[]][] = [
      ['anonymous', api.as(null), [401, 403]],
      ['contributor', api.as(tokens.contributor), [403]],
      ['editor', api.as(tokens.editor), [403]],
      ['published client', published.api, [403]],
      ['preview client', preview.api, [403]],
    ]
    for (const [who, caller, refused] of callers) {
      const list = await caller.get<{ docs?: unknown[] }>('/api/api-clients')
      expect(refused, `${who} list ${list.status}`).toContain(list.status)
      const create = await caller.post('/api/api-clients', {
        name: `${who} client`,
        scope: 'preview',
      })
      expect(refused, `${who} create ${create.status}`).toContain(create.status)
      const key = await caller.post(`/api/api-clients/${published.id}/key`)
      expect(refused, `${who} key ${key.status}`).toContain(key.status)
      expect(JSON.stringify(key.body)).not.toMatch(/rdk_/)
      const del = await caller.delete(`/api/api-clients/${published.id}`)
      expect(refused, `${who} delete ${del.status}`).toContain(del.status)
    }
    expect((await published.api.get('/api/articles')).status).toBe(200)
    // Payload's auth routes on the empty collection (probed in beforeAll): refused, nothing created
    expect(
      emptyCollectionProbes.map(([path, status]) => [path, status >= 400 && status < 500]),
    ).toEqual(emptyCollectionProbes.map(([path]) => [path, true]))
    expect(emptyCollectionProbes.map(([, , body]) => body).join()).not.toMatch(/"token"|rdk_/)
    const all = await api
      .as(tokens.admin)
      .get<{ docs: { name: string }[] }>('/api/api-clients?limit=100')
    expect(all.body.docs.map((d) => d.name)).not.toContain('Intruder')
    // bad ids on the key endpoint: 4xx, never 500
    for (const bad of ['abc', '0', '1%20OR%201=1', '99999999']) {
      const res = await api.as(tokens.admin).post(`/api/api-clients/${bad}/key`)
      expect([400, 404], `${bad}: ${res.status}`).toContain(res.status)
    }
  })

  it('a malformed, unknown, huge, disabled or deleted key gets 401 at once, never an anonymous answer', async () => {
    const admin = api.as(tokens.admin)
    const temp = await issueClient(admin, 'Temporary', 'published')
    expect((await temp.api.get('/api/articles')).status).toBe(200)
    for (const header of [
      'api-clients',
      'api-clients API-Key ',
      'api-clients API-Key not-a-key',
      `api-clients Bearer ${temp.key}`,
      `api-clients API-Key rdk_${'B'.repeat(43)}`,
      `api-clients API-Key ${temp.key.slice(0, -1)}x`,
      `api-clients API-Key ${'x'.repeat(8000)}`,
    ]) {
      const res = await new HeaderApi(server.url, header).get('/api/articles')
      expect(res.status, header.slice(0, 50)).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('api-clients API-Key')
      const gql = await new HeaderApi(server.url, header).graphql('{ Articles { totalDocs } }')
      expect(gql.status).toBe(401)
    }
    // a header larger than Node accepts is refused by the server itself, still no 500
    const giant = await raw(`${server.url}/api/articles`, {
      headers: { Authorization: `api-clients API-Key ${'x'.repeat(20_000)}` },
    })
    expect([401, 431]).toContain(giant.status)

    expect((await admin.patch(`/api/api-clients/${temp.id}`, { enabled: false })).status).toBe(200)
    expect((await temp.api.get('/api/articles')).status).toBe(401)
    expect((await temp.api.graphql('{ Articles { totalDocs } }')).status).toBe(401)
    expect((await admin.patch(`/api/api-clients/${temp.id}`, { enabled: true })).status).toBe(200)
    expect((await temp.api.get('/api/articles')).status).toBe(200)
    expect((await admin.delete(`/api/api-clients/${temp.id}`)).status).toBe(200)
    expect((await temp.api.get('/api/articles')).status).toBe(401)
    expect((await temp.api.get(`/api/articles/${liveArticle}`)).status).toBe(401)
  })

  it('lastUsedAt is recorded after use, at most once a minute', async () => {
    const admin = api.as(tokens.admin)
    const client = await issueClient(admin, 'Usage', 'published')
    const read = async () =>
      (await admin.get<{ lastUsedAt?: string | null }>(`/api/api-clients/${client.id}`)).body
        .lastUsedAt ?? null
    expect(await read()).toBeNull()
    await client.api.get('/api/articles')
    let first: string | null = null
    for (let i = 0; i < 40 && !first; i++) {
      await new Promise((r) => setTimeout(r, 100))
      first = await read()
    }
    expect(
      first,
      server
        .output()
        .split('\n')
        .filter((line) => /last used|error/i.test(line))
        .join('\n'),
    ).not.toBeNull()
    await Promise.all(Array.from({ length: 5 }, () => client.api.get('/api/articles')))
    await new Promise((r) => setTimeout(r, 500))
    expect(await read()).toBe(first)
  })

  it('scopes: a published client reads like anonymous (no drafts with ?draft=true); a preview client reads the latest draft', async () => {
    const anon = await api
      .as(null)
      .get<{ title?: string }>(`/api/articles/${ownArticle}?draft=true`)
    expect(anon.status).toBe(404)
    const pub = await published.api.get<{ title?: string }>(
      `/api/articles/${ownArticle}?draft=true`,
    )
    expect(pub.status).toBe(404)
    const prev = await preview.api.get<{ title?: string }>(`/api/articles/${ownArticle}?draft=true`)
    expect(prev.status).toBe(200)
    expect(prev.body.title).toBe('Contributor draft')
    const list = await published.api.get<{ totalDocs: number }>('/api/articles?draft=true')
    expect(list.body.totalDocs).toBe(1)
    // caps apply to API clients like anonymous readers
    const capped = await published.api.get<{ limit: number }>('/api/articles?limit=100000')
    expect(capped.body.limit).toBe(100)
    const unpaged = await preview.api.get('/api/articles?pagination=false')
    expect(unpaged.status).toBe(400)
  })

  it('the staff preview route (admin.preview): editors, admins and the owning contributor only', async () => {
    const path = `/api/articles/${ownArticle}/preview`
    const contributor2 = await api.as(tokens.admin).post<{ doc: { id: Id } }>('/api/editors', {
      email: 'contributor2@redaksi.test',
      password: 'correct horse battery staple',
      name: 'Other Contributor',
      role: 'contributor',
    })
    expect(contributor2.status).toBe(201)
    const other = await api.login('contributor2@redaksi.test', 'correct horse battery staple')
    const expectations: [string, Api, number][] = [
      ['anonymous', api.as(null), 401],
      ['published client', published.api, 403],
      ['preview client', preview.api, 403],
      ['contributor (not owner)', api.as(other), 404],
      ['contributor (owner)', api.as(tokens.contributor), 200],
      ['editor', api.as(tokens.editor), 200],
      ['admin', api.as(tokens.admin), 200],
    ]
    for (const [who, caller, status] of expectations) {
      const res = await caller.get(path)
      expect(res.status, who).toBe(status)
      if (status === 200) {
        expect(res.headers.get('content-type')).toContain('text/html')
        expect(res.headers.get('cache-control')).toContain('no-store')
        expect(String(res.body)).toContain('Contributor draft')
      } else {
        expect(JSON.stringify(res.body)).not.toContain('Contributor draft')
      }
    }
    // the title is escaped, never markup
    await api.as(tokens.contributor).patch(`/api/articles/${ownArticle}?draft=true`, {
      title: '<script>alert(1)</script>',
    })
    const page = await api.as(tokens.editor).get(path)
    expect(String(page.body)).not.toContain('<script>alert(1)')
    expect(String(page.body)).toContain('&lt;script&gt;')
    for (const bad of ['abc', '0', '99999999']) {
      const res = await api.as(tokens.editor).get(`/api/articles/${bad}/preview`)
      expect([400, 404], bad).toContain(res.status)
    }
  })

  it('serves a valid OpenAPI 3.1 document to every caller', async () => {
    for (const caller of [
      api.as(null),
      api.as(tokens.contributor),
      api.as(tokens.editor),
      api.as(tokens.admin),
      published.api,
      preview.api,
    ]) {
      expect((await caller.get('/api/openapi.json')).status).toBe(200)
    }
    const doc = (await api.as(null).get<Record<string, unknown>>('/api/openapi.json')).body
    expect(doc.openapi).toBe('3.1.0')
    const result = await validate(structuredClone(doc) as never)
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true)
    const paths = Object.keys(doc.paths as object)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/articles',
        '/api/articles/{id}',
        '/api/authors',
        '/api/authors/{id}',
        '/api/media',
        '/api/media/{id}',
        '/api/search',
        '/api/articles/{id}/ninjs',
        '/api/articles/slug/{slug}/ninjs',
        '/api/articles/{id}/workflow',
        '/feeds/rss.xml',
        '/sitemap-news.xml',
      ]),
    )
  })

  it('CORS: CORS_ORIGINS may read with an API key; other origins get no allow header; no credentials', async () => {
    const preflight = (origin: string) =>
      raw(`${server.url}/api/articles`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      })
    const ok = await preflight(SITE)
    expect(ok.status).toBe(204)
    expect(ok.headers['access-control-allow-origin']).toBe(SITE)
    expect(String(ok.headers['access-control-allow-headers'])).toMatch(/authorization/i)
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined()
    const evil = await preflight('https://evil.example')
    expect(evil.status).toBe(204)
    expect(evil.headers['access-control-allow-origin']).toBeUndefined()

    const read = await raw(`${server.url}/api/articles`, {
      headers: { Origin: SITE, Authorization: keyHeader(published.key) },
    })
    expect(read.status).toBe(200)
    expect(read.headers['access-control-allow-origin']).toBe(SITE)
    expect(String(read.headers.vary)).toMatch(/origin/i)
    const other = await raw(`${server.url}/api/articles`, {
      headers: { Origin: 'https://evil.example' },
    })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })
})
