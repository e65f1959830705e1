import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts } from '../../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { raw } from '../../helpers/http'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

describe.each(TEST_DATABASES)('security headers on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri })
    tokens = await bootstrapAccounts(new Api(server.url))
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it('the admin cannot be framed by another site and nothing is MIME-sniffed', async () => {
    for (const path of ['/admin/login', '/admin', '/api/articles', '/api/graphql', '/healthz']) {
      const res = await raw(`${server.url}${path}`)
      expect(res.status, path).toBeLessThan(500)
      expect(res.headers['x-content-type-options'], path).toBe('nosniff')
      expect(res.headers['x-frame-options'], path).toBe('SAMEORIGIN')
      expect(res.headers['content-security-policy'], path).toContain("frame-ancestors 'self'")
    }
    const login = await raw(`${server.url}/admin/login`)
    expect(login.status).toBe(200)
    expect(login.text).toContain('<html')
  })

  it('uploaded media files are served with nosniff and a sandboxing policy', async () => {
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 10, b: 10 } },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'dot.png')
    form.append('_payload', JSON.stringify({ caption: 'A red dot', credit: 'Test' }))
    const created = await fetch(`${server.url}/api/media`, {
      method: 'POST',
      headers: { Authorization: `JWT ${tokens.editor}` },
      body: form,
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { url: string } }
    const file = await raw(`${server.url}${new URL(doc.url, server.url).pathname}`, {
      headers: { Authorization: `JWT ${tokens.editor}` },
    })
    expect(file.status).toBe(200)
    expect(file.headers['content-type']).toBe('image/png')
    expect(file.headers['x-content-type-options']).toBe('nosniff')
    expect(file.headers['content-security-policy']).toContain('sandbox')
  })
})
