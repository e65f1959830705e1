import { existsSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { HeaderApi, keyHeader } from '../helpers/apiClients'
import { CHROMIUM, login, openBrowser, step } from '../helpers/browser'
import { createTestDatabase } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

if (!existsSync(CHROMIUM)) {
  throw new Error(
    `browser tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  )
}

describe('API clients in a real browser', () => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    server = await startTestServer({ databaseUri: db.uri })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it('an admin creates an API client, copies its key once, and afterwards sees only its hint', async () => {
    const context = await openBrowser()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const page = await context.newPage()
    await step(page, 'admin-login', () => login(page, server.url, 'admin@redaksi.test', PASSWORD))

    await step(page, 'create-client', async () => {
      await page.goto(`${server.url}/admin/collections/api-clients/create`)
      await page.locator('#field-name').fill('Situs utama')
      await expect(page.getByTestId('api-key-save-first').count()).resolves.toBe(1)
      await page.locator('#action-save').click()
      await page.waitForURL(/\/admin\/collections\/api-clients\/(?!create)[^/]+$/, {
        timeout: 30_000,
      })
      await page.getByTestId('api-key-none').waitFor({ timeout: 30_000 })
    })
    const id = page.url().split('/').pop()

    const key = await step(page, 'create-and-copy-key', async () => {
      await page.getByTestId('api-key-issue').click()
      const input = page.getByTestId('api-key-value')
      await input.waitFor({ timeout: 30_000 })
      const value = await input.inputValue()
      expect(value).toMatch(/^rdk_[A-Za-z0-9_-]{43}$/)
      await page.getByTestId('api-key-copy').click()
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(value)
      return value
    })

    await step(page, 'key-hidden-after-reload', async () => {
      await page.reload()
      const hint = page.getByTestId('api-key-hint')
      await hint.waitFor({ timeout: 30_000 })
      await expect(hint.textContent()).resolves.toContain(key.slice(0, 8))
      await expect(page.getByTestId('api-key-value').count()).resolves.toBe(0)
      expect(await page.content()).not.toContain(key)
      // the list view shows the hint, not the key
      await page.goto(`${server.url}/admin/collections/api-clients`)
      await page.getByText('Situs utama').first().waitFor({ timeout: 30_000 })
      expect(await page.content()).not.toContain(key)
      // admins have the collection on the dashboard (editors do not: below)
      await page.goto(`${server.url}/admin`)
      await page.getByTestId('review-queue').waitFor({ timeout: 30_000 })
      await expect(
        page.locator('a[href$="/admin/collections/api-clients"]').count(),
      ).resolves.toBeGreaterThan(0)
    })
    await context.close()

    // the copied key works, and only for reading
    const client = new HeaderApi(server.url, keyHeader(key))
    expect((await client.get('/api/articles')).status).toBe(200)
    expect((await client.post('/api/articles', { title: 'x' })).status).toBe(403)
    const stored = await api.as(tokens.admin).get(`/api/api-clients/${id}`)
    expect(JSON.stringify(stored.body)).not.toContain(key)
    expect(server.output()).not.toContain(key)
  })

  it('an editor opens the Preview of a draft from the admin; the preview page shows the latest draft', async () => {
    const draft = await api
      .as(tokens.contributor)
      .post<{ doc: { id: number | string } }>('/api/articles?draft=true', {
        title: 'Pratinjau draf untuk redaksi',
        summary: 'Ringkasan yang belum terbit',
      })
    expect(draft.status).toBe(201)
    const context = await openBrowser()
    const page = await context.newPage()
    await step(page, 'editor-login-preview', () =>
      login(page, server.url, 'editor@redaksi.test', PASSWORD),
    )
    await step(page, 'open-preview', async () => {
      await page.goto(`${server.url}/admin/collections/articles/${draft.body.doc.id}`)
      const button = page.locator('#preview-button')
      await button.waitFor({ timeout: 30_000 })
      const [preview] = await Promise.all([context.waitForEvent('page'), button.click()])
      await preview.waitForLoadState()
      await preview.getByTestId('preview-title').waitFor({ timeout: 30_000 })
      await expect(preview.getByTestId('preview-title').textContent()).resolves.toBe(
        'Pratinjau draf untuk redaksi',
      )
    })
    await context.close()
    // the same URL gives an anonymous reader nothing
    const anon = await api.as(null).get(`/api/articles/${draft.body.doc.id}/preview`)
    expect(anon.status).toBe(401)
    expect(JSON.stringify(anon.body)).not.toContain('Pratinjau draf')
  })

  it('editors and contributors do not see API clients in the admin', async () => {
    const context = await openBrowser()
    const page = await context.newPage()
    await step(page, 'editor-login', () => login(page, server.url, 'editor@redaksi.test', PASSWORD))
    await step(page, 'no-api-clients', async () => {
      const res = await api.as(tokens.editor).get('/api/api-clients')
      expect(res.status).toBe(403)
      await page.goto(`${server.url}/admin`)
      await page.getByTestId('review-queue').waitFor({ timeout: 30_000 })
      await expect(page.locator('a[href$="/admin/collections/api-clients"]').count()).resolves.toBe(
        0,
      )
      await expect(
        page.locator('a[href$="/admin/collections/articles"]').count(),
      ).resolves.toBeGreaterThan(0)
    })
    await context.close()
  })
})
