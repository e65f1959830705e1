import crypto from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createLocalReq, initTransaction, killTransaction } from 'payload'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { applyTransition } from '@/features/workflow/service'
import { CONTEXT } from '@/lib/requestContext'
import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { postJson, raw, tokenCookie } from '../helpers/http'
import { localPayload } from '../helpers/localPayload'
import { runServerExpectingFailure, startTestServer } from '../helpers/server'
import { readmeVerify, startReceiver } from '../helpers/webhookReceiver'
import type { TestServer } from '../helpers/server'

type Id = string | number

const waitFor = async <T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 20_000,
): Promise<T> => {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const ALL_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.scheduled',
  'article.deleted',
]

const SERVER_ENV = {
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  WEBHOOKS_RETRY_BASE_MS: '300',
  WEBHOOKS_POLL_SECONDS: '1',
  WEBHOOKS_TIMEOUT_MS: '1500',
  WEBHOOKS_MAX_ATTEMPTS: '5',
  SEED_ON_START: 'true',
  PUBLIC_SITE_URL: 'https://news.example/berita/:slug',
  JOBS_AUTORUN_CRON: '*/2 * * * * *',
}

describe.each(TEST_DATABASES)('webhooks on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let payload: Payload
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  const secrets = new Map<string, string>()
  const hookIds = new Map<string, Id>()

  const createWebhook = async (
    name: string,
    p: string,
    events: string[] = ALL_EVENTS,
    extra: Record<string, unknown> = {},
  ) => {
    const res = await api.as(tokens.admin).post<{
      doc: { id: Id; secret?: string }
      errors?: unknown
    }>('/api/webhooks', { name, url: receiver.url(p), events, ...extra })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    secrets.set(p, res.body.doc.secret as string)
    hookIds.set(p, res.body.doc.id)
    return res.body.doc
  }

  const deliveries = async (where: string) =>
    (
      await api.as(tokens.admin).get<{
        docs: Record<string, unknown>[]
      }>(`/api/webhook-deliveries?limit=100&depth=0&sort=createdAt&${where}`)
    ).body.docs

  const workflow = (token: string, id: Id, action: string, extra: Record<string, unknown> = {}) =>
    api.as(token).post<{ doc: Record<string, unknown> }>(`/api/articles/${id}/workflow`, {
      action,
      ...extra,
    })

  const bodiesAt = (p: string) =>
    receiver.at(p).map((r) => JSON.parse(r.body) as Record<string, any>) // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    receiver = await startReceiver()
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri, env: SERVER_ENV })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    payload = await localPayload(db.uri, { WEBHOOKS_ALLOW_PRIVATE: 'true' })
  })

  afterAll(async () => {
    if (payload) await closePayload(payload)
    await server?.stop()
    await receiver?.close()
    await db?.drop()
  })

  it('only admins reach webhooks and deliveries: REST, GraphQL and the Local API', async () => {
    const doc = await createWebhook('Access probe', '/access', ['article.deleted'])
    for (const [who, token] of [
      ['anonymous', null],
      ['contributor', tokens.contributor],
      ['editor', tokens.editor],
    ] as const) {
      const as = api.as(token)
      const expected = token ? 403 : 401
      for (const [method, url, body] of [
        ['GET', '/api/webhooks', undefined],
        ['GET', `/api/webhooks/${doc.id}`, undefined],
        ['POST', '/api/webhooks', { name: 'x', url: receiver.url('/x'), events: ALL_EVENTS }],
        ['PATCH', `/api/webhooks/${doc.id}`, { enabled: false }],
        ['DELETE', `/api/webhooks/${doc.id}`, undefined],
        ['GET', '/api/webhook-deliveries', undefined],
        ['POST', '/api/webhook-deliveries', { event: 'article.deleted' }],
      ] as const) {
        const res = await as.request(method, url, body)
        expect([expected, 403, 404], `${who} ${method} ${url}: ${res.status}`).toContain(res.status)
        expect(JSON.stringify(res.body)).not.toContain(receiver.url('/access'))
      }
      const gql = await as.graphql('{ Webhooks { docs { id url } } }')
      expect(gql.body.errors?.[0]?.message, `${who} GraphQL list`).toMatch(/not allowed/i)
      expect(JSON.stringify(gql.body)).not.toContain('/access')
      const mutation = await as.graphql(
        'mutation { createWebhook(data: { name: "x", url: "http://127.0.0.1:1/", events: article_deleted }) { id } }',
      )
      expect(mutation.body.errors?.[0]?.message, `${who} GraphQL create`).toMatch(/not allowed/i)
      const gqlDeliveries = await as.graphql('{ WebhookDeliveries { docs { id } } }')
      expect(gqlDeliveries.body.errors?.[0]?.message, `${who} GraphQL deliveries`).toMatch(
        /not allowed/i,
      )
    }
    // the webhook is unchanged and still there
    const still = await api.as(tokens.admin).get<{ enabled: boolean }>(`/api/webhooks/${doc.id}`)
    expect(still.status).toBe(200)
    expect(still.body.enabled).toBe(true)

    for (const role of ['editor', 'contributor'] as const) {
      const user = await payload.findByID({ collection: 'editors', id: tokens.ids[role] })
      const asUser = { overrideAccess: false, user: { ...user, collection: 'editors' } } as const
      await expect(payload.find({ collection: 'webhooks', ...asUser })).rejects.toThrow()
      await expect(
        payload.create({
          collection: 'webhooks',
          data: { name: 'x', url: receiver.url('/x'), events: ['article.deleted'] },
          ...asUser,
        }),
      ).rejects.toThrow()
      await expect(payload.find({ collection: 'webhook-deliveries', ...asUser })).rejects.toThrow()
    }
    const admin = await payload.findByID({ collection: 'editors', id: tokens.ids.admin })
    const adminList = await payload.find({
      collection: 'webhooks',
      overrideAccess: false,
      user: { ...admin, collection: 'editors' },
    })
    expect(adminList.docs.map((d) => d.id)).toContain(doc.id)
    // admins read the delivery log but cannot write it
    for (const [method, url] of [
      ['POST', '/api/webhook-deliveries'],
      ['PATCH', '/api/webhook-deliveries?where[id][exists]=true'],
      ['DELETE', '/api/webhook-deliveries?where[id][exists]=true'],
    ] as const) {
      const res = await api.as(tokens.admin).request(method, url, { status: 'succeeded' })
      expect(res.status, `admin ${method} deliveries`).toBe(403)
    }
  })

  it('the secret is generated when empty, shown once, then never returned or logged', async () => {
    const doc = await createWebhook('Secret probe', '/secret-probe', ['article.deleted'])
    expect(doc.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    const secret = doc.secret as string
    const read = await api.as(tokens.admin).get(`/api/webhooks/${doc.id}`)
    expect(read.status).toBe(200)
    expect(JSON.stringify(read.body)).not.toContain(secret)
    expect(read.body).not.toHaveProperty('secret')
    const list = await api.as(tokens.admin).get('/api/webhooks?limit=100')
    expect(JSON.stringify(list.body)).not.toContain(secret)
    const gql = await api
      .as(tokens.admin)
      .graphql<{ Webhook: { secret: string | null } }>(
        'query($id: Int!) { Webhook(id: $id) { secret name } }',
        { id: doc.id },
      )
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data?.Webhook.secret).toBeNull()
    // an update without a secret keeps it (the deliveries below are signed with it)
    const patched = await api
      .as(tokens.admin)
      .patch(`/api/webhooks/${doc.id}`, { name: 'Secret probe renamed', secret: '' })
    expect(patched.status).toBe(200)
    expect(JSON.stringify(patched.body)).not.toContain(secret)
    const stored = await payload.db.findOne<{ id: Id; secret: string }>({
      collection: 'webhooks',
      where: { id: { equals: doc.id } },
    })
    expect(stored?.secret).toBe(secret)
    // a too-short secret is refused
    const short = await api.as(tokens.admin).patch(`/api/webhooks/${doc.id}`, { secret: 'short' })
    expect(short.status).toBe(400)
    expect(server.output()).not.toContain(secret)
  })

  it('refuses bad webhook URLs with a 400 saying why (SSRF guard), on create and update', async () => {
    const self = new URL(server.url)
    const bad: [string, RegExp][] = [
      [`${server.url}/api/articles`, /this CMS itself/],
      [`http://localhost:${self.port}/`, /this CMS itself/],
      ['http://169.254.169.254/latest/meta-data/', /link-local, metadata/],
      ['http://[fd00:ec2::254]/', /link-local, metadata/],
      ['http://[fe80::1]/', /link-local, metadata/],
      ['http://0.0.0.0:8080/', /link-local, metadata/],
      ['http://[::ffff:169.254.169.254]/', /link-local, metadata/],
      ['http://2852039166/', /link-local, metadata/],
      ['ftp://example.com/', /http or https/],
      ['file:///etc/passwd', /http or https/],
      ['http://user:pw@example.com/', /user name or password/],
      ['not a url', /Not a valid URL/],
      ['https://no-such-host.invalid/', /could not be resolved/],
      [`https://example.com/${'x'.repeat(3000)}`, /too long|2048/],
    ]
    const existing = hookIds.get('/secret-probe')!
    for (const [url, message] of bad) {
      const created = await api
        .as(tokens.admin)
        .post('/api/webhooks', { name: 'bad', url, events: ['article.published'] })
      expect(created.status, `create ${url}`).toBe(400)
      expect(JSON.stringify(created.body), url).toMatch(message)
      const updated = await api.as(tokens.admin).patch(`/api/webhooks/${existing}`, { url })
      expect(updated.status, `update ${url}`).toBe(400)
    }
    const bogus = await api
      .as(tokens.admin)
      .post('/api/webhooks', { name: 'bad', url: receiver.url('/x'), events: ['article.exploded'] })
    expect(bogus.status).toBe(400)
    // other bad input: a clear 400, never a 500
    for (const body of [
      { name: 'x'.repeat(300), url: receiver.url('/x'), events: ['article.published'] },
      { name: 'no events', url: receiver.url('/x'), events: [] },
      // (a single known event as a string is taken as a one-item list)
      { name: 'unknown event as text', url: receiver.url('/x'), events: 'article.exploded' },
      { name: 'events not text', url: receiver.url('/x'), events: [{ deep: { er: 1 } }] },
      { name: 'url not text', url: 12345, events: ['article.published'] },
      { name: 'url object', url: { href: 'http://127.0.0.1/' }, events: ['article.published'] },
      { url: receiver.url('/x'), events: ['article.published'] },
      {
        name: 'short secret',
        url: receiver.url('/x'),
        events: ['article.published'],
        secret: 'short',
      },
    ]) {
      const res = await api.as(tokens.admin).post('/api/webhooks', body)
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400)
    }
    const count = await api.as(tokens.admin).get<{ totalDocs: number }>('/api/webhooks?limit=1')
    expect(count.body.totalDocs).toBe(2)
  })

  it('publishing the imported seed sends a signed article.published within seconds; 500,500,200 succeeds on the third try; 404 is not retried; a hung receiver times out and is retried; 429 waits for Retry-After; a disabled webhook gets nothing', async () => {
    await createWebhook('Website', '/ok', ['article.published'])
    await createWebhook('Flaky', '/flaky', ['article.published'])
    receiver.on('/flaky', [500, 500, 200])
    await createWebhook('Gone', '/gone', ['article.published'])
    receiver.on('/gone', [404])
    await createWebhook('Hung', '/hang', ['article.published'])
    receiver.on('/hang', ['hang', 200])
    await createWebhook('Busy', '/busy', ['article.published'])
    receiver.on('/busy', ['429', 200])
    await createWebhook('Endless body', '/huge', ['article.published'])
    receiver.on('/huge', ['huge'])
    await createWebhook('Redirector', '/redirect', ['article.published'])
    receiver.on('/redirect', ['redirect'])
    await createWebhook('Off', '/off', ['article.published'], { enabled: false })
    await createWebhook('Other events', '/other', ['article.deleted'])

    const seed = await api.as(tokens.editor).get<{
      docs: { id: Id; title: string; slug: string }[]
    }>('/api/articles?draft=true&where[workflowStatus][equals]=in_review&limit=1')
    const article = seed.body.docs[0]
    expect(article, 'the imported seed article').toBeTruthy()
    const published = await workflow(tokens.editor, article.id, 'publish')
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    const at = Date.now()

    const [first] = await waitFor(
      'the signed delivery',
      () => receiver.at('/ok').length > 0 && receiver.at('/ok'),
      10_000,
    )
    const latency = first.at - at
    expect(latency).toBeLessThan(5_000)
    console.info(`webhooks on ${kind}: article.published delivered ${latency} ms after the publish`)
    expect(first.headers['x-redaksi-event']).toBe('article.published')
    expect(first.headers['x-redaksi-delivery']).toMatch(/^[0-9a-f-]{36}$/)
    expect(first.headers['content-type']).toBe('application/json')
    const timestamp = first.headers['x-redaksi-timestamp'] as string
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(30)
    const secret = secrets.get('/ok')!
    expect(readmeVerify(secret, timestamp, first.headers['x-redaksi-signature'], first.body)).toBe(
      true,
    )
    expect(readmeVerify('wrong', timestamp, first.headers['x-redaksi-signature'], first.body)).toBe(
      false,
    )
    expect(
      readmeVerify(secret, timestamp, first.headers['x-redaksi-signature'], `${first.body} `),
    ).toBe(false)
    expect(
      readmeVerify(
        secret,
        String(Number(timestamp) - 3600),
        first.headers['x-redaksi-signature'],
        first.body,
      ),
    ).toBe(false)
    const body = JSON.parse(first.body)
    expect(Object.keys(body).sort()).toEqual(['article', 'event', 'occurredAt'])
    expect(body.event).toBe('article.published')
    expect(Date.parse(body.occurredAt)).toBeGreaterThan(at - 60_000)
    expect(body.article).toEqual({
      id: article.id,
      slug: article.slug,
      title: article.title,
      url: `https://news.example/berita/${article.slug}`,
      publishedAt: expect.any(String),
    })

    // 500, 500, 200: the third try succeeds, with the same delivery id
    const flaky = await waitFor(
      'three tries',
      () => receiver.at('/flaky').length >= 3 && receiver.at('/flaky'),
    )
    expect(new Set(flaky.map((r) => r.headers['x-redaksi-delivery'])).size).toBe(1)
    expect(flaky.map((r) => r.body)).toEqual([flaky[0].body, flaky[0].body, flaky[0].body])
    expect(flaky[1].at - flaky[0].at).toBeGreaterThanOrEqual(250)
    expect(flaky[2].at - flaky[1].at).toBeGreaterThanOrEqual(550)
    const flakyRow = await waitFor('the flaky row to succeed', async () => {
      const rows = await deliveries(`where[webhook][equals]=${hookIds.get('/flaky')}`)
      return rows[0]?.status === 'succeeded' && rows[0]
    })
    expect(flakyRow).toMatchObject({
      attempts: 3,
      lastResponseCode: 200,
      deliveryId: flaky[0].headers['x-redaksi-delivery'],
      event: 'article.published',
    })
    expect(typeof flakyRow.durationMs).toBe('number')

    // 429 with Retry-After: 2 → the second try waits ≥ 2 s (the base delay is 0.3 s)
    const busy = await waitFor(
      'two tries after 429',
      () => receiver.at('/busy').length >= 2 && receiver.at('/busy'),
    )
    expect(busy[1].at - busy[0].at).toBeGreaterThanOrEqual(1_900)

    // a hung receiver: the try times out (1.5 s here, 10 s by default) and is retried
    const hung = await waitFor(
      'a retry after the timeout',
      () => receiver.at('/hang').length >= 2 && receiver.at('/hang'),
    )
    expect(hung[1].at - hung[0].at).toBeGreaterThanOrEqual(1_500)
    const hangRows = await waitFor('the hung row to succeed', async () => {
      const rows = await deliveries(`where[webhook][equals]=${hookIds.get('/hang')}`)
      return rows[0]?.status === 'succeeded' && rows
    })
    expect(hangRows[0].attempts).toBe(2)

    // 404: failed after one try, never retried
    const goneRow = await waitFor('the 404 row', async () => {
      const rows = await deliveries(`where[webhook][equals]=${hookIds.get('/gone')}`)
      return rows[0]?.status === 'failed' && rows[0]
    })
    expect(goneRow).toMatchObject({ attempts: 1, lastResponseCode: 404, lastError: 'HTTP 404' })
    // an endless response body: read up to the cap, then the delivery is done
    const hugeRow = await waitFor('the endless-body row', async () => {
      const rows = await deliveries(`where[webhook][equals]=${hookIds.get('/huge')}`)
      return rows[0]?.status === 'succeeded' && rows[0]
    })
    expect(hugeRow.attempts).toBe(1)
    expect(hugeRow.durationMs as number).toBeLessThan(1_500)
    // a redirect is an answer, not followed (here: towards the metadata address)
    const redirectRow = await waitFor('the redirect row', async () => {
      const rows = await deliveries(`where[webhook][equals]=${hookIds.get('/redirect')}`)
      return rows[0]?.status === 'failed' && rows[0]
    })
    expect(redirectRow).toMatchObject({ attempts: 1, lastResponseCode: 307 })
    expect(redirectRow.lastError).toMatch(/redirects are not followed/)
    await new Promise((r) => setTimeout(r, 2_500))
    expect(receiver.at('/redirect')).toHaveLength(1)
    expect(receiver.at('/gone')).toHaveLength(1)
    expect(receiver.at('/ok')).toHaveLength(1)
    // disabled and unsubscribed webhooks: nothing sent, nothing queued
    expect(receiver.at('/off')).toHaveLength(0)
    expect(receiver.at('/other')).toHaveLength(0)
    expect(await deliveries(`where[webhook][equals]=${hookIds.get('/off')}`)).toHaveLength(0)
  })

  it('every event type, each with only public data: scheduled, published, updated, unpublished, deleted', async () => {
    await createWebhook('All events', '/all', ALL_EVENTS)
    const created = await api
      .as(tokens.editor)
      .post<{ doc: { id: Id } }>('/api/articles?draft=true', { title: 'Banjir di Kampung Melayu' })
    const id = created.body.doc.id
    expect((await workflow(tokens.editor, id, 'submit')).status).toBe(200)
    const publishAt = new Date(Date.now() + 3_600_000).toISOString()
    expect((await workflow(tokens.editor2, id, 'schedule', { publishAt })).status).toBe(200)
    expect((await workflow(tokens.editor2, id, 'publish')).status).toBe(200)
    // a draft on the live article is no event, and its text never reaches a receiver
    const draft = await api
      .as(tokens.editor)
      .patch(`/api/articles/${id}?draft=true`, { title: 'DRAFT-SECRET Banjir surut' })
    expect(draft.status).toBe(200)
    const live = await api.as(tokens.editor).patch(`/api/articles/${id}?draft=true`, {
      title: 'Banjir di Kampung Melayu surut',
      summary: 'Air mulai surut.',
    })
    expect(live.status).toBe(200)
    expect((await workflow(tokens.editor, id, 'publish_changes')).status).toBe(200)
    await api
      .as(tokens.editor)
      .patch(`/api/articles/${id}?draft=true`, { title: 'DRAFT-SECRET second draft' })
    expect((await workflow(tokens.editor, id, 'unpublish')).status).toBe(200)
    expect((await api.as(tokens.admin).delete(`/api/articles/${id}`)).status).toBe(200)

    // deliveries run in parallel: order them by when the change happened
    const bodies = (
      await waitFor('five events', () => {
        const mine = bodiesAt('/all').filter((b) => String(b.article.id) === String(id))
        return mine.length >= 5 && mine
      })
    ).sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))
    expect(bodies.map((b) => b.event)).toEqual([
      'article.scheduled',
      'article.published',
      'article.updated',
      'article.unpublished',
      'article.deleted',
    ])
    const [scheduled, published, updated, unpublished, deleted] = bodies
    expect(scheduled.article).toEqual({ id, publishAt })
    expect(published.article.title).toBe('Banjir di Kampung Melayu')
    expect(updated.article.title).toBe('Banjir di Kampung Melayu surut')
    expect(updated.article.publishedAt).toBe(published.article.publishedAt)
    expect(Object.keys(unpublished.article).sort()).toEqual(['id', 'slug', 'url'])
    expect(unpublished.article.slug).toBe(updated.article.slug)
    expect(unpublished.article.url).toBe(updated.article.url)
    expect(unpublished.article.id).toBe(id)
    expect(Object.keys(deleted.article).sort()).toEqual(['id', 'slug', 'url'])
    expect(deleted.article.slug).toBe(updated.article.slug)
    expect(deleted.article.id).toBe(id)
    expect(updated.article.url).toBe(`https://news.example/berita/${updated.article.slug}`)
    // a never-published draft's deletion is no event (there was nothing public)
    const draftOnly = await api
      .as(tokens.editor)
      .post<{ doc: { id: Id } }>('/api/articles?draft=true', { title: 'DRAFT-SECRET never public' })
    expect(
      (await api.as(tokens.admin).delete(`/api/articles/${draftOnly.body.doc.id}`)).status,
    ).toBe(200)
    await new Promise((r) => setTimeout(r, 2_000))
    expect(await deliveries(`where[articleRef][equals]=${draftOnly.body.doc.id}`)).toHaveLength(0)
    for (const r of receiver.received) expect(r.body).not.toContain('DRAFT-SECRET')
    const rows = await deliveries(`where[articleRef][equals]=${id}`)
    expect(JSON.stringify(rows)).not.toContain('DRAFT-SECRET')
  })

  it('the scheduler publishing at publishAt sends article.published', async () => {
    await createWebhook('Scheduler watcher', '/scheduled', [
      'article.scheduled',
      'article.published',
    ])
    const created = await api
      .as(tokens.editor)
      .post<{ doc: { id: Id } }>('/api/articles?draft=true', { title: 'Terbit terjadwal' })
    const id = created.body.doc.id
    expect((await workflow(tokens.editor, id, 'submit')).status).toBe(200)
    const publishAt = new Date(Date.now() + 4_000).toISOString()
    expect((await workflow(tokens.editor2, id, 'schedule', { publishAt })).status).toBe(200)
    const bodies = await waitFor(
      'scheduled, then published by the scheduler',
      () => bodiesAt('/scheduled').length >= 2 && bodiesAt('/scheduled'),
      30_000,
    )
    expect(bodies.map((b) => b.event).sort()).toEqual(['article.published', 'article.scheduled'])
    const published = bodies.find((b) => b.event === 'article.published')!
    expect(published.article).toMatchObject({ id, title: 'Terbit terjadwal' })
    expect(Date.parse(published.occurredAt)).toBeGreaterThanOrEqual(Date.parse(publishAt))
  })

  it('a rolled-back change queues and sends nothing', async () => {
    await createWebhook('Rollback watcher', '/rollback', ['article.published'])
    const created = await api
      .as(tokens.editor)
      .post<{ doc: { id: Id } }>('/api/articles?draft=true', { title: 'Rolled back story' })
    const id = created.body.doc.id
    expect((await workflow(tokens.editor, id, 'submit')).status).toBe(200)
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    let queuedInside: number
    try {
      await payload.update({
        collection: 'articles',
        id,
        data: { workflowStatus: 'published', _status: 'published' },
        req,
        context: { [CONTEXT.workflowTransition]: true },
      })
      const inside = await payload.find({
        collection: 'webhook-deliveries',
        where: {
          articleRef: { equals: String(id) },
          webhook: { equals: hookIds.get('/rollback') },
        },
        req,
      })
      queuedInside = inside.totalDocs
    } finally {
      await killTransaction(req)
    }
    // queued inside the transaction, gone with it
    expect(queuedInside).toBe(1)
    await new Promise((r) => setTimeout(r, 3_000))
    expect(receiver.at('/rollback')).toHaveLength(0)
    expect(await deliveries(`where[articleRef][equals]=${id}`)).toHaveLength(0)
  })

  it('redeliver: admins only, CSRF-safe, same payload with a new delivery id, recorded', async () => {
    const [original] = await deliveries(
      `where[webhook][equals]=${hookIds.get('/ok')}&where[event][equals]=article.published`,
    )
    expect(original).toBeTruthy()
    const url = `/api/webhook-deliveries/${original.id}/redeliver`
    for (const [who, token, status] of [
      ['anonymous', null, 401],
      ['contributor', tokens.contributor, 403],
      ['editor', tokens.editor, 403],
    ] as const) {
      expect((await api.as(token).post(url, {})).status, who).toBe(status)
    }
    // an admin's cookie sent from another site does not count
    const login = await postJson(`${server.url}/api/editors/login`, {
      email: 'admin@redaksi.test',
      password: PASSWORD,
    })
    const forged = await raw(`${server.url}${url}`, {
      method: 'POST',
      headers: {
        Cookie: tokenCookie(login),
        Origin: 'https://evil.example',
        'Content-Type': 'text/plain',
      },
      body: '{}',
    })
    expect([401, 403]).toContain(forged.status)
    // the admin views render for an admin (their buttons are driven in test/e2e/webhooks.test.ts)
    const adminCookie = tokenCookie(login)
    const view = await raw(`${server.url}/admin/collections/webhook-deliveries/${original.id}`, {
      headers: { Cookie: adminCookie },
    })
    expect(view.status).toBe(200)
    const create = await raw(`${server.url}/admin/collections/webhooks/create`, {
      headers: { Cookie: adminCookie },
    })
    expect(create.status).toBe(200)
    for (const bad of ['999999', 'abc', "1'--", 'x'.repeat(300)]) {
      const res = await api.as(tokens.admin).post(`/api/webhook-deliveries/${bad}/redeliver`, {})
      expect(res.status, bad).toBe(404)
    }
    const before = receiver.at('/ok').length
    expect(receiver.at('/ok').map((r) => r.headers['x-redaksi-delivery'])).toContain(
      original.deliveryId,
    )

    const res = await api.as(tokens.admin).post<{ doc: { id: Id; deliveryId: string } }>(url, {})
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    const all = await waitFor(
      'the redelivery',
      () => receiver.at('/ok').length > before && receiver.at('/ok'),
    )
    const first = all.find((r) => r.headers['x-redaksi-delivery'] === original.deliveryId)!
    const again = [first, all[all.length - 1]]
    expect(again[1].body).toBe(again[0].body)
    expect(again[1].headers['x-redaksi-delivery']).toBe(res.body.doc.deliveryId)
    expect(again[1].headers['x-redaksi-delivery']).not.toBe(again[0].headers['x-redaksi-delivery'])
    expect(
      readmeVerify(
        secrets.get('/ok')!,
        again[1].headers['x-redaksi-timestamp'],
        again[1].headers['x-redaksi-signature'],
        again[1].body,
      ),
    ).toBe(true)
    const row = await api
      .as(tokens.admin)
      .get<Record<string, unknown>>(`/api/webhook-deliveries/${res.body.doc.id}?depth=0`)
    expect(row.body).toMatchObject({
      redeliveryOf: original.id,
      requestedBy: tokens.ids.admin,
      event: 'article.published',
    })
    expect(server.output()).toMatch(/redelivered as .* by editor/)
  })

  it('deliveries queued while the server is down are sent after it starts again', async () => {
    await createWebhook('Restart watcher', '/restart', ['article.published'])
    await server.stop()
    const created = await payload.create({
      collection: 'articles',
      data: { title: 'Queued while down' },
      draft: true,
    })
    const asEditor = async (key: 'editor' | 'editor2') => {
      const user = await payload.findByID({ collection: 'editors', id: tokens.ids[key] })
      return createLocalReq({ user: { ...user, collection: 'editors' } as never }, payload)
    }
    await applyTransition(await asEditor('editor'), { articleId: created.id, action: 'submit' })
    await applyTransition(await asEditor('editor2'), { articleId: created.id, action: 'publish' })
    const queued = await payload.find({
      collection: 'webhook-deliveries',
      where: {
        articleRef: { equals: String(created.id) },
        webhook: { equals: hookIds.get('/restart') },
      },
    })
    expect(queued.docs.map((d) => d.status)).toEqual(['pending'])
    expect(receiver.at('/restart')).toHaveLength(0)

    server = await startTestServer({ databaseUri: db.uri, env: SERVER_ENV })
    api = new Api(server.url)
    const [delivered] = await waitFor(
      'the delivery after the restart',
      () => receiver.at('/restart').length > 0 && receiver.at('/restart'),
    )
    expect(JSON.parse(delivered.body).article.id).toBe(created.id)
    expect(
      readmeVerify(
        secrets.get('/restart')!,
        delivered.headers['x-redaksi-timestamp'],
        delivered.headers['x-redaksi-signature'],
        delivered.body,
      ),
    ).toBe(true)
  })
})

describe('webhook settings at start-up', () => {
  it.each([
    [{ WEBHOOKS_ALLOW_PRIVATE: 'true' }, /WEBHOOKS_ALLOW_PRIVATE_IN_PRODUCTION=true/],
    [{ WEBHOOKS_MAX_ATTEMPTS: '2' }, /WEBHOOKS_MAX_ATTEMPTS must be a whole number from 5/],
    [{ WEBHOOKS_TIMEOUT_MS: '60000' }, /WEBHOOKS_TIMEOUT_MS must be a whole number/],
  ])('production refuses %o with one line saying why', async (env, message) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-webhooks-'))
    try {
      const { code, output } = await runServerExpectingFailure({
        NODE_ENV: 'production',
        REDAKSI_LOCAL_START: '',
        PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
        DATABASE_URI: `file:${path.join(dir, 'a.db')}`,
        ...env,
      })
      expect(code).toBe(1)
      expect(output).toMatch(message)
      expect(output).not.toMatch(/\s+at /)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
