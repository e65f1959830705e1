import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

type Id = number | string
type List = {
  totalDocs: number
  docs: { id: Id; title?: string; name?: string; authors?: { name: string }[] }[]
}

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers, redirect: 'manual' })

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T

describe.each(TEST_DATABASES)('public reads: HTTP caching and the response cache on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let authorId: Id
  let liveId: Id
  let url: string

  const createArticle = async (title: string, publish: boolean): Promise<Id> => {
    const c = api.as(tokens.contributor)
    const created = await c.post<{ doc: { id: Id } }>('/api/articles?draft=true', {
      title,
      authors: [authorId],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    if (publish) {
      expect((await c.post(`/api/articles/${id}/workflow`, { action: 'submit' })).status).toBe(200)
      await transition(id, 'publish')
    }
    return id
  }
  const transition = async (id: Id, action: string) => {
    const res = await api.as(tokens.editor).post(`/api/articles/${id}/workflow`, { action })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const anonymousTitles = async () =>
    (await json<List>(await get(`${url}/api/articles?limit=50&depth=1`))).docs.map((d) => d.title)

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri })
    url = server.url
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    authorId = (
      await api.as(tokens.contributor).post<{ doc: { id: Id } }>('/api/authors', {
        name: 'Cache Reporter',
      })
    ).body.doc.id
    liveId = await createArticle('Live story', true)
    await createArticle('Unpublished draft', false)
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it('anonymous reads carry a strong ETag, Last-Modified and public Cache-Control; If-None-Match gets 304 on every cacheable route', async () => {
    for (const path of [
      '/api/articles?limit=10&depth=1',
      `/api/articles/${liveId}`,
      '/api/articles?where[slug][equals]=live-story&limit=1',
      '/api/authors',
      `/api/authors/${authorId}`,
      '/api/media',
    ]) {
      const first = await get(`${url}${path}`)
      expect(first.status, path).toBe(200)
      const etag = first.headers.get('etag')
      expect(etag, path).toMatch(/^"g\d+-[\w-]+"$/)
      expect(first.headers.get('cache-control')).toBe(
        'public, max-age=10, stale-while-revalidate=60',
      )
      expect(first.headers.get('vary')).toBe('Authorization, Cookie, Origin')
      expect(Date.parse(first.headers.get('last-modified') ?? '')).toBeGreaterThan(0)
      const body = await first.text()

      const again = await get(`${url}${path}`)
      expect(again.headers.get('x-cache'), path).toBe('hit')
      expect(again.headers.get('etag')).toBe(etag)
      expect(await again.text()).toBe(body)

      const conditional = await get(`${url}${path}`, { 'If-None-Match': etag! })
      expect(conditional.status, path).toBe(304)
      expect(conditional.headers.get('etag')).toBe(etag)
      expect(await conditional.text()).toBe('')
      const listOfTags = await get(`${url}${path}`, { 'If-None-Match': `"other", ${etag}` })
      expect(listOfTags.status).toBe(304)
      const stale = await get(`${url}${path}`, { 'If-None-Match': '"g0-stale"' })
      expect(stale.status).toBe(200)
    }
  })

  it('anonymous GraphQL queries are cached by their body; mutations and signed-in queries are not', async () => {
    // with a relationship: GraphQL resolves it through Payload's dataloader (pagination: false)
    const query = JSON.stringify({
      query: '{ Articles(limit: 5) { docs { title authors { name } } totalDocs } }',
    })
    const post = (headers: Record<string, string> = {}, body = query) =>
      fetch(`${url}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      })
    const first = await post()
    expect(first.status).toBe(200)
    const text = await first.text()
    expect(text).toContain('Live story')
    expect(text).toContain('Cache Reporter')
    expect(text).not.toContain('"errors"')
    const second = await post()
    expect(second.headers.get('x-cache')).toBe('hit')
    expect(await second.text()).toBe(text)
    // no HTTP caching for POST
    expect(second.headers.get('etag')).toBeNull()

    const signedIn = await post({ Authorization: `JWT ${tokens.editor}` })
    expect(signedIn.headers.get('x-cache')).toBeNull()
    expect(await signedIn.text()).toContain('Unpublished draft')

    const mutation = await post(
      {},
      JSON.stringify({ query: 'mutation { createAuthor(data: { name: "x" }) { id } }' }),
    )
    expect(mutation.headers.get('x-cache')).toBeNull()
    await mutation.arrayBuffer()
  })

  it('HEAD answers like GET without a body, and a 304 for a matching ETag', async () => {
    const res = await fetch(`${url}/api/articles?limit=10&depth=1`, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toMatch(/^"g/)
    expect(await res.text()).toBe('')
  })

  it('requests with credentials, drafts or preview are never cached and never publicly cacheable', async () => {
    // warm the anonymous entry first: the staff reads below must not get it
    await get(`${url}/api/articles?limit=50&depth=1`)
    const anonymous = await json<List>(await get(`${url}/api/articles?limit=50&depth=1`))
    expect(anonymous.docs.map((d) => d.title)).not.toContain('Unpublished draft')

    const variants: Record<string, string>[] = [
      { Authorization: `JWT ${tokens.editor}` },
      { Cookie: `payload-token=${tokens.editor}` },
      { Authorization: 'api-clients API-Key not-a-real-key' },
    ]
    for (const headers of variants) {
      const res = await get(`${url}/api/articles?limit=50&depth=1`, headers)
      expect(res.headers.get('cache-control'), JSON.stringify(headers)).toBe('private, no-store')
      expect(res.headers.get('etag')).toBeNull()
      expect(res.headers.get('x-cache')).toBeNull()
      const body = await res.text()
      // the editor sees drafts: never the anonymous cached answer
      if (headers.Authorization?.startsWith('JWT')) expect(body).toContain('Unpublished draft')
    }
    for (const path of [
      '/api/articles?limit=50&depth=1&draft=true',
      '/api/articles?limit=50&depth=1&preview=true',
    ]) {
      const res = await get(`${url}${path}`)
      expect(res.headers.get('cache-control'), path).toBe('private, no-store')
      expect(res.headers.get('etag')).toBeNull()
      expect(await res.text()).not.toContain('Unpublished draft')
    }
    // staff-only routes are not cached either
    const me = await get(`${url}/api/editors/me`)
    expect(me.headers.get('etag')).toBeNull()
    const versions = await get(`${url}/api/articles/versions`)
    expect(versions.headers.get('etag')).toBeNull()
  })

  it('publish, update of a live article, unpublish and an author change show at once; the ETag changes', async () => {
    const listUrl = `${url}/api/articles?limit=50&depth=1`
    await get(listUrl)
    const before = await get(listUrl)
    expect(before.headers.get('x-cache')).toBe('hit')
    const etag = before.headers.get('etag')!

    // publish
    const fresh = await createArticle('Breaking news', true)
    expect(await anonymousTitles()).toContain('Breaking news')
    const afterPublish = await get(listUrl, { 'If-None-Match': etag })
    expect(afterPublish.status).toBe(200)
    expect(afterPublish.headers.get('etag')).not.toBe(etag)
    await afterPublish.arrayBuffer()

    // a correction to a live article: saved as a pending draft (public unchanged), then published
    const editor = api.as(tokens.editor)
    const saved = await editor.patch(`/api/articles/${fresh}`, {
      title: 'Breaking news (corrected)',
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    await get(`${url}/api/articles/${fresh}`)
    expect((await json<{ title: string }>(await get(`${url}/api/articles/${fresh}`))).title).toBe(
      'Breaking news',
    )
    await transition(fresh, 'publish_changes')
    expect((await json<{ title: string }>(await get(`${url}/api/articles/${fresh}`))).title).toBe(
      'Breaking news (corrected)',
    )
    expect(await anonymousTitles()).toContain('Breaking news (corrected)')

    // unpublish
    await transition(fresh, 'unpublish')
    expect(await anonymousTitles()).not.toContain('Breaking news (corrected)')
    expect((await get(`${url}/api/articles/${fresh}`)).status).toBe(404)

    // an author's name, populated at depth 1 into every article that carries the byline
    const live = await json<List['docs'][number]>(
      await get(`${url}/api/articles/${liveId}?depth=1`),
    )
    expect(live.authors?.[0].name).toBe('Cache Reporter')
    const renamed = await editor.patch(`/api/authors/${authorId}`, { name: 'Renamed Reporter' })
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200)
    const after = await json<List['docs'][number]>(
      await get(`${url}/api/articles/${liveId}?depth=1`),
    )
    expect(after.authors?.[0].name).toBe('Renamed Reporter')
    const authors = await json<List>(await get(`${url}/api/authors`))
    expect(authors.docs.map((d) => d.name)).toContain('Renamed Reporter')
  })

  it('public reads never return staff-only fields, including in depth-1 population', async () => {
    const doc = await json<Record<string, unknown>>(
      await get(`${url}/api/articles/${liveId}?depth=1`),
    )
    expect(doc.title).toBe('Live story')
    expect(doc).not.toHaveProperty('source')
    expect(doc).not.toHaveProperty('submittedBy')
    expect(doc).not.toHaveProperty('createdBy')
    const staff = await editorRead(`/api/articles/${liveId}?depth=0`)
    expect(staff).toHaveProperty('createdBy')
  })

  const editorRead = async (path: string) =>
    (await api.as(tokens.editor).get<Record<string, unknown>>(path)).body
})

describe.runIf(TEST_DATABASES.includes('postgres'))(
  'public reads: two app servers on one Postgres database',
  () => {
    let db: TestDatabase
    let a: TestServer
    let b: TestServer

    beforeAll(async () => {
      db = await createTestDatabase('postgres')
      // one secret, as behind a load balancer: a login on one server is valid on the other
      const env = { PAYLOAD_SECRET: randomBytes(24).toString('hex') }
      a = await startTestServer({ databaseUri: db.uri, env })
      b = await startTestServer({ databaseUri: db.uri, env })
    })

    afterAll(async () => {
      await a?.stop()
      await b?.stop()
      await db?.drop()
    })

    it('an article published on one server is in the other server’s cached list within 1 s', async () => {
      const apiA = new Api(a.url)
      const tokens = await bootstrapAccounts(apiA)
      const c = apiA.as(tokens.contributor)
      const id = (
        await c.post<{ doc: { id: Id } }>('/api/articles?draft=true', { title: 'Across servers' })
      ).body.doc.id
      expect((await c.post(`/api/articles/${id}/workflow`, { action: 'submit' })).status).toBe(200)

      const listB = `${b.url}/api/articles?limit=20&depth=1`
      await get(listB)
      const warm = await get(listB)
      expect(warm.headers.get('x-cache')).toBe('hit')
      expect(await warm.text()).not.toContain('Across servers')

      const published = await apiA
        .as(tokens.editor)
        .post(`/api/articles/${id}/workflow`, { action: 'publish' })
      expect(published.status).toBe(200)
      const start = Date.now()
      let seenAfter = -1
      while (Date.now() - start < 3_000) {
        const body = await (await get(listB)).text()
        if (body.includes('Across servers')) {
          seenAfter = Date.now() - start
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(seenAfter).toBeGreaterThanOrEqual(0)
      expect(seenAfter).toBeLessThan(1_000)

      // and unpublishing on B is seen on A's cache
      const listA = `${a.url}/api/articles?limit=20&depth=1`
      await get(listA)
      expect((await get(listA)).headers.get('x-cache')).toBe('hit')
      const apiB = new Api(b.url)
      expect(
        (await apiB.as(tokens.editor).post(`/api/articles/${id}/workflow`, { action: 'unpublish' }))
          .status,
      ).toBe(200)
      const start2 = Date.now()
      let goneAfter = -1
      while (Date.now() - start2 < 3_000) {
        if (!(await (await get(listA)).text()).includes('Across servers')) {
          goneAfter = Date.now() - start2
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(goneAfter).toBeGreaterThanOrEqual(0)
      expect(goneAfter).toBeLessThan(1_000)
    })
  },
)
