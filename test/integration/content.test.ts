import { readFileSync } from 'node:fs'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { backfillRenderedFields } from '@/features/content/backfill'
import { paragraphsToLexical } from '@/features/import/lexical'
import { Importer } from '@/features/import/importer'
import { Api, bootstrapAccounts } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { localPayload } from '../helpers/localPayload'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'
import { sqlQuery } from '../helpers/sql'

type Id = number | string
interface Rendered {
  id: Id
  slug: string
  bodyHtml: string | null
  bodyText: string | null
  url: string | null
  wordCount: number | null
  readingMinutes: number | null
}

const SITE = 'https://news.example/berita/:slug'
const SEED = 'seeds/000_4fd9d068e36e76ef.txt'

const uploadNode = (id: Id) => ({
  type: 'upload',
  version: 3,
  format: '',
  relationTo: 'media',
  value: id,
  fields: null,
})

describe.each(TEST_DATABASES)('rendered article fields on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let anon: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let payload: Payload
  let articleId: Id
  let mediaId: Id

  const transition = async (token: string, id: Id, action: string) => {
    const res = await api.as(token).post(`/api/articles/${id}/workflow`, { action })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri, env: { PUBLIC_SITE_URL: SITE } })
    api = new Api(server.url)
    anon = api.as(null)
    tokens = await bootstrapAccounts(api)
    payload = await localPayload(db.uri, { PUBLIC_SITE_URL: SITE })
    // the in-process Payload reads the pattern when it saves (the server has its own copy)
    process.env.PUBLIC_SITE_URL = SITE
    mediaId = (
      await api.as(tokens.contributor).post<{ doc: { id: Id } }>('/api/media', {
        caption: 'HIMARS di lapangan',
        credit: 'US Army',
      })
    ).body.doc.id
  })

  afterAll(async () => {
    delete process.env.PUBLIC_SITE_URL
    if (payload) await closePayload(payload)
    await server?.stop()
    await db?.drop()
  })

  it('a saved draft stores bodyHtml (inline photo as a figure with caption and credit), bodyText, url, wordCount, readingMinutes; client-sent values are ignored', async () => {
    const body = paragraphsToLexical(['Ukraina menerima senjata <baru>.', 'Paragraf kedua.'])
    body.root.children.push(uploadNode(mediaId) as never)
    const created = await api
      .as(tokens.contributor)
      .post<{ doc: Rendered }>('/api/articles?draft=true', {
        title: 'Bantu Ukraina',
        body,
        bodyHtml: '<script>alert(1)</script>',
        bodyText: 'forged',
        url: 'https://evil.example/',
        wordCount: 9999,
        readingMinutes: 42,
      })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const doc = created.body.doc
    articleId = doc.id
    expect(doc.bodyHtml).toBe(
      '<p>Ukraina menerima senjata &lt;baru&gt;.</p><p>Paragraf kedua.</p><figure><figcaption>HIMARS di lapangan <span class="credit">US Army</span></figcaption></figure>',
    )
    expect(doc.bodyText).toBe('Ukraina menerima senjata <baru>.\n\nParagraf kedua.')
    expect(doc.wordCount).toBe(6)
    expect(doc.readingMinutes).toBe(1)
    expect(doc.url).toBe(`https://news.example/berita/${doc.slug}`)
    expect(doc.slug).toBe('bantu-ukraina')

    // an update that sends only the computed fields changes nothing
    for (const token of [tokens.contributor, tokens.admin]) {
      const forged = await api
        .as(token)
        .patch<{ doc: Rendered }>(`/api/articles/${articleId}?draft=true`, {
          bodyHtml: '<img src=x onerror=alert(1)>',
          wordCount: 1,
          url: 'https://evil.example/',
        })
      expect(forged.status, JSON.stringify(forged.body)).toBe(200)
      expect(forged.body.doc.bodyHtml).toBe(doc.bodyHtml)
      expect(forged.body.doc.wordCount).toBe(6)
      expect(forged.body.doc.url).toBe(doc.url)
    }
    const gql = await api
      .as(tokens.admin)
      .graphql<{ updateArticle: Rendered }>(
        `mutation { updateArticle(id: ${JSON.stringify(articleId)}, draft: true, data: { title: "Bantu Ukraina" }) { bodyHtml wordCount url } }`,
      )
    expect(gql.body.data?.updateArticle.wordCount).toBe(6)
    const gqlForged = await api
      .as(tokens.admin)
      .graphql(
        `mutation { updateArticle(id: ${JSON.stringify(articleId)}, draft: true, data: { bodyHtml: "<b>x</b>" }) { bodyHtml } }`,
      )
    expect(JSON.stringify(gqlForged.body)).not.toContain('<b>x</b>')

    // every saved version carries them
    const versions = await api
      .as(tokens.editor)
      .get<{ docs: { version: Rendered }[] }>(
        `/api/articles/versions?where[parent][equals]=${articleId}&limit=50`,
      )
    expect(versions.body.docs.length).toBeGreaterThanOrEqual(3)
    for (const v of versions.body.docs) {
      expect(v.version.wordCount).toBe(6)
      expect(v.version.bodyHtml).toBe(doc.bodyHtml)
    }
  })

  it('anonymous readers get the published version rendered (REST and GraphQL); a newer draft stays private', async () => {
    expect((await anon.get(`/api/articles/${articleId}`)).status).toBeGreaterThanOrEqual(403)
    await transition(tokens.contributor, articleId, 'submit')
    await transition(tokens.editor, articleId, 'approve')
    await transition(tokens.editor, articleId, 'publish')
    const live = await anon.get<Rendered>(`/api/articles/${articleId}`)
    expect(live.status).toBe(200)
    expect(live.body.bodyHtml).toContain('Ukraina menerima senjata')
    expect(live.body.bodyHtml).toContain('<figcaption>HIMARS di lapangan')
    expect(live.body.wordCount).toBe(6)

    const draftBody = paragraphsToLexical(['Rahasia redaksi belum terbit sama sekali.'])
    const draft = await api
      .as(tokens.editor)
      .patch<{ doc: Rendered }>(`/api/articles/${articleId}?draft=true`, { body: draftBody })
    expect(draft.status).toBe(200)
    expect(draft.body.doc.bodyText).toBe('Rahasia redaksi belum terbit sama sekali.')
    expect(draft.body.doc.wordCount).toBe(6)

    const again = await anon.get<Rendered>(`/api/articles/${articleId}?draft=true`)
    expect(again.body.bodyText).toBe('Ukraina menerima senjata <baru>.\n\nParagraf kedua.')
    const gql = await anon.graphql<{ Articles: { docs: Rendered[] } }>(
      '{ Articles { docs { bodyHtml bodyText url wordCount readingMinutes } } }',
    )
    expect(gql.body.data?.Articles.docs).toEqual([
      {
        bodyHtml: live.body.bodyHtml,
        bodyText: live.body.bodyText,
        url: live.body.url,
        wordCount: 6,
        readingMinutes: 1,
      },
    ])
    expect(JSON.stringify(gql.body)).not.toContain('Rahasia')
  })

  it('an imported article gets the fields, and rows saved without them are filled by the backfill', async () => {
    const result = await new Importer(payload).importDocument(SEED, readFileSync(SEED))
    expect(result.status).toBe('imported')
    const imported = (
      await payload.find({
        collection: 'articles',
        where: { 'source.fileName': { exists: true } },
        draft: true,
        depth: 0,
      })
    ).docs[0] as unknown as Rendered
    expect(imported.bodyText).toMatch(/^Pada Juli, Menteri Luar Negeri Rusia/)
    expect(imported.bodyHtml).toMatch(/^<p>Pada Juli/)
    expect(imported.wordCount).toBeGreaterThan(250)
    expect(imported.readingMinutes).toBe(Math.ceil(imported.wordCount! / 200))
    expect(imported.url).toBe(`https://news.example/berita/${imported.slug}`)

    // rows from before the feature: the columns are empty
    await sqlQuery(
      db,
      'UPDATE articles SET body_html = NULL, body_text = NULL, url = NULL, word_count = NULL, reading_minutes = NULL RETURNING id',
    )
    await sqlQuery(
      db,
      'UPDATE _articles_v SET version_body_html = NULL, version_word_count = NULL RETURNING id',
    )
    const filled = await backfillRenderedFields(payload)
    expect(filled.articles).toBe(2)
    expect(filled.versions).toBeGreaterThanOrEqual(5)
    const after = (await payload.findByID({
      collection: 'articles',
      id: imported.id,
      draft: true,
      depth: 0,
    })) as unknown as Rendered & { authors: unknown[] }
    expect(after.bodyHtml).toBe(imported.bodyHtml)
    expect(after.wordCount).toBe(imported.wordCount)
    expect(after.authors.length).toBeGreaterThan(0)
    const live = await anon.get<Rendered>(`/api/articles/${articleId}`)
    expect(live.body.wordCount).toBe(6)
    expect(live.body.bodyHtml).toContain('<figcaption>HIMARS di lapangan')
    const versions = await sqlQuery<{ n: number | string }>(
      db,
      'SELECT COUNT(*) AS n FROM _articles_v WHERE version_body_html IS NULL OR version_word_count IS NULL',
    )
    expect(Number(versions[0].n)).toBe(0)
    expect(await backfillRenderedFields(payload)).toEqual({ articles: 0, versions: 0 })
  })
})
