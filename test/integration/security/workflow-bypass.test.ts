import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { Api, bootstrapAccounts } from '../../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { localPayload } from '../../helpers/localPayload'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

type Id = string | number
type Tokens = Awaited<ReturnType<typeof bootstrapAccounts>>
type ArticleDoc = {
  id: Id
  title: string
  workflowStatus: string
  _status: string
  publishedAt?: string | null
  publishAt?: string | null
  submittedBy?: Id | { id: Id } | null
  createdBy?: Id | { id: Id } | null
}
type Errors = { errors?: { message: string; data?: { rule?: string } }[] }

const idOf = (v: unknown): Id | null =>
  v && typeof v === 'object' ? (v as { id: Id }).id : ((v as Id | null | undefined) ?? null)

/**
 * Finding 1 (duplicate bypasses review), 2 (a plain save takes a live article offline; `_status`
 * patches; bulk PATCH), restore-version and "publish changes" as an audited workflow action, and
 * from 9: `createdBy` never writable, control characters refused. Real HTTP first, GraphQL and the
 * Local API (overrideAccess: false) where the issue names them.
 */
describe.each(TEST_DATABASES)('hostile users cannot get around the workflow on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let payload: Payload
  let api: Api
  let tokens: Tokens

  const as = (who: keyof Omit<Tokens, 'ids'> | null) => api.as(who ? tokens[who] : null)

  /** An article written by the editor, submitted by the editor, published by editor2 (live). */
  const liveArticle = async (title: string): Promise<Id> => {
    const created = await as('editor').post<{ doc: ArticleDoc }>('/api/articles', { title })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(
      (await as('editor').post(`/api/articles/${id}/workflow`, { action: 'submit' })).status,
    ).toBe(200)
    expect(
      (await as('editor2').post(`/api/articles/${id}/workflow`, { action: 'publish' })).status,
    ).toBe(200)
    return id
  }

  const publicTitle = async (id: Id): Promise<string | number> => {
    const res = await api.as(null).get<ArticleDoc>(`/api/articles/${id}`)
    return res.status === 200 ? res.body.title : res.status
  }

  const auditActions = async (id: Id): Promise<string[]> => {
    const events = await payload.find({
      collection: 'audit-events',
      where: { article: { equals: id } },
      sort: 'createdAt',
      limit: 100,
      depth: 0,
    })
    return events.docs.map((e) => e.action)
  }

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

  describe('finding 1: duplicate', () => {
    it('a duplicate of a live article starts as a never-reviewed draft owned by the duplicating user, audited as create', async () => {
      const id = await liveArticle('Asli: berita yang sudah terbit')
      for (const who of ['contributor', 'editor'] as const) {
        const dup = await as(who).post<{ doc: ArticleDoc }>(`/api/articles/${id}/duplicate`)
        expect(dup.status, `${who} duplicate`).toBe(200)
        const copy = await payload.findByID({
          collection: 'articles',
          id: dup.body.doc.id,
          draft: true,
          depth: 0,
        })
        expect(copy.workflowStatus, who).toBe('draft')
        expect(copy._status, who).toBe('draft')
        expect(copy.publishedAt ?? null, who).toBeNull()
        expect(copy.publishAt ?? null, who).toBeNull()
        expect(idOf(copy.submittedBy), who).toBeNull()
        expect(idOf(copy.createdBy), who).toBe(tokens.ids[who])
        expect(await publicTitle(copy.id), who).toBe(404)
        const events = await payload.find({
          collection: 'audit-events',
          where: { article: { equals: copy.id } },
          depth: 0,
        })
        expect(
          events.docs.map((e) => [e.action, idOf(e.actor), e.toState]),
          who,
        ).toEqual([['create', tokens.ids[who], 'draft']])

        // ... and an editor cannot then push the copy live with a plain PATCH
        const publish = await as('editor').patch<Errors>(`/api/articles/${copy.id}`, {
          _status: 'published',
        })
        expect(publish.status, who).toBe(403)
        expect(publish.body.errors?.[0]?.data?.rule).toBe('workflow.direct-change.publish')
        expect(await publicTitle(copy.id), who).toBe(404)
      }
    })

    it('duplicate through GraphQL and the Local API (overrideAccess: false) starts as a draft too', async () => {
      const id = await liveArticle('Asli: GraphQL dan Local API')
      const gql = await as('editor').graphql<{
        duplicateArticle: { id: Id; workflowStatus: string; _status: string }
      }>(
        `mutation { duplicateArticle(id: ${JSON.stringify(id)}, data: { title: "Salinan GraphQL", workflowStatus: draft }) { id workflowStatus _status } }`,
      )
      expect(gql.body.errors).toBeUndefined()
      expect(gql.body.data?.duplicateArticle).toMatchObject({
        workflowStatus: 'draft',
        _status: 'draft',
      })
      const gqlLive = await as('editor').graphql(
        `mutation { duplicateArticle(id: ${JSON.stringify(id)}, data: { title: "Salinan terbit", workflowStatus: published, _status: published }) { id } }`,
      )
      expect(gqlLive.body.errors?.[0]?.message).toMatch(/workflow\.direct-change\.(state|publish)/)

      const editor = await payload.findByID({ collection: 'editors', id: tokens.ids.editor })
      const local = await payload.duplicate({
        collection: 'articles',
        id,
        user: { ...editor, collection: 'editors' },
        overrideAccess: false,
        depth: 0,
      })
      expect(local.workflowStatus).toBe('draft')
      expect(local._status).toBe('draft')
      expect(idOf(local.createdBy)).toBe(tokens.ids.editor)
    })
  })

  describe('finding 2: saves never take a live article offline or put unreviewed text live', () => {
    it('a plain save with a pending draft keeps the article live; the change waits as a draft', async () => {
      const id = await liveArticle('Terbit: versi pertama')
      const pending = await as('editor').patch(`/api/articles/${id}?draft=true`, {
        title: 'Terbit: draf tertunda',
      })
      expect(pending.status).toBe(200)
      const plain = await as('editor').patch<{ doc: ArticleDoc }>(`/api/articles/${id}`, {
        summary: 'Ringkasan baru',
      })
      expect(plain.status).toBe(200)
      expect(await publicTitle(id)).toBe('Terbit: versi pertama')
      const main = await payload.findByID({ collection: 'articles', id, depth: 0 })
      expect(main._status).toBe('published')
      expect(main.workflowStatus).toBe('published')
      // the edit is kept as the newest (pending) version
      const newest = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
      expect(newest.summary).toBe('Ringkasan baru')
      expect(newest.title).toBe('Terbit: draf tertunda')
    })

    it('a plain save without a pending draft does not put unreviewed text live either', async () => {
      const id = await liveArticle('Terbit: tanpa draf')
      const plain = await as('editor').patch(`/api/articles/${id}`, { title: 'Diam-diam diubah' })
      expect(plain.status).toBe(200)
      expect(await publicTitle(id)).toBe('Terbit: tanpa draf')
    })

    it('PATCH {_status: "draft"} on a live article is refused, with or without a pending draft', async () => {
      const id = await liveArticle('Terbit: jangan turunkan')
      const direct = await as('editor').patch<Errors>(`/api/articles/${id}`, { _status: 'draft' })
      expect(direct.status).toBe(403)
      expect(direct.body.errors?.[0]?.data?.rule).toBe('workflow.direct-change.unpublish')
      await as('editor').patch(`/api/articles/${id}?draft=true`, { title: 'Draf tertunda' })
      const withPending = await as('editor').patch<Errors>(`/api/articles/${id}`, {
        _status: 'draft',
      })
      expect(withPending.status).toBe(403)
      expect(withPending.body.errors?.[0]?.data?.rule).toBe('workflow.direct-change.unpublish')
      expect(await publicTitle(id)).toBe('Terbit: jangan turunkan')
      expect(await auditActions(id)).toEqual(['create', 'submit', 'publish'])
    })

    it('bulk PATCH cannot change _status or workflowStatus, and bulk edits of live articles stay pending', async () => {
      const id = await liveArticle('Terbit: massal')
      for (const data of [
        { _status: 'draft' },
        { _status: 'published' },
        { workflowStatus: 'unpublished' },
      ]) {
        const res = await as('editor').patch<Errors>(`/api/articles?where[id][equals]=${id}`, data)
        expect(res.status, JSON.stringify(data)).toBe(403)
        expect(res.body.errors?.[0]?.data?.rule).toBe('workflow.direct-change.state')
      }
      const edit = await as('editor').patch(`/api/articles?where[id][equals]=${id}`, {
        title: 'Massal diubah',
      })
      expect(edit.status).toBe(200)
      expect(await publicTitle(id)).toBe('Terbit: massal')
      const main = await payload.findByID({ collection: 'articles', id, depth: 0 })
      expect(main._status).toBe('published')
    })

    it('GraphQL and the Local API (overrideAccess: false) agree: plain saves stay pending, _status draft is refused', async () => {
      const id = await liveArticle('Terbit: GraphQL')
      const gql = await as('editor').graphql<{ updateArticle: { title: string } }>(
        `mutation { updateArticle(id: ${JSON.stringify(id)}, data: { title: "GraphQL diubah" }) { title } }`,
      )
      expect(gql.body.errors).toBeUndefined()
      expect(await publicTitle(id)).toBe('Terbit: GraphQL')
      const gqlDraft = await as('editor').graphql(
        `mutation { updateArticle(id: ${JSON.stringify(id)}, data: { _status: draft }) { title } }`,
      )
      expect(gqlDraft.body.errors?.[0]?.message).toMatch(/workflow\.direct-change\.unpublish/)

      const editor = await payload.findByID({ collection: 'editors', id: tokens.ids.editor })
      const user = { ...editor, collection: 'editors' as const }
      await payload.update({
        collection: 'articles',
        id,
        data: { title: 'Local API diubah' },
        user,
        overrideAccess: false,
      })
      expect(await publicTitle(id)).toBe('Terbit: GraphQL')
      await expect(
        payload.update({
          collection: 'articles',
          id,
          data: { _status: 'draft' },
          user,
          overrideAccess: false,
        }),
      ).rejects.toThrow(/workflow\.direct-change\.unpublish/)
      expect(await publicTitle(id)).toBe('Terbit: GraphQL')
    })

    it('"publish changes" is a workflow action: rule-checked and audited, through the admin button path and the endpoint', async () => {
      const id = await liveArticle('Terbit: koreksi')
      // the admin's "Publish changes" button: a save with _status published
      const contributor = await as('contributor').patch<Errors>(`/api/articles/${id}`, {
        title: 'Kontributor',
        _status: 'published',
      })
      expect(contributor.status).toBe(403)
      const button = await as('editor').patch(`/api/articles/${id}`, {
        title: 'Terbit: koreksi tayang',
        _status: 'published',
      })
      expect(button.status).toBe(200)
      expect(await publicTitle(id)).toBe('Terbit: koreksi tayang')

      // the workflow endpoint publishes the pending draft
      await as('editor').patch(`/api/articles/${id}?draft=true`, { title: 'Terbit: koreksi dua' })
      expect(await publicTitle(id)).toBe('Terbit: koreksi tayang')
      const denied = await as('contributor').post<Errors>(`/api/articles/${id}/workflow`, {
        action: 'publish_changes',
      })
      expect(denied.status).toBe(403)
      const endpoint = await as('editor').post<{ doc: ArticleDoc }>(
        `/api/articles/${id}/workflow`,
        { action: 'publish_changes' },
      )
      expect(endpoint.status).toBe(200)
      expect(endpoint.body.doc.workflowStatus).toBe('published')
      expect(await publicTitle(id)).toBe('Terbit: koreksi dua')
      expect(await auditActions(id)).toEqual([
        'create',
        'submit',
        'publish',
        'publish_changes',
        'publish_changes',
      ])
    })

    it('restoring an old published version never puts it live or moves the review state', async () => {
      const id = await liveArticle('Terbit: lalu ditarik')
      const unpublish = await as('editor2').post(`/api/articles/${id}/workflow`, {
        action: 'unpublish',
      })
      expect(unpublish.status).toBe(200)
      expect(await publicTitle(id)).toBe(404)
      const versions = await as('editor').get<{ docs: { id: Id }[] }>(
        `/api/articles/versions?where[parent][equals]=${id}&where[version._status][equals]=published&limit=1`,
      )
      expect(versions.body.docs).toHaveLength(1)
      const restore = await as('editor').post(`/api/articles/versions/${versions.body.docs[0].id}`)
      expect(restore.status).toBe(200)
      expect(await publicTitle(id)).toBe(404)
      const main = await payload.findByID({ collection: 'articles', id, depth: 0 })
      expect(main.workflowStatus).toBe('unpublished')
      const newest = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
      expect(newest.workflowStatus).toBe('unpublished')
      expect(newest._status).toBe('draft')
    })

    it('a live article restores an old version only as a pending draft', async () => {
      const id = await liveArticle('Terbit: versi satu')
      await as('editor').patch(`/api/articles/${id}`, {
        title: 'Terbit: versi dua',
        _status: 'published',
      })
      expect(await publicTitle(id)).toBe('Terbit: versi dua')
      const versions = await as('editor').get<{ docs: { id: Id; version: { title: string } }[] }>(
        `/api/articles/versions?where[parent][equals]=${id}&where[version.title][equals]=${encodeURIComponent('Terbit: versi satu')}&where[version._status][equals]=published&limit=1`,
      )
      const versionId = versions.body.docs[0].id
      const direct = await as('editor').post<Errors>(`/api/articles/versions/${versionId}`)
      expect(direct.status).toBe(403)
      expect(direct.body.errors?.[0]?.data?.rule).toBe('workflow.direct-change.restore')
      const asDraft = await as('editor').post(`/api/articles/versions/${versionId}?draft=true`)
      expect(asDraft.status).toBe(200)
      expect(await publicTitle(id)).toBe('Terbit: versi dua')
      const newest = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
      expect(newest.title).toBe('Terbit: versi satu')
      expect(newest.workflowStatus).toBe('published')
    })
  })

  describe('finding 9: createdBy and control characters', () => {
    it('createdBy is never writable through the API (create, update, GraphQL)', async () => {
      // an imported-style article: no creator
      const orphan = await payload.create({
        collection: 'articles',
        data: { title: 'Impor tanpa pemilik', workflowStatus: 'in_review' },
        context: { import: true },
        draft: true,
      })
      const handOver = await as('editor').patch(`/api/articles/${orphan.id}`, {
        createdBy: tokens.ids.contributor,
      })
      expect(handOver.status).toBe(200)
      const after = await payload.findByID({ collection: 'articles', id: orphan.id, depth: 0 })
      expect(idOf(after.createdBy)).toBeNull()
      const gql = await as('editor').graphql(
        `mutation { updateArticle(id: ${JSON.stringify(orphan.id)}, data: { createdBy: ${Number(tokens.ids.contributor)} }) { id } }`,
      )
      expect(gql.status).toBe(200)
      const afterGql = await payload.findByID({ collection: 'articles', id: orphan.id, depth: 0 })
      expect(idOf(afterGql.createdBy)).toBeNull()

      const created = await as('contributor').post<{ doc: ArticleDoc }>('/api/articles', {
        title: 'Milik siapa?',
        createdBy: tokens.ids.editor,
      })
      expect(created.status).toBe(201)
      expect(idOf(created.body.doc.createdBy)).toBe(tokens.ids.contributor)
    })

    it('control characters in text fields are refused with 400 naming the field; tabs and newlines are fine', async () => {
      const nul = await as('editor').post<Errors>('/api/articles', { title: 'Judul\u0000rahasia' })
      expect(nul.status).toBe(400)
      expect(JSON.stringify(nul.body)).toMatch(/title/)
      expect(JSON.stringify(nul.body)).toMatch(/control character/i)
      const bell = await as('editor').post<Errors>('/api/articles', {
        title: 'Judul',
        summary: 'Bel\u0007',
      })
      expect(bell.status).toBe(400)
      const ok = await as('editor').post<{ doc: ArticleDoc }>('/api/articles', {
        title: 'Judul biasa',
        summary: 'Baris satu\nBaris\tdua',
      })
      expect(ok.status).toBe(201)
      const patch = await as('editor').patch<Errors>(`/api/articles/${ok.body.doc.id}`, {
        title: 'a\u0000b',
      })
      expect(patch.status).toBe(400)
      const tags = await as('editor').patch<Errors>(`/api/articles/${ok.body.doc.id}`, {
        tags: ['ok', 'bad\u001b'],
      })
      expect(tags.status).toBe(400)
      const author = await as('editor').post<Errors>('/api/authors', { name: 'Nama\u0000' })
      expect(author.status).toBe(400)
      const gql = await as('editor').graphql(
        `mutation { createArticle(data: { title: "x\\u0000y" }) { id } }`,
      )
      expect(gql.body.errors?.[0]?.message).toMatch(/control character|invalid/i)
    })
  })
})
