import { createLocalReq } from 'payload'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { closePayload } from '@/db/close'
import { applyTransition } from '@/features/workflow/service'
import {
  decideTransition,
  ROLES,
  TRANSITION_ERROR_HTTP_STATUS,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
} from '@/features/workflow/rules/transitions'
import type { Role, WorkflowAction, WorkflowState } from '@/features/workflow/rules/transitions'
import { Api, bootstrapAccounts } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { localPayload } from '../helpers/localPayload'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'
import { CONTEXT } from '@/lib/requestContext'

type Id = string | number
type Tokens = Awaited<ReturnType<typeof bootstrapAccounts>>

const inputsFor = (action: WorkflowAction) => ({
  note: action === 'request_changes' ? 'Periksa lagi kutipan di paragraf dua.' : undefined,
  publishAt: action === 'schedule' ? new Date(Date.now() + 3_600_000).toISOString() : undefined,
})

describe.each(TEST_DATABASES)('editorial workflow on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let payload: Payload
  let api: Api
  let tokens: Tokens

  /** An article owned by the contributor in the given state, prepared directly (fixture). */
  const articleIn = async (state: WorkflowState, submittedBy: Id | null = null): Promise<Id> => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: `Fixture ${state} ${Math.random().toString(36).slice(2, 8)}` },
      draft: true,
    })
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: {
        workflowStatus: state,
        _status: state === 'published' ? 'published' : 'draft',
        createdBy: tokens.ids.contributor as number,
        submittedBy: submittedBy as number | null,
        publishAt: state === 'scheduled' ? new Date(Date.now() + 3_600_000).toISOString() : null,
      },
      context: { [CONTEXT.workflowTransition]: true },
    })
    return doc.id
  }

  const expected = (role: Role, state: WorkflowState, action: WorkflowAction) => {
    const decision = decideTransition({
      actor: { id: tokens.ids[role === 'editor' ? 'editor' : role], role },
      state,
      action,
      isOwner: role === 'contributor',
      submittedBy: null,
      ...inputsFor(action),
    })
    return decision.ok ? 200 : TRANSITION_ERROR_HTTP_STATUS[decision.code]
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({
      databaseUri: db.uri,
      env: { JOBS_AUTORUN_CRON: '*/2 * * * * *' },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    payload = await localPayload(db.uri)
  })

  afterAll(async () => {
    if (payload) await closePayload(payload)
    await server?.stop()
    await db?.drop()
  })

  describe.each(ROLES)('as %s', (role) => {
    it.each(WORKFLOW_STATES)(
      'every action from %s answers per the rule book on REST, GraphQL and the Local API',
      async (state) => {
        const token =
          tokens[role === 'admin' ? 'admin' : role === 'editor' ? 'editor' : 'contributor']
        const user = await payload.findByID({
          collection: 'editors',
          id: tokens.ids[role === 'editor' ? 'editor' : role],
        })
        for (const action of WORKFLOW_ACTIONS) {
          const want = expected(role, state, action)
          const inputs = inputsFor(action)

          const restId = await articleIn(state)
          const rest = await api
            .as(token)
            .post<{ doc?: { workflowStatus: string }; errors?: { data?: { rule?: string } }[] }>(
              `/api/articles/${restId}/workflow`,
              { action, ...inputs },
            )
          expect(rest.status, `REST ${role} ${action} from ${state}`).toBe(want)
          if (want !== 200) expect(rest.body.errors?.[0]?.data?.rule).toMatch(/^workflow\./)

          const gqlId = await articleIn(state)
          const gql = await api
            .as(token)
            .graphql<{ articleWorkflow: { workflowStatus: string } | null }>(
              'mutation($id: String!, $action: String!, $note: String, $publishAt: String) { articleWorkflow(id: $id, action: $action, note: $note, publishAt: $publishAt) { workflowStatus } }',
              { id: String(gqlId), action, ...inputs },
            )
          const gqlStatus = gql.body.errors?.length
            ? (gql.body.errors[0] as { extensions?: { statusCode?: number } }).extensions
                ?.statusCode
            : 200
          expect(gqlStatus, `GraphQL ${role} ${action} from ${state}`).toBe(want)

          const localId = await articleIn(state)
          const req = await createLocalReq(
            { user: { ...user, collection: 'editors' } as never },
            payload,
          )
          const local = await applyTransition(req, { articleId: localId, action, ...inputs }).then(
            () => 200,
            (err: { status?: number }) => err.status ?? 500,
          )
          expect(local, `Local API ${role} ${action} from ${state}`).toBe(want)
        }
      },
    )
  })

  it('plain updates cannot move the state or publish (REST, GraphQL, Local API)', async () => {
    const id = await articleIn('in_review')
    const contributorPublish = await api
      .as(tokens.contributor)
      .patch<{ errors: { message: string }[] }>(`/api/articles/${id}`, { _status: 'published' })
    expect(contributorPublish.status).toBe(403)

    const own = await articleIn('draft')
    const sneaky = await api
      .as(tokens.contributor)
      .patch<{ errors: { message: string }[] }>(`/api/articles/${own}`, {
        _status: 'published',
      })
    expect(sneaky.status).toBe(403)
    expect(sneaky.body.errors[0].message).toMatch(/workflow\.direct-change\.publish/)

    const editorState = await api
      .as(tokens.editor)
      .patch<{ errors: { message: string }[] }>(`/api/articles/${id}`, {
        workflowStatus: 'approved',
      })
    expect(editorState.status).toBe(403)
    expect(editorState.body.errors[0].message).toMatch(/workflow\.direct-change\.state/)

    const gql = await api
      .as(tokens.editor)
      .graphql(
        `mutation { updateArticle(id: ${JSON.stringify(id)}, data: { workflowStatus: published }) { workflowStatus } }`,
      )
    expect(gql.body.errors?.[0]?.message).toMatch(/workflow\.direct-change/)

    const editor = await payload.findByID({ collection: 'editors', id: tokens.ids.editor })
    await expect(
      payload.update({
        collection: 'articles',
        id,
        data: { _status: 'published' },
        user: { ...editor, collection: 'editors' },
        overrideAccess: false,
      }),
    ).rejects.toThrow(/workflow\.direct-change\.publish/)

    const after = await payload.findByID({ collection: 'articles', id, draft: true })
    expect(after.workflowStatus).toBe('in_review')
    expect(after._status).toBe('draft')
  })

  it('four-eyes: the submitter cannot approve or publish their own version; an admin can, and it is recorded', async () => {
    const editor = api.as(tokens.editor)
    const created = await editor.post<{ doc: { id: Id } }>('/api/articles', {
      title: 'Tajuk: empat mata',
    })
    const id = created.body.doc.id
    expect((await editor.post(`/api/articles/${id}/workflow`, { action: 'submit' })).status).toBe(
      200,
    )
    const selfApprove = await editor.post<{
      errors: { message: string; data: { rule: string } }[]
    }>(`/api/articles/${id}/workflow`, { action: 'approve' })
    expect(selfApprove.status).toBe(403)
    expect(selfApprove.body.errors[0].data.rule).toBe('workflow.four-eyes.submitter')
    expect(selfApprove.body.errors[0].message).toMatch(/Four-eyes/)

    const adminSubmitted = await api
      .as(tokens.admin)
      .post<{ doc: { id: Id } }>('/api/articles', { title: 'Admin menulis' })
    const adminId = adminSubmitted.body.doc.id
    await api.as(tokens.admin).post(`/api/articles/${adminId}/workflow`, { action: 'submit' })
    const override = await api
      .as(tokens.admin)
      .post(`/api/articles/${adminId}/workflow`, { action: 'publish' })
    expect(override.status).toBe(200)
    const audit = await payload.find({
      collection: 'audit-events',
      where: { and: [{ article: { equals: adminId } }, { action: { equals: 'publish' } }] },
    })
    expect(audit.docs[0]).toMatchObject({
      override: 'four-eyes',
      fromState: 'in_review',
      toState: 'published',
    })

    // another editor may publish the first one
    const other = await api
      .as(tokens.editor2)
      .post(`/api/articles/${id}/workflow`, { action: 'publish' })
    expect(other.status).toBe(200)
  })

  it('requesting changes needs a note, which stays in the audit trail', async () => {
    const id = await articleIn('in_review')
    const noNote = await api
      .as(tokens.editor)
      .post<{ errors: { data: { rule: string } }[] }>(`/api/articles/${id}/workflow`, {
        action: 'request_changes',
      })
    expect(noNote.status).toBe(400)
    expect(noNote.body.errors[0].data.rule).toBe('workflow.request-changes.note-required')
    const ok = await api.as(tokens.editor).post(`/api/articles/${id}/workflow`, {
      action: 'request_changes',
      note: 'Sumber kutipan belum jelas.',
    })
    expect(ok.status).toBe(200)
    const events = await api
      .as(tokens.contributor)
      .get<{ docs: { note: string; action: string; actorLabel: string }[] }>(
        `/api/audit-events?where[article][equals]=${id}`,
      )
    expect(events.body.docs.map((e) => [e.action, e.note, e.actorLabel])).toEqual([
      ['request_changes', 'Sumber kutipan belum jelas.', 'Eko Editor'],
    ])
    // nobody edits or deletes the trail
    const eventId = (events.body.docs[0] as unknown as { id: Id }).id
    expect(
      (await api.as(tokens.admin).patch(`/api/audit-events/${eventId}`, { note: 'ubah' })).status,
    ).toBe(403)
    expect((await api.as(tokens.admin).delete(`/api/audit-events/${eventId}`)).status).toBe(403)
    expect(
      (await api.as(tokens.admin).post('/api/audit-events', { action: 'publish' })).status,
    ).toBe(403)
  })

  it('rolls the transition back when the audit write fails', async () => {
    const id = await articleIn('in_review')
    const editor = await payload.findByID({ collection: 'editors', id: tokens.ids.editor })
    const realCreate = payload.create.bind(payload)
    const spy = vi.spyOn(payload, 'create').mockImplementation((async (args: {
      collection: string
    }) => {
      if (args.collection === 'audit-events') throw new Error('audit store unavailable')
      return realCreate(args as never)
    }) as never)
    try {
      const req = await createLocalReq(
        { user: { ...editor, collection: 'editors' } as never },
        payload,
      )
      await expect(applyTransition(req, { articleId: id, action: 'approve' })).rejects.toThrow(
        /audit store unavailable/,
      )
    } finally {
      spy.mockRestore()
    }
    const after = await payload.findByID({ collection: 'articles', id, draft: true })
    expect(after.workflowStatus).toBe('in_review')
    const audit = await payload.count({
      collection: 'audit-events',
      where: { article: { equals: id } },
    })
    expect(audit.totalDocs).toBe(0)
  })

  it('publishes a scheduled article through the jobs queue, then anonymous readers see it', async () => {
    const id = await articleIn('approved')
    const publishAt = new Date(Date.now() + 4_000).toISOString()
    const scheduled = await api
      .as(tokens.editor)
      .post<{ doc: { workflowStatus: string } }>(`/api/articles/${id}/workflow`, {
        action: 'schedule',
        publishAt,
      })
    expect(scheduled.status).toBe(200)
    expect(scheduled.body.doc.workflowStatus).toBe('scheduled')
    expect((await api.get(`/api/articles/${id}`)).status).toBe(404)

    const deadline = Date.now() + 45_000
    let status = 404
    while (Date.now() < deadline) {
      status = (await api.get(`/api/articles/${id}`)).status
      if (status === 200) break
      await new Promise((r) => setTimeout(r, 1_000))
    }
    expect(status).toBe(200)
    const audit = await payload.find({
      collection: 'audit-events',
      where: { article: { equals: id } },
      sort: 'at',
    })
    expect(audit.docs.map((e) => [e.action, e.actorLabel])).toEqual([
      ['schedule', 'Eko Editor'],
      ['publish', 'scheduler'],
    ])
  })
})
