import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { Importer } from '@/features/import/importer'
import { Api, bootstrapAccounts } from '../../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { localPayload } from '../../helpers/localPayload'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

type Id = string | number
type Tokens = Awaited<ReturnType<typeof bootstrapAccounts>>
type Errors = { errors?: { message: string; data?: { rule?: string } }[] }

const fixture = (name: string) =>
  readFileSync(path.join(process.cwd(), 'test/fixtures/documents', name), 'utf8')

const idOf = (v: unknown): Id | null =>
  v && typeof v === 'object' ? (v as { id: Id }).id : ((v as Id | null | undefined) ?? null)

/**
 * Finding 8 (articles with an audit trail cannot be deleted; deletions are not audited), who may
 * delete what, and from 9: a deleted article's id (its URL) is never given to a new article.
 */
describe.each(TEST_DATABASES)('deleting articles on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let payload: Payload
  let api: Api
  let tokens: Tokens

  const as = (who: keyof Omit<Tokens, 'ids'> | null) => api.as(who ? tokens[who] : null)

  const create = async (who: 'contributor' | 'editor', title: string): Promise<Id> => {
    const res = await as(who).post<{ doc: { id: Id } }>('/api/articles', { title })
    expect(res.status).toBe(201)
    return res.body.doc.id
  }

  const auditFor = async (articleRef: Id) =>
    (
      await payload.find({
        collection: 'audit-events',
        where: { articleRef: { equals: String(articleRef) } },
        sort: 'createdAt',
        depth: 0,
        limit: 100,
      })
    ).docs

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    payload = await localPayload(db.uri)
  })

  afterAll(async () => {
    if (payload) await closePayload(payload)
    await server?.stop()
    await db?.drop()
  })

  it('an imported article (with an audit trail) can be deleted by an editor; its trail stays, naming it, and the deletion is audited', async () => {
    const result = await new Importer(payload).importDocument(
      'f01_detik.txt',
      fixture('f01_detik.txt'),
    )
    expect(result.status).toBe('imported')
    const id = result.articleId as Id
    const article = await payload.findByID({ collection: 'articles', id, depth: 0, draft: true })

    const res = await as('editor').delete(`/api/articles/${id}`)
    expect(res.status).toBe(200)
    expect((await as('editor').get(`/api/articles/${id}`)).status).toBe(404)

    const trail = await auditFor(id)
    expect(trail.map((e) => e.action)).toEqual(['import', 'delete'])
    for (const event of trail) {
      expect(event.articleRef).toBe(String(id))
      expect(event.articleTitle).toBe(article.title)
      expect(idOf(event.article)).toBeNull()
    }
    expect(trail[1]).toMatchObject({ fromState: 'in_review', actorLabel: 'Eko Editor' })
    expect(idOf(trail[1].actor)).toBe(tokens.ids.editor)
  })

  it('every delete is audited: single, bulk, GraphQL and the Local API', async () => {
    const single = await create('editor', 'Hapus satu')
    const bulkA = await create('editor', 'Hapus massal A')
    const bulkB = await create('editor', 'Hapus massal B')
    const viaGql = await create('editor', 'Hapus lewat GraphQL')
    const viaLocal = await create('editor', 'Hapus lewat Local API')

    expect((await as('editor').delete(`/api/articles/${single}`)).status).toBe(200)
    const bulk = await as('editor').delete(`/api/articles?where[id][in]=${bulkA},${bulkB}`)
    expect(bulk.status).toBe(200)
    const gql = await as('editor').graphql(
      `mutation { deleteArticle(id: ${JSON.stringify(viaGql)}) { id } }`,
    )
    expect(gql.body.errors).toBeUndefined()
    const editor = await payload.findByID({ collection: 'editors', id: tokens.ids.editor })
    await payload.delete({
      collection: 'articles',
      id: viaLocal,
      user: { ...editor, collection: 'editors' },
      overrideAccess: false,
    })

    for (const [id, title] of [
      [single, 'Hapus satu'],
      [bulkA, 'Hapus massal A'],
      [bulkB, 'Hapus massal B'],
      [viaGql, 'Hapus lewat GraphQL'],
      [viaLocal, 'Hapus lewat Local API'],
    ] as const) {
      const trail = await auditFor(id)
      expect(
        trail.map((e) => [e.action, e.articleTitle, e.fromState]),
        title,
      ).toEqual([
        ['create', title, null],
        ['delete', title, 'draft'],
      ])
    }
  })

  it('contributors delete only their own never-submitted drafts; anonymous nothing; editors any', async () => {
    const ownDraft = await create('contributor', 'Draf sendiri')
    const ownSubmitted = await create('contributor', 'Sudah diajukan')
    expect(
      (await as('contributor').post(`/api/articles/${ownSubmitted}/workflow`, { action: 'submit' }))
        .status,
    ).toBe(200)
    const editorsDraft = await create('editor', 'Draf editor')

    expect((await as(null).delete(`/api/articles/${ownDraft}`)).status).toBe(403)
    const submitted = await as('contributor').delete<Errors>(`/api/articles/${ownSubmitted}`)
    expect(submitted.status).toBe(403)
    const others = await as('contributor').delete<Errors>(`/api/articles/${editorsDraft}`)
    expect(others.status).toBe(403)
    // a bulk delete only reaches what the contributor may delete
    const bulk = await as('contributor').delete(
      `/api/articles?where[id][in]=${ownSubmitted},${editorsDraft}`,
    )
    expect([200, 403]).toContain(bulk.status)
    for (const id of [ownSubmitted, editorsDraft]) {
      expect((await as('editor').get(`/api/articles/${id}?draft=true`)).status).toBe(200)
    }
    expect((await as('contributor').delete(`/api/articles/${ownDraft}`)).status).toBe(200)
    expect((await as('editor').delete(`/api/articles/${ownSubmitted}`)).status).toBe(200)
    expect((await as('editor').delete(`/api/articles/${editorsDraft}`)).status).toBe(200)
    expect((await auditFor(ownDraft)).map((e) => e.action)).toEqual(['create', 'delete'])
  })

  it('a deleted article’s id (its URL) is never given to a new article', async () => {
    const newest = await create('editor', 'Artikel terbaru')
    expect((await as('editor').delete(`/api/articles/${newest}`)).status).toBe(200)
    const next = await create('editor', 'Artikel pengganti')
    expect(String(next)).not.toBe(String(newest))
    expect((await as('editor').get(`/api/articles/${newest}?draft=true`)).status).toBe(404)
  })
})
