import { existsSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { CHROMIUM, login, openBrowser, step } from '../helpers/browser'
import { createTestDatabase } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

const SEED_TITLE =
  'Bantu Ukraina dengan Senjata Canggih, NATO Rupanya Enggan Perang Terbuka dengan Rusia'
const SEED_CAPTION =
  'HIMARS, salah satu sistem misil jarak jauh AS yang dikirim anggota NATO untuk melawan Rusia.'

if (!existsSync(CHROMIUM)) {
  throw new Error(
    `browser tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  )
}

describe('the editorial desk in a real browser', () => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    server = await startTestServer({ databaseUri: db.uri, env: { SEED_ON_START: 'true' } })
    api = new Api(server.url)
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it('a newcomer creates the first account on the create-first-user screen and becomes admin', async () => {
    const browser = await openBrowser()
    const page = await browser.newPage()
    await step(page, 'create-first-user', async () => {
      await page.goto(`${server.url}/admin`)
      await page.waitForURL(/\/admin\/create-first-user/, { timeout: 30_000 })
      await page.locator('#field-email').fill('admin@redaksi.test')
      await page.locator('#field-password').fill(PASSWORD)
      await page.locator('#field-confirm-password').fill(PASSWORD)
      await page.locator('#field-name').fill('Ayu Admin')
      await expect(page.locator('#field-role').count()).resolves.toBe(0)
      await page.locator('button[type="submit"]').click()
      await page.getByTestId('review-queue').waitFor({ timeout: 30_000 })
    })
    await browser.close()
    tokens = await bootstrapAccounts(api, { adminExists: true })
  })

  it('an editor opens the review queue, checks the imported seed article and publishes it', async () => {
    const context = await openBrowser()
    const page = await context.newPage()
    await step(page, 'editor-login', () => login(page, server.url, 'editor@redaksi.test', PASSWORD))

    await step(page, 'review-queue', async () => {
      await page.goto(`${server.url}/admin`)
      const queue = page.getByTestId('review-queue')
      await queue.waitFor({ timeout: 30_000 })
      await expect(queue.getByText(SEED_TITLE).count()).resolves.toBeGreaterThan(0)
      await queue.getByTestId('review-queue-item').filter({ hasText: SEED_TITLE }).first().click()
      await page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/, { timeout: 30_000 })
    })

    await step(page, 'seed-article-details', async () => {
      const preview = page.getByTestId('reader-preview')
      await preview.waitFor({ timeout: 30_000 })
      await expect(preview.getByText('Muhaimin').count()).resolves.toBeGreaterThan(0)
      await expect(
        preview.getByText(SEED_CAPTION, { exact: false }).count(),
      ).resolves.toBeGreaterThan(0)
      await expect(preview.getByText('US Army', { exact: false }).count()).resolves.toBeGreaterThan(
        0,
      )
    })

    await step(page, 'publish-seed', async () => {
      await page.getByTestId('workflow-action-publish').click()
      await page
        .locator('[data-testid="workflow-state"][data-state="published"]')
        .waitFor({ timeout: 30_000 })
    })
    await context.close()

    const published = await api.get<{ docs: { title: string }[] }>('/api/articles')
    expect(published.body.docs.map((d) => d.title)).toContain(SEED_TITLE)
  })

  it('a contributor writes and submits a draft, sees no publish button, and the API refuses a publish', async () => {
    const context = await openBrowser()
    const page = await context.newPage()
    await step(page, 'contributor-login', () =>
      login(page, server.url, 'contributor@redaksi.test', PASSWORD),
    )

    const title = 'Warga Bekasi Bergotong Royong Membersihkan Sisa Banjir'
    await step(page, 'write-draft', async () => {
      await page.goto(`${server.url}/admin/collections/articles/create`)
      await page.locator('#field-title').fill(title)
      await page.getByRole('button', { name: /Save Draft|Simpan Draf/i }).click()
      await page.waitForURL(/\/admin\/collections\/articles\/(?!create)[^/]+$/, { timeout: 30_000 })
    })

    await step(page, 'submit-draft', async () => {
      await page.getByTestId('workflow-action-submit').click()
      await page
        .locator('[data-testid="workflow-state"][data-state="in_review"]')
        .waitFor({ timeout: 30_000 })
      await page.reload()
      await page.getByTestId('workflow-state').waitFor({ timeout: 30_000 })
      await expect(page.getByTestId('workflow-action-publish').count()).resolves.toBe(0)
      await expect(page.getByTestId('workflow-action-approve').count()).resolves.toBe(0)
    })
    const id = page.url().split('/').pop()
    await context.close()

    const refused = await api
      .as(tokens.contributor)
      .post<{ errors: { data: { rule: string } }[] }>(`/api/articles/${id}/workflow`, {
        action: 'publish',
      })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data.rule).toBe('workflow.role.contributor-cannot-publish')
    const anonymous = await api.get<{ docs: { title: string }[] }>('/api/articles')
    expect(anonymous.body.docs.map((d) => d.title)).not.toContain(title)
  })
})
