import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { postJson, raw, tokenCookie } from '../../helpers/http'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

const EVIL = 'https://evil.example'

describe.each(TEST_DATABASES)('CSRF on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let cookie: string
  let articleId: number | string

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({
      databaseUri: db.uri,
      env: { CORS_ORIGINS: 'https://desk.redaksi.test' },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    const login = await postJson(`${server.url}/api/editors/login`, {
      email: 'editor@redaksi.test',
      password: PASSWORD,
    })
    cookie = tokenCookie(login)
    const created = await api
      .as(tokens.editor)
      .post<{ doc: { id: number | string } }>('/api/articles?draft=true', { title: 'CSRF target' })
    articleId = created.body.doc.id
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  const patch = (headers: Record<string, string>) =>
    raw(`${server.url}/api/articles/${articleId}?draft=true`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ summary: `changed ${Math.random()}` }),
    })

  const multipart = (headers: Record<string, string>) => {
    const boundary = '----redaksi'
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n` +
      `${JSON.stringify({ caption: 'forged caption' })}\r\n--${boundary}--\r\n`
    return raw(`${server.url}/api/media`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, ...headers },
      body,
    })
  }

  it('refuses cookie-authenticated writes from a foreign Origin (JSON PATCH and multipart POST) with 403', async () => {
    const json = await patch({ Cookie: cookie, Origin: EVIL })
    expect(json.status).toBe(403)
    expect(json.text).toContain('security.csrf.origin')
    const form = await multipart({ Cookie: cookie, Origin: EVIL })
    expect(form.status).toBe(403)
    const media = await api.as(tokens.editor).get<{ totalDocs: number }>('/api/media')
    expect(media.body.totalDocs).toBe(0)
  })

  it('refuses a cookie-authenticated write without any Origin', async () => {
    expect((await patch({ Cookie: cookie })).status).toBe(403)
    expect((await multipart({ Cookie: cookie, Origin: 'null' })).status).toBe(403)
  })

  it('accepts the server’s own origin and CORS_ORIGINS', async () => {
    expect((await patch({ Cookie: cookie, Origin: server.url })).status).toBe(200)
    expect((await patch({ Cookie: cookie, Origin: 'https://desk.redaksi.test' })).status).toBe(200)
    expect((await multipart({ Cookie: cookie, Origin: server.url })).status).toBe(201)
  })

  it('leaves Authorization-header clients alone, whatever their Origin', async () => {
    const res = await patch({ Authorization: `JWT ${tokens.editor}`, Origin: EVIL })
    expect(res.status).toBe(200)
  })

  it('Payload ignores the cookie from a foreign origin even for reads (its csrf list is not empty)', async () => {
    const foreign = await raw(`${server.url}/api/editors/me`, {
      headers: { Cookie: cookie, Origin: EVIL },
    })
    expect(foreign.json<{ user: unknown }>().user).toBeNull()
    const own = await raw(`${server.url}/api/editors/me`, {
      headers: { Cookie: cookie, Origin: server.url },
    })
    expect(own.json<{ user: { email: string } }>().user.email).toBe('editor@redaksi.test')
    const noOrigin = await raw(`${server.url}/api/editors/me`, { headers: { Cookie: cookie } })
    expect(noOrigin.json<{ user: unknown }>().user).toBeNull()
    const sameSite = await raw(`${server.url}/api/editors/me`, {
      headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' },
    })
    expect(sameSite.json<{ user: { email: string } }>().user.email).toBe('editor@redaksi.test')
  })
})
