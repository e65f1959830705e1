import { readFileSync } from 'node:fs'

import Database from 'libsql'
import pg from 'pg'

import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { engineFor } from '@/features/search/engine'
import type { SearchResults } from '@/features/search/engine'
import { paragraphsToLexical } from '@/features/import/lexical'
import { Importer } from '@/features/import/importer'
import { Api, bootstrapAccounts } from '../helpers/api'
import { runCli } from '../helpers/cli'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { localPayload } from '../helpers/localPayload'
import { startTestServer } from '../helpers/server'
import { sqlQuery } from '../helpers/sql'
import type { TestServer } from '../helpers/server'

type Id = number | string

/** One schema statement straight on the test database (no Payload). */
const sqlExec = async (db: TestDatabase, statement: string): Promise<void> => {
  if (db.kind === 'sqlite') {
    const conn = new Database(db.uri.replace(/^file:/, ''), { timeout: 5_000 })
    try {
      conn.exec(statement)
    } finally {
      conn.close()
    }
    return
  }
  const client = new pg.Client({ connectionString: db.uri })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
const SEED = 'seeds/000_4fd9d068e36e76ef.txt'

describe.each(TEST_DATABASES)('full-text search on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let anon: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let payload: Payload
  let seedId: Id
  let titleHit: Id
  let bodyHit: Id
  let bylined: Id

  const search = async (query: string, as: Api = anon) => {
    const res = await as.get<SearchResults>(`/api/search?${query}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body
  }
  const ids = async (q: string) =>
    (await search(`q=${encodeURIComponent(q)}`)).docs.map((d) => String(d.id))
  const transition = async (token: string, id: Id, action: string) => {
    const res = await api.as(token).post(`/api/articles/${id}/workflow`, { action })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const publish = async (id: Id) => {
    await transition(tokens.contributor, id, 'submit')
    await transition(tokens.editor, id, 'approve')
    await transition(tokens.editor, id, 'publish')
  }
  const create = async (data: Record<string, unknown>): Promise<Id> => {
    const res = await api
      .as(tokens.contributor)
      .post<{ doc: { id: Id } }>('/api/articles?draft=true', data)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.doc.id
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({
      databaseUri: db.uri,
      // tests write the index from this process and a CLI: the server re-reads the content
      // generation on every request instead of every 500 ms
      env: { PUBLIC_CACHE_CHECK_MS: '0' },
    })
    api = new Api(server.url)
    anon = api.as(null)
    tokens = await bootstrapAccounts(api)
    payload = await localPayload(db.uri)
    const result = await new Importer(payload).importDocument(SEED, readFileSync(SEED))
    expect(result.status).toBe('imported')
    seedId = result.articleId as Id
  })

  afterAll(async () => {
    if (payload) await closePayload(payload)
    await server?.stop()
    await db?.drop()
  })

  it("the imported seed (in review) is not found; once published, ukraina / Ukraina / ukraina's / UKRAÏNA find it with highlights (REST and GraphQL)", async () => {
    expect(await ids('ukraina')).toEqual([])
    await transition(tokens.editor, seedId, 'approve')
    await transition(tokens.editor, seedId, 'publish')
    for (const q of ['ukraina', 'Ukraina', "ukraina's", 'UKRAÏNA', 'ukrain', 'Ukraina NATO']) {
      const found = await search(`q=${encodeURIComponent(q)}`)
      expect(found.totalDocs, q).toBe(1)
      expect(String(found.docs[0].id)).toBe(String(seedId))
    }
    const hit = (await search('q=ukraina')).docs[0]
    expect(hit.title).toBe(
      'Bantu Ukraina dengan Senjata Canggih, NATO Rupanya Enggan Perang Terbuka dengan Rusia',
    )
    expect(hit.titleHighlighted).toBe(
      'Bantu <mark>Ukraina</mark> dengan Senjata Canggih, NATO Rupanya Enggan Perang Terbuka dengan Rusia',
    )
    expect(hit.snippet).toMatch(/<mark>Ukraina<\/mark>/)
    expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/)
    expect(hit.url).toMatch(/\/articles\/bantu-ukraina/)
    expect(hit.language).toBe('id')
    const gql = await anon.graphql<{ searchArticles: SearchResults }>(
      '{ searchArticles(q: "Ukraina", limit: 5) { totalDocs page limit docs { id title titleHighlighted snippet url } } }',
    )
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data?.searchArticles.totalDocs).toBe(1)
    expect(gql.body.data?.searchArticles.docs[0]).toMatchObject({
      id: String(seedId),
      titleHighlighted: hit.titleHighlighted,
      snippet: hit.snippet,
    })
    // author names are searched too; the language filter applies
    expect((await search('q=ukraina&language=en')).totalDocs).toBe(0)
    expect((await search('q=ukraina&language=id')).totalDocs).toBe(1)
  })

  it('ranks a title match above a body-only match, finds author names, pages through results', async () => {
    const author = (
      await api
        .as(tokens.contributor)
        .post<{ doc: { id: Id } }>('/api/authors', { name: 'Zulkarnain Wibisono' })
    ).body.doc.id
    bodyHit = await create({
      title: 'Banjir di pesisir utara',
      body: paragraphsToLexical([
        'Hujan deras sejak pagi. Warga Jakarta mengungsi ke balai desa.',
        'Petugas membuka posko.',
      ]),
    })
    titleHit = await create({
      title: 'Jakarta bersiap menghadapi musim hujan',
      summary: 'Jakarta menyiapkan pompa air.',
      body: paragraphsToLexical(['Pemerintah kota Jakarta menyiapkan pompa air.']),
    })
    bylined = await create({
      title: 'Laporan cuaca mingguan',
      authors: [author],
      body: paragraphsToLexical(['Cerah berawan.']),
    })
    for (const id of [bodyHit, titleHit, bylined]) await publish(id)

    expect(await ids('jakarta')).toEqual([String(titleHit), String(bodyHit)])
    const first = await search('q=jakarta&limit=1')
    expect(first).toMatchObject({
      totalDocs: 2,
      totalPages: 2,
      page: 1,
      limit: 1,
      hasNextPage: true,
    })
    const second = await search('q=jakarta&limit=1&page=2')
    expect(second.docs.map((d) => String(d.id))).toEqual([String(bodyHit)])
    expect(second.hasPrevPage).toBe(true)
    expect(second.docs[0].snippet).toContain('Warga <mark>Jakarta</mark> mengungsi')
    expect(first.docs[0].score).toBeGreaterThan(second.docs[0].score)
    expect((await search('q=jakarta&page=3&limit=1')).docs).toEqual([])
    expect(await ids('wibisono')).toEqual([String(bylined)])
    expect(await ids('jakarta pompa')).toEqual([String(titleHit)])
    // renaming the author re-indexes the byline in the same save
    const renamed = await api
      .as(tokens.editor)
      .patch(`/api/authors/${author}`, { name: 'Zulkarnain Prasetyo' })
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200)
    expect(await ids('prasetyo')).toEqual([String(bylined)])
    expect(await ids('wibisono')).toEqual([])
  })

  it('anonymous readers, contributors, editors and admins get the same published-only results', async () => {
    const draftOnly = await create({
      title: 'Jakarta draf rahasia',
      body: paragraphsToLexical(['Jakarta rahasiadraf']),
    })
    await transition(tokens.contributor, draftOnly, 'submit')
    const expected = await search('q=jakarta')
    for (const token of [tokens.contributor, tokens.editor, tokens.admin]) {
      expect(await search('q=jakarta', api.as(token))).toEqual(expected)
      const gql = await api
        .as(token)
        .graphql<{ searchArticles: SearchResults }>(
          '{ searchArticles(q: "rahasiadraf") { totalDocs } }',
        )
      expect(gql.body.data?.searchArticles.totalDocs).toBe(0)
    }
    expect(expected.docs.map((d) => String(d.id))).not.toContain(String(draftOnly))
    expect(await ids('rahasiadraf')).toEqual([])
  })

  it('a newer draft of a live article never appears; the published text stays searchable until its changes are published', async () => {
    const res = await api.as(tokens.editor).patch(`/api/articles/${titleHit}?draft=true`, {
      title: 'Judul rahasiadraf',
      body: paragraphsToLexical(['Isi rahasiadraf belum terbit.']),
    })
    expect(res.status).toBe(200)
    expect(await ids('rahasiadraf')).toEqual([])
    const hit = (await search('q=jakarta')).docs[0]
    expect(String(hit.id)).toBe(String(titleHit))
    expect(hit.title).toBe('Jakarta bersiap menghadapi musim hujan')
    expect(JSON.stringify(await search('q=jakarta'))).not.toContain('rahasiadraf')
    // publishing the changes (a save with draft=false, editors only) replaces the indexed text
    const live = await api.as(tokens.editor).patch(`/api/articles/${titleHit}`, {
      title: 'Jakarta menyalakan pompa',
      _status: 'published',
    })
    expect(live.status, JSON.stringify(live.body)).toBe(200)
    const after = (await search('q=jakarta')).docs.find((d) => String(d.id) === String(titleHit))
    expect(after?.title).toBe('Jakarta menyalakan pompa')
  })

  it('unpublish removes an article from the results, delete removes it, reindex rebuilds the index', async () => {
    await transition(tokens.editor, titleHit, 'unpublish')
    expect(await ids('jakarta')).toEqual([String(bodyHit)])
    const del = await api.as(tokens.admin).delete(`/api/articles/${bodyHit}`)
    expect(del.status, JSON.stringify(del.body)).toBe(200)
    expect(await ids('jakarta')).toEqual([])

    // an emptied index, and a stale entry for an unpublished article
    const engine = await engineFor(payload)
    const req = { payload, context: {} } as PayloadRequest
    await engine.clear(req)
    await engine.upsert(req, {
      id: titleHit,
      slug: 'stale',
      url: null,
      title: 'Stale jakarta',
      summary: '',
      bodyText: '',
      authors: '',
      language: 'id',
      publishedAt: null,
    })
    expect(await ids('ukraina')).toEqual([])
    expect(await ids('jakarta')).toEqual([String(titleHit)])
    const cli = await runCli('searchReindex.ts', [], {
      DATABASE_URI: db.uri,
      SEED_ON_START: 'false',
      JOBS_AUTORUN: 'false',
    })
    expect(cli.code, cli.stderr).toBe(0)
    expect(cli.stdout).toMatch(/2 published articles indexed, 1 stale entries removed/)
    expect(await ids('ukraina')).toEqual([String(seedId)])
    expect(await ids('prasetyo')).toEqual([String(bylined)])
    expect(await ids('jakarta')).toEqual([])
  })

  it('bad input is a 400 with a message, FTS syntax is treated as words, never a 500', async () => {
    const bad = [
      '',
      'q=',
      'q=%20%20',
      `q=${'a'.repeat(201)}`,
      'q=%22',
      'q=*',
      'q=(%20)',
      'q=%3A%3A',
      'q=ukraina&page=0',
      'q=ukraina&page=abc',
      'q=ukraina&page=1001',
      'q=ukraina&page=1.5',
      'q=ukraina&limit=0',
      'q=ukraina&limit=-1',
      'q=ukraina&limit=101',
      'q=ukraina&limit=99999999999',
      'q=ukraina&language=xx1',
      'q=ukraina&language=ID',
    ]
    for (const query of bad) {
      const res = await anon.get<{ errors?: { message: string }[] }>(`/api/search?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body.errors?.[0]?.message, query).toMatch(/q|page|limit|language/)
    }
    const words = [
      '"ukraina"',
      'ukraina*',
      'ukraina OR nato',
      'NEAR(ukraina nato)',
      'title:ukraina',
      '(ukraina)',
      'ukraina AND NOT',
      '-ukraina',
      '^ukraina',
      'ukraina" OR "x',
      "'; DROP TABLE articles; --",
      '\\x00 ukraina',
      'ukr%aina_',
      'ukraina '.repeat(24).trim(),
    ]
    for (const q of words) {
      const res = await anon.get<SearchResults>(`/api/search?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
      expect(Array.isArray(res.body.docs), q).toBe(true)
    }
    expect(await ids('"ukraina"')).toEqual([String(seedId)])
    expect(await ids('NEAR(ukraina)')).toEqual([])
    const gql = await anon.graphql('{ searchArticles(q: "\\"") { totalDocs } }')
    expect(gql.status).toBeLessThan(500)
    expect(JSON.stringify(gql.body.errors)).toMatch(/at least one letter or digit/)
    const gqlLimit = await anon.graphql(
      '{ searchArticles(q: "ukraina", limit: 1000) { totalDocs } }',
    )
    expect(JSON.stringify(gqlLimit.body.errors)).toMatch(/limit must be/)
    // concurrent searches
    const many = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        anon.get(`/api/search?q=ukraina${i % 2 ? '' : '%20nato'}`),
      ),
    )
    expect(many.map((r) => r.status)).toEqual(Array(20).fill(200))
  })

  it('the index is written in the publishing transaction: when that write fails, the publish is rolled back', async () => {
    const id = await create({
      title: 'Transaksi atomik',
      body: paragraphsToLexical(['Kata kunci transaksiunik.']),
    })
    await transition(tokens.contributor, id, 'submit')
    await transition(tokens.editor, id, 'approve')
    await sqlExec(db, 'ALTER TABLE search_articles RENAME TO search_articles_off')
    try {
      const res = await api
        .as(tokens.editor)
        .post(`/api/articles/${id}/workflow`, { action: 'publish' })
      expect(res.status).toBeGreaterThanOrEqual(500)
    } finally {
      await sqlExec(db, 'ALTER TABLE search_articles_off RENAME TO search_articles')
    }
    const rows = await sqlQuery<{ workflow_status: string; _status: string }>(
      db,
      'SELECT workflow_status, _status FROM articles WHERE id = ?',
      [Number(id)],
    )
    expect(rows[0]).toEqual({ workflow_status: 'approved', _status: 'draft' })
    expect((await anon.get(`/api/articles/${id}`)).status).toBeGreaterThanOrEqual(403)
    expect(await ids('transaksiunik')).toEqual([])
    await transition(tokens.editor, id, 'publish')
    expect(await ids('transaksiunik')).toEqual([String(id)])
  })

  it('a server starting with an empty index next to live articles indexes them', async () => {
    const engine = await engineFor(payload)
    await engine.clear({ payload, context: {} } as PayloadRequest)
    expect(await ids('ukraina')).toEqual([])
    await server.stop()
    server = await startTestServer({
      databaseUri: db.uri,
      // tests write the index from this process and a CLI: the server re-reads the content
      // generation on every request instead of every 500 ms
      env: { PUBLIC_CACHE_CHECK_MS: '0' },
    })
    api = new Api(server.url)
    anon = api.as(null)
    expect(server.output()).toMatch(/search: indexed 3 published articles/)
    expect(await ids('ukraina')).toEqual([String(seedId)])
    expect(await ids('transaksiunik')).toHaveLength(1)
  })
})
