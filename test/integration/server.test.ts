import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { postJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

type Doc = { id: string | number; title?: string; _status?: string; role?: string }
type List = { docs: Doc[]; totalDocs: number }

describe.each(TEST_DATABASES)('Redaksi server on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let draftId: string | number
  let publishedId: string | number

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri })
    api = new Api(server.url)
  })

  afterAll(async () => {
    const code = await server?.stop('SIGTERM')
    await db?.drop()
    // graceful shutdown exits cleanly
    expect(code).toBe(0)
  })

  it('answers /healthz and /readyz as JSON', async () => {
    const health = await api.get<{ status: string }>('/healthz')
    expect(health.status).toBe(200)
    expect(health.body.status).toBe('ok')
    const ready = await api.get<{ status: string; database: string }>('/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body).toMatchObject({ status: 'ready', database: kind })
  })

  it('answers unknown API routes and malformed requests with JSON errors', async () => {
    const res = await api.get<{ errors?: unknown[] }>('/api/no-such-collection')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const bad = await fetch(`${server.url}/api/articles/1/workflow`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{not json',
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /JSON/,
    )
  })

  it('sends a fresh admin to the create-first-user screen', async () => {
    // (the browser test checks the screen itself)
    const res = await fetch(`${server.url}/admin`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const page = await fetch(`${server.url}/admin/create-first-user`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<html')
  })

  it('makes the first account an admin and logs accounts in', async () => {
    tokens = await bootstrapAccounts(api)
    const me = await api.as(tokens.admin).get<{ user: Doc }>('/api/editors/me')
    expect(me.body.user.role).toBe('admin')
    const contributorMe = await api.as(tokens.contributor).get<{ user: Doc }>('/api/editors/me')
    expect(contributorMe.body.user.role).toBe('contributor')
  })

  it('refuses a second first-register', async () => {
    const res = await api.post('/api/editors/first-register', {
      email: 'intruder@redaksi.test',
      password: PASSWORD,
      name: 'Intruder',
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    const login = await api.post('/api/editors/login', {
      email: 'intruder@redaksi.test',
      password: PASSWORD,
    })
    expect(login.status).toBe(401)
  })

  it('lets an editor create, read and update articles over REST', async () => {
    const editor = api.as(tokens.editor)
    const created = await editor.post<{ doc: Doc & { slug: string } }>('/api/articles', {
      title: 'Banjir Rendam Ratusan Rumah di Kabupaten Bekasi',
      summary: 'Draf: belum terbit.',
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.slug).toBe('banjir-rendam-ratusan-rumah-di-kabupaten-bekasi')
    expect(created.body.doc._status).toBe('draft')
    draftId = created.body.doc.id

    const read = await editor.get<Doc>(`/api/articles/${draftId}?draft=true`)
    expect(read.status).toBe(200)
    expect(read.body.title).toBe('Banjir Rendam Ratusan Rumah di Kabupaten Bekasi')

    const forged = await editor.patch<{ doc: Doc & { source?: { fileName?: string | null } } }>(
      `/api/articles/${draftId}?draft=true`,
      { source: { fileName: 'forged.txt', rawText: 'forged' } },
    )
    expect(forged.status).toBe(200)
    expect(forged.body.doc.source?.fileName ?? null).toBeNull()

    const updated = await editor.patch<{ doc: Doc & { summary: string } }>(
      `/api/articles/${draftId}?draft=true`,
      { summary: 'Draf yang diperbarui.' },
    )
    expect(updated.status).toBe(200)
    expect(updated.body.doc.summary).toBe('Draf yang diperbarui.')
  })

  it('publishes through the workflow and serves it to anonymous readers over REST and GraphQL', async () => {
    const contributor = api.as(tokens.contributor)
    const created = await contributor.post<{ doc: Doc }>('/api/articles', {
      title: 'Presiden Resmikan Bendungan Baru',
    })
    expect(created.status).toBe(201)
    publishedId = created.body.doc.id
    const submitted = await contributor.post(`/api/articles/${publishedId}/workflow`, {
      action: 'submit',
    })
    expect(submitted.status).toBe(200)
    const editor = api.as(tokens.editor)
    const published = await editor.post<{ doc: Doc & { workflowStatus: string } }>(
      `/api/articles/${publishedId}/workflow`,
      { action: 'publish' },
    )
    expect(published.status).toBe(200)
    expect(published.body.doc._status).toBe('published')

    const list = await api.get<List>('/api/articles')
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d) => d.id)).toEqual([publishedId])

    const gql = await api.graphql<{ Articles: { docs: { id: string | number; title: string }[] } }>(
      '{ Articles { docs { id title } } }',
    )
    expect(gql.status).toBe(200)
    expect(gql.body.data?.Articles.docs.map((d) => d.title)).toEqual([
      'Presiden Resmikan Bendungan Baru',
    ])
  })

  it('never shows a draft to an anonymous client', async () => {
    const find = await api.get<List>('/api/articles?draft=true&limit=100')
    expect(find.body.docs.map((d) => d.id)).not.toContain(draftId)

    const where = await api.get<List>(`/api/articles?where[id][equals]=${draftId}&draft=true`)
    expect(where.body.totalDocs).toBe(0)

    const byId = await api.get(`/api/articles/${draftId}`)
    expect(byId.status).toBe(404)
    const byIdDraft = await api.get(`/api/articles/${draftId}?draft=true`)
    expect(byIdDraft.status).toBe(404)

    const versions = await api.get<{ docs?: unknown[] }>('/api/articles/versions')
    expect([401, 403]).toContain(versions.status)

    const staffVersions = await api
      .as(tokens.editor)
      .get<{ docs: { id: string | number; parent: string | number }[] }>(
        `/api/articles/versions?where[parent][equals]=${draftId}`,
      )
    expect(staffVersions.status).toBe(200)
    const versionId = staffVersions.body.docs[0]?.id
    expect(versionId).not.toBeUndefined()
    const oneVersion = await api.get(`/api/articles/versions/${versionId}`)
    expect([401, 403, 404]).toContain(oneVersion.status)

    const gqlOne = await api.graphql<{ Article: Doc | null }>(
      `query($id: ${kind === 'postgres' || kind === 'sqlite' ? 'Int' : 'String'}!) { Article(id: $id, draft: true) { id title } }`,
      { id: draftId },
    )
    expect(gqlOne.body.data?.Article ?? null).toBeNull()

    const gqlList = await api.graphql<{ Articles: { docs: Doc[] } }>(
      '{ Articles(draft: true, limit: 100) { docs { id title } } }',
    )
    expect(gqlList.body.data?.Articles.docs.map((d) => d.id)).not.toContain(draftId)

    const gqlVersions = await api.graphql<{ versionsArticles: { docs: unknown[] } | null }>(
      '{ versionsArticles { docs { id } } }',
    )
    expect(gqlVersions.body.data?.versionsArticles ?? null).toBeNull()
    expect(gqlVersions.body.errors?.length ?? 0).toBeGreaterThan(0)
  })

  it('refuses anonymous writes', async () => {
    const res = await api.post('/api/articles', { title: 'Anonim' })
    expect(res.status).toBe(403)
    const patch = await api.patch(`/api/articles/${publishedId}`, { title: 'Dirusak' })
    expect(patch.status).toBe(403)
  })

  it('does not let an editor raise their own role', async () => {
    const editor = api.as(tokens.editor)
    const res = await editor.patch<{ errors?: { message: string }[] }>(
      `/api/editors/${tokens.ids.editor}`,
      {
        role: 'admin',
      },
    )
    expect(res.status).toBe(403)
    const me = await editor.get<{ user: Doc }>('/api/editors/me')
    expect(me.body.user.role).toBe('editor')

    const contributor = api.as(tokens.contributor)
    const c = await contributor.patch(`/api/editors/${tokens.ids.contributor}`, { role: 'editor' })
    expect(c.status).toBe(403)

    const gql = await contributor.graphql(
      `mutation { updateEditor(id: ${JSON.stringify(tokens.ids.contributor)}, data: { role: admin }) { role } }`,
    )
    expect(gql.body.errors?.length ?? 0).toBeGreaterThan(0)
    const after = await contributor.get<{ user: Doc }>('/api/editors/me')
    expect(after.body.user.role).toBe('contributor')
  })

  it('lets an admin change roles', async () => {
    const res = await api
      .as(tokens.admin)
      .patch<{ doc: Doc }>(`/api/editors/${tokens.ids.editor2}`, {
        role: 'contributor',
      })
    expect(res.status).toBe(200)
    expect(res.body.doc.role).toBe('contributor')
  })

  it('throttles one client, locks an account after 20 failures from many clients, and only an admin can unlock it', async () => {
    // one client: 5 failures, then 429 (the account is not locked by one client)
    for (let i = 0; i < 5; i++) {
      const bad = await api.post('/api/editors/login', {
        email: 'editor2@redaksi.test',
        password: 'wrong-password',
      })
      expect(bad.status).toBe(401)
    }
    const throttled = await api.post('/api/editors/login', {
      email: 'editor2@redaksi.test',
      password: PASSWORD,
    })
    expect(throttled.status).toBe(429)
    // guessing spread over many clients still locks the account (20 failures in all)
    for (let i = 0; i < 15; i++) {
      const bad = await postJson(
        `${server.url}/api/editors/login`,
        { email: 'editor2@redaksi.test', password: 'wrong-password' },
        { localAddress: `127.0.9.${1 + Math.floor(i / 3)}` },
      )
      expect(bad.status).toBe(401)
    }
    const locked = await postJson(
      `${server.url}/api/editors/login`,
      { email: 'editor2@redaksi.test', password: PASSWORD },
      { localAddress: '127.0.9.100' },
    )
    expect(locked.status).toBe(401)
    // the same answer as a wrong password: a lock does not reveal that the account exists
    expect(locked.text).toContain('The email or password provided is incorrect.')

    const byEditor = await api
      .as(tokens.editor)
      .post('/api/editors/unlock', { email: 'editor2@redaksi.test' })
    expect(byEditor.status).toBe(403)
    const byAdmin = await api
      .as(tokens.admin)
      .post('/api/editors/unlock', { email: 'editor2@redaksi.test' })
    expect(byAdmin.status).toBe(200)
    const ok = await postJson(
      `${server.url}/api/editors/login`,
      { email: 'editor2@redaksi.test', password: PASSWORD },
      { localAddress: '127.0.9.101' },
    )
    expect(ok.status).toBe(200)
  })
})
