import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { Api, bootstrapAccounts } from '../../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { localPayload } from '../../helpers/localPayload'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

type Id = number | string
const LOCKS = '/api/payload-locked-documents'

describe.each(TEST_DATABASES)('document locks on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let payload: Payload
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>

  const newArticle = async (title: string): Promise<Id> => {
    const res = await api
      .as(tokens.contributor)
      .post<{ doc: { id: Id } }>('/api/articles?draft=true', { title })
    return res.body.doc.id
  }

  /** What the admin's form-state handler does when someone opens a document: a lock for that user. */
  const lockAs = async (user: Id, articleId: Id): Promise<Id> => {
    const lock = (await payload.db.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'articles', value: articleId },
        user: { relationTo: 'editors', value: user },
      },
    })) as { id: Id }
    return lock.id
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

  it('a contributor cannot create a lock naming another user (REST or GraphQL); the editor can still save', async () => {
    const id = await newArticle('Forged lock target')
    const forged = await api.as(tokens.contributor).post(LOCKS, {
      document: { relationTo: 'articles', value: id },
      user: { relationTo: 'editors', value: tokens.ids.editor2 },
    })
    expect(forged.status).toBe(403)
    const own = await api.as(tokens.contributor).post(LOCKS, {
      document: { relationTo: 'articles', value: id },
      user: { relationTo: 'editors', value: tokens.ids.contributor },
    })
    expect(own.status).toBe(403)
    const gql = await api
      .as(tokens.contributor)
      .graphql(
        `mutation { createPayloadLockedDocument(data: { document: { relationTo: articles, value: ${id} }, user: { relationTo: editors, value: ${tokens.ids.editor2} } }) { id } }`,
      )
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    const locks = await api.as(tokens.admin).get<{ totalDocs: number }>(LOCKS)
    expect(locks.body.totalDocs).toBe(0)
    const save = await api
      .as(tokens.editor)
      .patch(`/api/articles/${id}?draft=true`, { summary: 'edited' })
    expect(save.status).toBe(200)
  })

  it('a lock cannot be re-pointed at another user, nor cleared by someone else who is not an admin', async () => {
    const id = await newArticle('Held lock')
    const lockId = await lockAs(tokens.ids.editor2, id)
    const repoint = await api.as(tokens.contributor).patch(`${LOCKS}/${lockId}`, {
      user: { relationTo: 'editors', value: tokens.ids.editor },
    })
    expect(repoint.status).toBe(403)
    const clear = await api.as(tokens.editor).delete(`${LOCKS}/${lockId}`)
    expect([403, 404]).toContain(clear.status)
    const still = await api.as(tokens.admin).get<{ totalDocs: number }>(LOCKS)
    expect(still.body.totalDocs).toBeGreaterThan(0)
  })

  it('the workflow answers 409 naming the holder while someone else edits; an admin clears the lock', async () => {
    const id = await newArticle('Locked during review')
    const lockId = await lockAs(tokens.ids.editor2, id)
    const submit = await api.as(tokens.contributor).post(`/api/articles/${id}/workflow`, {
      action: 'submit',
    })
    expect(submit.status).toBe(409)
    expect(JSON.stringify(submit.body)).toContain('workflow.locked')
    expect(JSON.stringify(submit.body)).toContain('Endah Editor')

    // the holder's own transitions go ahead; the admin's "take over" (PATCH naming oneself) works
    const takeOver = await api.as(tokens.editor2).patch(`${LOCKS}/${lockId}`, {
      user: { relationTo: 'editors', value: tokens.ids.editor2 },
    })
    expect(takeOver.status).toBe(200)

    const cleared = await api.as(tokens.admin).delete(`${LOCKS}/${lockId}`)
    expect(cleared.status).toBe(200)
    const again = await api.as(tokens.contributor).post(`/api/articles/${id}/workflow`, {
      action: 'submit',
    })
    expect(again.status).toBe(200)
  })

  it('the holder clears their own lock (the admin does this when they leave the document)', async () => {
    const id = await newArticle('Own lock')
    const lockId = await lockAs(tokens.ids.editor, id)
    const res = await api.as(tokens.editor).delete(`${LOCKS}/${lockId}`)
    expect(res.status).toBe(200)
  })
})
