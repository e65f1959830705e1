import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { Api, bootstrapAccounts } from '../../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { localPayload } from '../../helpers/localPayload'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'
import { CONTEXT } from '@/lib/requestContext'

type Id = number | string
type List = { totalDocs: number; docs: { id: Id; caption?: string; name?: string }[] }

describe.each(TEST_DATABASES)('media and authors follow their articles on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let anon: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let mediaId: Id
  let featuredId: Id
  let authorId: Id
  let articleId: Id

  const anonymousMedia = async () => (await anon.get<List>('/api/media')).body
  const anonymousAuthors = async () => (await anon.get<List>('/api/authors')).body
  const transition = async (token: string, action: string) => {
    const res = await api.as(token).post(`/api/articles/${articleId}/workflow`, { action })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri })
    api = new Api(server.url)
    anon = api.as(null)
    tokens = await bootstrapAccounts(api)
    const c = api.as(tokens.contributor)
    mediaId = (
      await c.post<{ doc: { id: Id } }>('/api/media', {
        caption: 'Embargoed caption',
        credit: 'Secret Photographer',
      })
    ).body.doc.id
    // a featured photo needs alt text and a credit before the article can be published
    featuredId = (
      await c.post<{ doc: { id: Id } }>('/api/media', {
        caption: 'Featured draft',
        alt: 'Featured draft photo',
        credit: 'Tes',
      })
    ).body.doc.id
    authorId = (await c.post<{ doc: { id: Id } }>('/api/authors', { name: 'Rahasia Reporter' }))
      .body.doc.id
    articleId = (
      await c.post<{ doc: { id: Id } }>('/api/articles?draft=true', {
        title: 'Still in review',
        authors: [authorId],
        media: [mediaId],
        featuredMedia: featuredId,
      })
    ).body.doc.id
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it('media a contributor uploads and authors of an article in review are invisible to anonymous readers (REST, by id, GraphQL)', async () => {
    await transition(tokens.contributor, 'submit')
    expect(await anonymousMedia()).toMatchObject({ totalDocs: 0, docs: [] })
    expect(await anonymousAuthors()).toMatchObject({ totalDocs: 0, docs: [] })
    expect((await anon.get(`/api/media/${mediaId}`)).status).toBeGreaterThanOrEqual(403)
    expect((await anon.get(`/api/authors/${authorId}`)).status).toBeGreaterThanOrEqual(403)
    const gql = await anon.graphql<{
      allMedia: { totalDocs: number; docs: unknown[] }
      Authors: { totalDocs: number; docs: unknown[] }
    }>('{ allMedia { totalDocs docs { caption credit } } Authors { totalDocs docs { name } } }')
    expect(gql.body.data?.allMedia).toEqual({ totalDocs: 0, docs: [] })
    expect(gql.body.data?.Authors).toEqual({ totalDocs: 0, docs: [] })
    expect(JSON.stringify(gql.body)).not.toContain('Secret Photographer')
    // staff see everything
    const staff = await api.as(tokens.contributor).get<List>('/api/media')
    expect(staff.body.totalDocs).toBe(2)
  })

  it('once the article is published they are public, with correct counts and depth population', async () => {
    await transition(tokens.editor, 'approve')
    await transition(tokens.editor, 'publish')
    const media = await anonymousMedia()
    expect(media.totalDocs).toBe(2)
    expect(media.docs.map((d) => d.caption).sort()).toEqual(['Embargoed caption', 'Featured draft'])
    expect((await anonymousAuthors()).docs.map((d) => d.name)).toEqual(['Rahasia Reporter'])
    const article = await anon.get<{
      media: { caption: string }[]
      featuredMedia: { caption: string }
      authors: { name: string }[]
    }>(`/api/articles/${articleId}?depth=1`)
    expect(article.status).toBe(200)
    expect(article.body.media[0].caption).toBe('Embargoed caption')
    expect(article.body.featuredMedia.caption).toBe('Featured draft')
    expect(article.body.authors[0].name).toBe('Rahasia Reporter')
    const gql = await anon.graphql<{ allMedia: { totalDocs: number } }>(
      '{ allMedia { totalDocs } }',
    )
    expect(gql.body.data?.allMedia.totalDocs).toBe(2)
  })

  it('media added to a pending draft of a live article stay private until those changes are published', async () => {
    const extra = (
      await api.as(tokens.editor).post<{ doc: { id: Id } }>('/api/media', { caption: 'Not yet' })
    ).body.doc.id
    const res = await api
      .as(tokens.editor)
      .patch(`/api/articles/${articleId}?draft=true`, { media: [mediaId, extra] })
    expect(res.status).toBe(200)
    expect((await anonymousMedia()).totalDocs).toBe(2)
    expect((await anon.get(`/api/media/${extra}`)).status).toBeGreaterThanOrEqual(403)
  })

  it('unpublishing hides them again; an author an editor marks public stays visible', async () => {
    await transition(tokens.editor, 'unpublish')
    expect((await anonymousMedia()).totalDocs).toBe(0)
    expect((await anonymousAuthors()).totalDocs).toBe(0)

    // a contributor cannot make a profile public; an editor can
    const byContributor = await api
      .as(tokens.contributor)
      .post<{ doc: { id: Id; publicProfile?: boolean } }>('/api/authors', {
        name: 'Kontributor Publik',
        publicProfile: true,
      })
    expect(byContributor.body.doc.publicProfile).not.toBe(true)
    const edit = await api
      .as(tokens.editor)
      .patch(`/api/authors/${authorId}`, { publicProfile: true })
    expect(edit.status).toBe(200)
    const authors = await anonymousAuthors()
    expect(authors.totalDocs).toBe(1)
    expect(authors.docs[0].name).toBe('Rahasia Reporter')
    // and nobody can set the maintained flag by hand
    const forged = await api
      .as(tokens.admin)
      .patch(`/api/media/${mediaId}`, { inPublishedArticle: true })
    expect(forged.status).toBe(200)
    expect((await anonymousMedia()).totalDocs).toBe(0)
  })

  it('deleting a published article takes its media off the public list', async () => {
    const photo = (
      await api
        .as(tokens.editor)
        .post<{ doc: { id: Id } }>('/api/media', { caption: 'Short-lived' })
    ).body.doc.id
    // a live article without an audit trail (deleting audited ones is finding 8, another fix)
    const payload = await localPayload(db.uri)
    try {
      const doc = await payload.create({
        collection: 'articles',
        data: { title: 'Published then deleted', media: [photo as number] },
        draft: true,
      })
      await payload.update({
        collection: 'articles',
        id: doc.id,
        data: { workflowStatus: 'published', _status: 'published' },
        context: { [CONTEXT.workflowTransition]: true },
      })
      expect((await anonymousMedia()).docs.map((d) => d.id)).toEqual([photo])
      const del = await api.as(tokens.editor).delete(`/api/articles/${doc.id}`)
      expect(del.status).toBe(200)
      expect((await anonymousMedia()).totalDocs).toBe(0)
    } finally {
      await closePayload(payload)
    }
  })
})
