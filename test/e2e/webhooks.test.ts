import { createHmac } from 'node:crypto'
import { existsSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { CHROMIUM, login, openBrowser, step } from '../helpers/browser'
import { createTestDatabase } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

if (!existsSync(CHROMIUM)) {
  throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium)`)
}

describe('webhooks in the admin, in a real browser', () => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = []
  let receiver: http.Server
  let receiverUrl: string

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
    db = await createTestDatabase('sqlite')
    server = await startTestServer({
      databaseUri: db.uri,
      env: { SEED_ON_START: 'true', WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_POLL_SECONDS: '1' },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
  })

  afterAll(async () => {
    await server?.stop()
    receiver?.closeAllConnections()
    await new Promise((resolve) => receiver?.close(resolve))
    await db?.drop()
  })

  it('an admin creates a webhook, copies its secret once, and redelivers a delivery', async () => {
    const context = await openBrowser()
    const page = await context.newPage()
    await step(page, 'admin-login', () => login(page, server.url, 'admin@redaksi.test', PASSWORD))

    let shownSecret = ''
    await step(page, 'create-webhook', async () => {
      await page.goto(`${server.url}/admin/collections/webhooks/create`)
      await page.locator('#field-name').fill('Website')
      await page.locator('#field-url').fill(receiverUrl)
      await page.locator('#field-events').click()
      await page.getByText('article.published', { exact: true }).click()
      const secret = page.locator('#field-secret')
      await expect
        .poll(() => secret.inputValue(), { timeout: 10_000 })
        .toMatch(/^whsec_[0-9a-f]{64}$/)
      shownSecret = await secret.inputValue()
      await expect(
        page.getByText('it is never shown again', { exact: false }).count(),
      ).resolves.toBe(1)
      await page.getByRole('button', { name: /^Save$|^Simpan$/ }).click()
      await page.waitForURL(/\/admin\/collections\/webhooks\/\d+$/, { timeout: 30_000 })
    })

    await step(page, 'secret-hidden-after-save', async () => {
      await page.reload()
      const secret = page.locator('#field-secret')
      await secret.waitFor({ timeout: 30_000 })
      await expect(secret.inputValue()).resolves.toBe('')
      await expect(page.content()).resolves.not.toContain(shownSecret)
      await expect(page.getByText('A secret is set', { exact: false }).count()).resolves.toBe(1)
    })

    // the secret shown once is the one deliveries are signed with
    const seed = await api
      .as(tokens.editor)
      .get<{ docs: { id: number }[] }>(
        '/api/articles?draft=true&where[workflowStatus][equals]=in_review&limit=1',
      )
    const published = await api
      .as(tokens.editor)
      .post(`/api/articles/${seed.body.docs[0].id}/workflow`, { action: 'publish' })
    expect(published.status).toBe(200)
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1)
    const first = received[0]
    const timestamp = first.headers['x-redaksi-timestamp'] as string
    expect(first.headers['x-redaksi-signature']).toBe(
      `sha256=${createHmac('sha256', shownSecret).update(`${timestamp}.${first.body}`).digest('hex')}`,
    )

    await step(page, 'redeliver', async () => {
      const list = await api
        .as(tokens.admin)
        .get<{ docs: { id: number }[] }>('/api/webhook-deliveries?limit=1&sort=createdAt')
      await page.goto(`${server.url}/admin/collections/webhook-deliveries/${list.body.docs[0].id}`)
      await page.getByRole('button', { name: 'Redeliver' }).click()
      await page.waitForURL(
        (url) =>
          /\/admin\/collections\/webhook-deliveries\/\d+$/.test(url.pathname) &&
          !url.pathname.endsWith(`/${list.body.docs[0].id}`),
        { timeout: 30_000 },
      )
    })
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2)
    expect(received[1].body).toBe(first.body)
    expect(received[1].headers['x-redaksi-delivery']).not.toBe(first.headers['x-redaksi-delivery'])
    await context.close()
  })
})
