import { readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { Importer } from '@/features/import/importer'
import { Api, bootstrapAccounts } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { localPayload } from '../helpers/localPayload'
import { ninjsErrors } from '../helpers/ninjs'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'
import { child, children, parseXml, rootOf, textOf } from '../helpers/xml'
import { readmeVerify, startReceiver } from '../helpers/webhookReceiver'

/**
 * Issue #11 acceptance, end to end on the real server: the imported seed, published by an editor
 * through the workflow endpoint (as the admin's Publish button does), shows up within seconds in
 * search, the RSS feed, the Google News sitemap and ninjs (valid against IPTC's 3.1 schema); a
 * webhook gets a correctly signed `article.published`, and a receiver answering 500 twice gets the
 * same delivery on the third try. Figures (ms after the publish) are printed, not asserted tightly.
 */
type Id = number | string

const SEED = 'seeds/000_4fd9d068e36e76ef.txt'
const SEED_TITLE =
  'Bantu Ukraina dengan Senjata Canggih, NATO Rupanya Enggan Perang Terbuka dengan Rusia'

/** Polls `probe` every 50 ms; resolves with its value and the ms since `since`. */
const within = async <T>(
  what: string,
  since: number,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<{ value: T; ms: number }> => {
  for (;;) {
    const value = await probe()
    if (value) return { value, ms: Date.now() - since }
    if (Date.now() - since > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe.each(TEST_DATABASES)('delivery API acceptance (issue #11) on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let seedId: Id

  beforeAll(async () => {
    receiver = await startReceiver()
    db = await createTestDatabase(kind)
    server = await startTestServer({
      databaseUri: db.uri,
      env: {
        WEBHOOKS_ALLOW_PRIVATE: 'true',
        WEBHOOKS_POLL_SECONDS: '1',
        WEBHOOKS_RETRY_BASE_MS: '300',
        WEBHOOKS_MAX_ATTEMPTS: '5',
        PUBLIC_SITE_URL: 'https://news.example/berita/:slug',
      },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    const payload = await localPayload(db.uri)
    try {
      const result = await new Importer(payload).importDocument(SEED, readFileSync(SEED))
      expect(result.status).toBe('imported')
      seedId = result.articleId as Id
    } finally {
      await closePayload(payload)
    }
  })

  afterAll(async () => {
    await server?.stop()
    await receiver?.close()
    await db?.drop()
  })

  it('the published seed is found, fed, mapped, ninjs-valid and webhooked within seconds; a 500,500,200 receiver gets it on the third try', async () => {
    const anon = api.as(null)
    const admin = api.as(tokens.admin)
    const hooks = new Map<string, string>()
    for (const [name, p] of [
      ['Website', '/site'],
      ['Flaky', '/flaky'],
    ] as const) {
      const res = await admin.post<{ doc: { secret: string } }>('/api/webhooks', {
        name,
        url: receiver.url(p),
        events: ['article.published'],
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      hooks.set(p, res.body.doc.secret)
    }
    receiver.on('/flaky', [500, 500, 200])

    // before the publish: nowhere
    const searchIds = async () =>
      (await anon.get<{ docs: { id: Id }[] }>('/api/search?q=ukraina')).body.docs.map((d) =>
        String(d.id),
      )
    expect(await searchIds()).toEqual([])
    expect(String((await anon.get('/feeds/rss.xml')).body)).not.toContain('Ukraina')
    expect((await anon.get(`/api/articles/${seedId}/ninjs`)).status).toBe(404)

    // the editor approves and publishes, as the admin's workflow buttons do
    const editor = api.as(tokens.editor)
    const approve = await editor.post(`/api/articles/${seedId}/workflow`, { action: 'approve' })
    expect(approve.status, JSON.stringify(approve.body)).toBe(200)
    const publishedAt = Date.now()
    const publish = await editor.post(`/api/articles/${seedId}/workflow`, { action: 'publish' })
    expect(publish.status, JSON.stringify(publish.body)).toBe(200)
    const publishMs = Date.now() - publishedAt
    const slug = (await anon.get<{ slug: string }>(`/api/articles/${seedId}`)).body.slug
    expect(slug).toMatch(/^bantu-ukraina/)

    const search = await within('search', publishedAt, async () => {
      const ids = await searchIds()
      return ids.includes(String(seedId)) && ids
    })
    expect(search.value).toEqual([String(seedId)])

    const rss = await within('RSS', publishedAt, async () => {
      const res = await anon.get<string>('/feeds/rss.xml')
      if (res.status !== 200) return null
      const items = children(child(rootOf(parseXml(res.body)), 'channel'), 'item')
      return items.find((item) => textOf(child(item, 'title')) === SEED_TITLE)
    })
    expect(textOf(child(rss.value, 'link'))).toBe(`https://news.example/berita/${slug}`)

    const news = await within('news sitemap', publishedAt, async () => {
      const res = await anon.get<string>('/sitemap-news.xml')
      if (res.status !== 200) return null
      const urls = children(rootOf(parseXml(res.body)), 'url')
      return urls.find((u) => textOf(child(u, 'loc')) === `https://news.example/berita/${slug}`)
    })
    const newsEntry = child(news.value, 'news:news')
    expect(textOf(child(newsEntry, 'news:title'))).toBe(SEED_TITLE)
    expect(textOf(child(child(newsEntry, 'news:publication'), 'news:language'))).toBe('id')

    const ninjs = await within('ninjs', publishedAt, async () => {
      const res = await anon.get<Record<string, unknown>>(`/api/articles/${seedId}/ninjs`)
      return res.status === 200 && res.body
    })
    expect(ninjsErrors(ninjs.value)).toEqual([])
    expect(ninjs.value).toMatchObject({
      type: 'text',
      pubStatus: 'usable',
      language: 'id',
      headlines: [expect.objectContaining({ value: SEED_TITLE })],
    })
    const bySlug = await anon.get(`/api/articles/slug/${slug}/ninjs`)
    expect(bySlug.status).toBe(200)
    expect(ninjsErrors(bySlug.body)).toEqual([])

    // the signed webhook delivery
    const site = await within(
      'the signed delivery',
      publishedAt,
      async () => receiver.at('/site')[0],
    )
    const delivery = site.value
    expect(delivery.headers['x-redaksi-event']).toBe('article.published')
    expect(delivery.headers['x-redaksi-delivery']).toMatch(/^[0-9a-f-]{36}$/)
    const timestamp = delivery.headers['x-redaksi-timestamp']
    const signature = delivery.headers['x-redaksi-signature']
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(readmeVerify(hooks.get('/site')!, timestamp, signature, delivery.body)).toBe(true)
    // the check can fail: another secret, a changed body
    expect(readmeVerify(hooks.get('/flaky')!, timestamp, signature, delivery.body)).toBe(false)
    expect(
      readmeVerify(
        hooks.get('/site')!,
        timestamp,
        signature,
        delivery.body.replace('Ukraina', 'X'),
      ),
    ).toBe(false)
    const body = JSON.parse(delivery.body) as { event: string; article: Record<string, unknown> }
    expect(body.event).toBe('article.published')
    expect(body.article).toMatchObject({
      id: seedId,
      slug,
      title: SEED_TITLE,
      url: `https://news.example/berita/${slug}`,
    })

    // 500, 500, 200: the third try gets it, with the same delivery id and the same signed body
    const flaky = await within(
      'the third try',
      publishedAt,
      async () => receiver.at('/flaky').length >= 3 && receiver.at('/flaky'),
      30_000,
    )
    expect(flaky.value).toHaveLength(3)
    expect(new Set(flaky.value.map((r) => r.headers['x-redaksi-delivery'])).size).toBe(1)
    expect(new Set(flaky.value.map((r) => r.body)).size).toBe(1)
    const last = flaky.value[2]
    expect(
      readmeVerify(
        hooks.get('/flaky')!,
        last.headers['x-redaksi-timestamp'],
        last.headers['x-redaksi-signature'],
        last.body,
      ),
    ).toBe(true)
    const row = await within('the flaky delivery row', publishedAt, async () => {
      const res = await admin.get<{ docs: Record<string, unknown>[] }>(
        `/api/webhook-deliveries?limit=10&depth=0&where[deliveryId][equals]=${String(last.headers['x-redaksi-delivery'])}`,
      )
      const doc = res.body.docs[0]
      return doc?.status === 'succeeded' && doc
    })
    expect(row.value).toMatchObject({ attempts: 3, lastResponseCode: 200 })
    // nothing more arrives for the flaky receiver (succeeded: no fourth try)
    await new Promise((r) => setTimeout(r, 1_500))
    expect(receiver.at('/flaky')).toHaveLength(3)
    expect(receiver.at('/site')).toHaveLength(1)

    const tries = flaky.value.map((r) => r.at - publishedAt)
    console.info(
      `acceptance on ${kind}: publish request ${publishMs} ms; after the publish: search ${search.ms} ms, RSS ${rss.ms} ms, news sitemap ${news.ms} ms, ninjs ${ninjs.ms} ms, signed webhook ${site.value.at - publishedAt} ms, flaky tries at ${tries.join(' / ')} ms`,
    )
    for (const ms of [search.ms, rss.ms, news.ms, ninjs.ms, site.value.at - publishedAt]) {
      expect(ms).toBeLessThan(10_000)
    }
  })
})
