import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { CHROMIUM, login, openBrowser, step } from '../helpers/browser'
import { createTestDatabase } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { jpegWithGps, metadataBlocks } from '../helpers/images'
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

type MediaDoc = {
  id: number | string
  caption: string
  credit?: string | null
  filename?: string | null
  photoStatus?: string
}

describe('the photo desk in a real browser', () => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let mediaDir: string
  let seedMedia: MediaDoc
  let seedArticleId: number | string

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    mediaDir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-e2e-media-'))
    server = await startTestServer({
      databaseUri: db.uri,
      env: { SEED_ON_START: 'true', MEDIA_DIR: mediaDir },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    const media = await api
      .as(tokens.editor)
      .get<{ docs: MediaDoc[] }>(
        `/api/media?where[caption][equals]=${encodeURIComponent(SEED_CAPTION)}`,
      )
    expect(media.body.docs).toHaveLength(1)
    seedMedia = media.body.docs[0]
    expect(seedMedia.photoStatus).toBe('photo missing')
    const articles = await api
      .as(tokens.editor)
      .get<{ docs: { id: number | string }[] }>(
        `/api/articles?draft=true&where[title][equals]=${encodeURIComponent(SEED_TITLE)}`,
      )
    seedArticleId = articles.body.docs[0].id
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
    rmSync(mediaDir, { recursive: true, force: true })
  })

  it('the media list shows "foto belum ada" (Indonesian) with a call to attach, never "null"; no Gravatar request', async () => {
    const context = await openBrowser()
    const requests: string[] = []
    context.on('request', (request) => requests.push(request.url()))
    await context.addCookies([{ name: 'payload-lng', value: 'id', url: server.url }])
    const page = await context.newPage()
    await step(page, 'media-list-id', async () => {
      await login(page, server.url, 'editor@redaksi.test', PASSWORD)
      await page.goto(`${server.url}/admin/collections/media`)
      const missing = page.getByTestId('media-photo-missing').first()
      await missing.waitFor({ timeout: 30_000 })
      await expect(missing.textContent()).resolves.toMatch(/foto belum ada/)
      await expect(page.getByTestId('media-attach-photo').first().textContent()).resolves.toMatch(
        /Unggah fotonya/,
      )
      const table = await page.locator('table').first().innerText()
      expect(table).not.toMatch(/\bnull\b/)
    })
    await step(page, 'no-gravatar', async () => {
      await page.goto(`${server.url}/admin`)
      await page.getByTestId('review-queue').waitFor({ timeout: 30_000 })
      expect(requests.filter((url) => /gravatar/i.test(url))).toEqual([])
      expect(requests.every((url) => url.startsWith(server.url) || url.startsWith('data:'))).toBe(
        true,
      )
    })
    await context.close()
  })

  it('an editor attaches the photo to the seed caption-only entry, sees it in the reader preview, fixes the featured photo rights and publishes', async () => {
    const context = await openBrowser()
    const page = await context.newPage()
    await step(page, 'editor-login', () => login(page, server.url, 'editor@redaksi.test', PASSWORD))

    await step(page, 'media-list-attach', async () => {
      await page.goto(`${server.url}/admin/collections/media`)
      const row = page.locator('tr').filter({ hasText: SEED_CAPTION.slice(0, 40) })
      await row.getByTestId('media-attach-photo').click()
      await page.waitForURL(new RegExp(`/admin/collections/media/${seedMedia.id}$`), {
        timeout: 30_000,
      })
    })

    await step(page, 'upload-photo', async () => {
      await page
        .locator('input[type="file"]')
        .first()
        .setInputFiles({
          name: 'himars.jpg',
          mimeType: 'image/jpeg',
          buffer: await jpegWithGps(1800, 1200),
        })
      await page.locator('#action-save').click()
      // the upload card shows the stored (renamed, upright) file
      await page
        .getByText(/himars-[0-9a-f]{8}\.jpg/)
        .first()
        .waitFor({ timeout: 30_000 })
      await expect
        .poll(
          async () =>
            (await api.as(tokens.editor).get<MediaDoc>(`/api/media/${seedMedia.id}`)).body
              .photoStatus,
          { timeout: 30_000 },
        )
        .toBe('present')
      // the status in the form turns to "present" without a reload
      await page
        .locator('[data-testid="photo-status"] [data-photo-status="present"]')
        .waitFor({ timeout: 30_000 })
    })

    const after = await api.as(tokens.editor).get<MediaDoc>(`/api/media/${seedMedia.id}`)
    expect(after.body.caption).toBe(SEED_CAPTION)
    expect(after.body.credit).toBe(seedMedia.credit)
    expect(after.body.photoStatus).toBe('present')
    for (const name of readdirSync(mediaDir)) {
      expect(metadataBlocks(readFileSync(path.join(mediaDir, name))), name).toEqual([])
    }

    await step(page, 'media-list-present', async () => {
      await page.goto(`${server.url}/admin/collections/media`)
      const row = page.locator('tr').filter({ hasText: SEED_CAPTION.slice(0, 40) })
      await row.getByTestId('media-filename').waitFor({ timeout: 30_000 })
      await expect(row.getByTestId('media-filename').textContent()).resolves.toMatch(
        /^himars-[0-9a-f]{8}\.jpg$/,
      )
    })

    await step(page, 'reader-preview-shows-photo', async () => {
      await page.goto(`${server.url}/admin/collections/articles/${seedArticleId}`)
      const preview = page.getByTestId('reader-preview')
      await preview.waitFor({ timeout: 30_000 })
      const img = preview.locator('figure img').first()
      await img.waitFor({ timeout: 30_000 })
      await expect(img.getAttribute('src')).resolves.toMatch(/\.webp$/)
      await expect(img.getAttribute('alt')).resolves.toBeTruthy()
      await page.waitForFunction(
        () => {
          const el = document.querySelector('[data-testid="reader-preview"] figure img')
          return el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0
        },
        undefined,
        { timeout: 30_000 },
      )
      await expect(preview.locator('[data-photo-status="missing"]').count()).resolves.toBe(0)
    })

    // The photo becomes the featured photo; its alt text (the importer copies the caption) is
    // cleared, so the workflow panel names the rule.
    const featured = await api
      .as(tokens.editor)
      .patch(`/api/articles/${seedArticleId}`, { featuredMedia: seedMedia.id })
    expect(featured.status).toBe(200)
    expect(
      (await api.as(tokens.editor).patch(`/api/media/${seedMedia.id}`, { alt: '' })).status,
    ).toBe(200)

    await step(page, 'panel-shows-photo-rule', async () => {
      await page.reload()
      const rights = page.getByTestId('workflow-photo-rights')
      await rights.waitFor({ timeout: 30_000 })
      await expect(rights.getAttribute('data-problems')).resolves.toBe('workflow.photo.alt-missing')
      await expect(rights.textContent()).resolves.toMatch(/no alt text/)
      await page.getByTestId('workflow-action-publish').click()
      await page
        .locator('[data-testid="workflow-message"][data-rule="workflow.photo.alt-missing"]')
        .waitFor({ timeout: 30_000 })
    })

    await step(page, 'add-alt-text', async () => {
      await page.goto(`${server.url}/admin/collections/media/${seedMedia.id}`)
      await page.locator('#field-alt').fill('Peluncur roket HIMARS di atas truk militer')
      await page.locator('#action-save').click()
      await page.waitForTimeout(2000)
    })
    const withAlt = await api.as(tokens.editor).get<{ alt?: string }>(`/api/media/${seedMedia.id}`)
    expect(withAlt.body.alt).toBe('Peluncur roket HIMARS di atas truk militer')

    await step(page, 'publish', async () => {
      await page.goto(`${server.url}/admin/collections/articles/${seedArticleId}`)
      const rights = page.getByTestId('workflow-photo-rights')
      await rights.waitFor({ timeout: 30_000 })
      await expect(rights.getAttribute('data-problems')).resolves.toBe('')
      await page.getByTestId('workflow-action-publish').click()
      await page
        .locator('[data-testid="workflow-state"][data-state="published"]')
        .waitFor({ timeout: 30_000 })
    })
    await context.close()

    // Readers now get the article, its photo entry and the photo file.
    const published = await api.get<{ docs: { title: string }[] }>('/api/articles')
    expect(published.body.docs.map((d) => d.title)).toContain(SEED_TITLE)
    const publicMedia = await api.get<{ url: string }>(`/api/media/${seedMedia.id}`)
    expect(publicMedia.status).toBe(200)
    const file = await fetch(`${server.url}${publicMedia.body.url}`)
    expect(file.status).toBe(200)
    expect(metadataBlocks(Buffer.from(await file.arrayBuffer()))).toEqual([])
  })
})
