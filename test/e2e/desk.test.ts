import { existsSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { CHROMIUM, login, openBrowser, step } from '../helpers/browser'
import { createTestDatabase } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'
import { startSmtpServer } from '../helpers/smtp'

if (!existsSync(CHROMIUM)) {
  throw new Error(
    `browser tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  )
}

describe('the newsroom desk in a real browser', () => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>

  beforeAll(async () => {
    smtp = await startSmtpServer()
    db = await createTestDatabase('sqlite')
    server = await startTestServer({
      databaseUri: db.uri,
      env: { SMTP_URL: smtp.url, JOBS_AUTORUN_CRON: '* * * * * *' },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
    await smtp?.close()
  })

  it('an editor requests changes in the browser (one state in the header) and the contributor receives the mail with the note over SMTP', async () => {
    const title = 'Pasar Tradisional Kembali Ramai Jelang Lebaran'
    const created = await api
      .as(tokens.contributor)
      .post<{ doc: { id: number } }>('/api/articles?draft=true', { title })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(
      (await api.as(tokens.contributor).post(`/api/articles/${id}/workflow`, { action: 'submit' }))
        .status,
    ).toBe(200)

    const context = await openBrowser()
    const page = await context.newPage()
    await step(page, 'desk-editor-login', () =>
      login(page, server.url, 'editor@redaksi.test', PASSWORD),
    )
    await step(page, 'desk-header-one-state', async () => {
      await page.goto(`${server.url}/admin/collections/articles/${id}`)
      const header = page.getByTestId('header-review-state')
      await header.waitFor({ timeout: 30_000 })
      await expect(header.innerText()).resolves.toMatch(/Review state:\s*In review/)
      // Payload's own "Status: Draft" is gone from the header.
      await expect(
        page
          .locator('.doc-controls')
          .getByText(/Status:/)
          .count(),
      ).resolves.toBe(0)
      await expect(
        page.locator('.doc-controls').getByText('Draft', { exact: true }).count(),
      ).resolves.toBe(0)
    })
    const note = 'Tolong cek lagi kutipan kepala pasar di paragraf dua.'
    await step(page, 'desk-request-changes', async () => {
      await page.getByTestId('workflow-action-request_changes').click()
      await page.getByTestId('workflow-note').fill(note)
      await page.getByTestId('workflow-confirm').click()
      await page
        .locator('[data-testid="workflow-state"][data-state="changes_requested"]')
        .waitFor({ timeout: 30_000 })
    })
    await context.close()

    const mail = await smtp.waitFor(
      (m) => m.to.includes('contributor@redaksi.test') && m.subject.includes('Changes requested'),
      60_000,
    )
    expect(mail.subject).toContain(title)
    expect(mail.text).toContain(note)
    expect(mail.text).toContain(`/admin/collections/articles/${id}`)
  })

  it('an editor opens the calendar (en and id), sees a scheduled article with its state badge and clicks through', async () => {
    const created = await api
      .as(tokens.contributor)
      .post<{ doc: { id: number } }>('/api/articles?draft=true', { title: 'Jadwal Mudik 2027' })
    const id = created.body.doc.id
    await api.as(tokens.contributor).post(`/api/articles/${id}/workflow`, { action: 'submit' })
    const publishAt = new Date(Date.now() + 26 * 3_600_000)
    const scheduled = await api.as(tokens.editor).post(`/api/articles/${id}/workflow`, {
      action: 'schedule',
      publishAt: publishAt.toISOString(),
    })
    expect(scheduled.status).toBe(200)

    const context = await openBrowser()
    const page = await context.newPage()
    await step(page, 'calendar-login', () =>
      login(page, server.url, 'editor@redaksi.test', PASSWORD),
    )
    await step(page, 'calendar-week', async () => {
      await page.goto(`${server.url}/admin/calendar`)
      await page.getByTestId('calendar').waitFor({ timeout: 30_000 })
      await expect(page.getByTestId('calendar-day').count()).resolves.toBe(7)
      const item = page.getByTestId('calendar-item').filter({ hasText: 'Jadwal Mudik 2027' })
      await expect(item.getByTestId('calendar-item-state').innerText()).resolves.toBe('Scheduled')
      await item.getByTestId('calendar-item-link').click()
      await page.waitForURL(new RegExp(`/admin/collections/articles/${id}$`), { timeout: 30_000 })
    })
    await step(page, 'calendar-day-id', async () => {
      await context.addCookies([{ name: 'payload-lng', value: 'id', url: server.url }])
      await page.goto(
        `${server.url}/admin/calendar?span=day&from=${publishAt.toISOString().slice(0, 10)}`,
      )
      await page.getByText('Kalender terbit').waitFor({ timeout: 30_000 })
      await expect(page.getByTestId('calendar-day').count()).resolves.toBe(1)
      const item = page.getByTestId('calendar-item').filter({ hasText: 'Jadwal Mudik 2027' })
      await expect(item.getByTestId('calendar-item-state').innerText()).resolves.toBe('Terjadwal')
    })
    await context.close()
  })

  it('an editor selects articles in the list and bulk-approves them; the result names the refused one and why', async () => {
    const titles = ['Bulk Siap Disetujui', 'Bulk Masih Draf']
    const ids: number[] = []
    for (const title of titles) {
      const created = await api
        .as(tokens.contributor)
        .post<{ doc: { id: number } }>('/api/articles?draft=true', { title })
      ids.push(created.body.doc.id)
    }
    await api.as(tokens.contributor).post(`/api/articles/${ids[0]}/workflow`, { action: 'submit' })

    const context = await openBrowser()
    const page = await context.newPage()
    await step(page, 'bulk-login', () => login(page, server.url, 'editor@redaksi.test', PASSWORD))
    await step(page, 'bulk-approve', async () => {
      await page.goto(`${server.url}/admin/collections/articles`)
      await page.getByTestId('bulk-review').waitFor({ timeout: 30_000 })
      for (const title of titles) {
        await page
          .locator('tr')
          .filter({ hasText: title })
          .locator('input[type="checkbox"]')
          .check()
      }
      await page.locator('#bulk-approve').click()
      const results = page.getByTestId('bulk-result')
      await results.first().waitFor({ timeout: 30_000 })
      await expect(results.count()).resolves.toBe(2)
      const ok = page.locator(`[data-testid="bulk-result"][data-ok="true"]`)
      await expect(ok.innerText()).resolves.toContain(`#${ids[0]}`)
      const refused = page.locator(`[data-testid="bulk-result"][data-ok="false"]`)
      await expect(refused.innerText()).resolves.toContain('workflow.transition.invalid')
    })
    await context.close()
    const approved = await api
      .as(tokens.editor)
      .get<{ workflowStatus: string }>(`/api/articles/${ids[0]}`)
    expect(approved.body.workflowStatus).toBe('approved')
  })
})
