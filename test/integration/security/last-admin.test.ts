import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

const RULE = 'editors.role.keep-one-admin'

describe.each(TEST_DATABASES)('the last admin on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let admin2: number | string

  const admins = async () =>
    (
      await api
        .as(tokens.admin)
        .get<{ totalDocs: number }>('/api/editors?where[role][equals]=admin')
    ).body.totalDocs

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    const res = await api.as(tokens.admin).post<{ doc: { id: number | string } }>('/api/editors', {
      email: 'admin2@redaksi.test',
      password: PASSWORD,
      name: 'Adi Admin',
      role: 'admin',
    })
    admin2 = res.body.doc.id
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it('a bulk PATCH demoting every admin is refused with 409 and the rule id; nobody is demoted', async () => {
    const res = await api
      .as(tokens.admin)
      .patch('/api/editors?where[role][equals]=admin', { role: 'editor' })
    expect(res.status).toBe(409)
    expect(JSON.stringify(res.body)).toContain(RULE)
    expect(await admins()).toBe(2)
  })

  it('a bulk DELETE of every admin is refused with 409', async () => {
    const res = await api.as(tokens.admin).delete('/api/editors?where[role][equals]=admin')
    expect(res.status).toBe(409)
    expect(JSON.stringify(res.body)).toContain(RULE)
    expect(await admins()).toBe(2)
  })

  it('with two admins one may be demoted; then the last one can be neither demoted nor deleted', async () => {
    const demote = await api.as(tokens.admin).patch(`/api/editors/${admin2}`, { role: 'editor' })
    expect(demote.status).toBe(200)
    expect(await admins()).toBe(1)

    const self = tokens.ids.admin
    const single = await api.as(tokens.admin).patch(`/api/editors/${self}`, { role: 'editor' })
    expect(single.status).toBe(409)
    expect(JSON.stringify(single.body)).toContain(RULE)

    const del = await api.as(tokens.admin).delete(`/api/editors/${self}`)
    expect(del.status).toBe(409)
    expect(JSON.stringify(del.body)).toContain(RULE)

    const bulk = await api
      .as(tokens.admin)
      .patch(`/api/editors?where[id][in]=${self},${tokens.ids.editor}`, { role: 'contributor' })
    expect(bulk.status).toBe(409)
    expect(await admins()).toBe(1)
  })

  it('GraphQL role changes and deletes follow the same rule', async () => {
    const self = tokens.ids.admin
    const update = await api
      .as(tokens.admin)
      .graphql(`mutation { updateEditor(id: ${self}, data: { role: editor }) { id role } }`)
    expect(update.body.errors?.[0]?.message).toContain(RULE)
    const del = await api.as(tokens.admin).graphql(`mutation { deleteEditor(id: ${self}) { id } }`)
    expect(del.body.errors?.[0]?.message).toContain(RULE)
    expect(await admins()).toBe(1)
  })

  it('deleting an editor who is not the last admin still works', async () => {
    const res = await api.as(tokens.admin).delete(`/api/editors/${admin2}`)
    expect(res.status).toBe(200)
  })
})
