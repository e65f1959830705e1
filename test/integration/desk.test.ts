import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import type { WorkflowState } from '@/features/workflow/rules/transitions'
import { CONTEXT } from '@/lib/requestContext'
import { Api, bootstrapAccounts } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { localPayload } from '../helpers/localPayload'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'
import { startSmtpServer } from '../helpers/smtp'

type Id = string | number
type Tokens = Awaited<ReturnType<typeof bootstrapAccounts>>
type Errors = { errors?: { message: string; data?: { rule?: string } }[] }
type ArticleDoc = {
  id: Id
  title: string
  workflowStatus: string
  assignee?: Id | { id: Id } | null
  embargoUntil?: string | null
  unpublishAt?: string | null
  corrections?: { docs: { kind: string; text: string; date: string }[] }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString()
const ruleOf = (body: unknown) => (body as Errors).errors?.[0]?.data?.rule

describe.each(TEST_DATABASES)('newsroom desk on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let payload: Payload
  let api: Api
  let tokens: Tokens
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>

  /** An article written by the contributor, put into `state` directly (fixture). */
  const articleIn = async (state: WorkflowState, title?: string): Promise<Id> => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: title ?? `Desk ${state} ${Math.random().toString(36).slice(2, 8)}` },
      draft: true,
    })
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: {
        workflowStatus: state,
        _status: state === 'published' ? 'published' : 'draft',
        createdBy: tokens.ids.contributor as number,
        submittedBy: state === 'draft' ? null : (tokens.ids.contributor as number),
        publishAt: state === 'scheduled' ? inSeconds(3600) : null,
        publishedAt: state === 'published' ? new Date().toISOString() : null,
      },
      context: { [CONTEXT.workflowTransition]: true },
    })
    return doc.id
  }

  const audit = async (id: Id) =>
    (
      await payload.find({
        collection: 'audit-events',
        where: { article: { equals: id } },
        sort: 'at',
        limit: 100,
      })
    ).docs

  const waitUntil = async (check: () => Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (await check()) return true
      await sleep(500)
    }
    return false
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    db = await createTestDatabase(kind)
    server = await startTestServer({
      databaseUri: db.uri,
      env: { JOBS_AUTORUN_CRON: '* * * * * *', SMTP_URL: smtp.url },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    payload = await localPayload(db.uri)
  })

  afterAll(async () => {
    if (payload) await closePayload(payload)
    await server?.stop()
    await db?.drop()
    await smtp?.close()
  })

  describe('assignments', () => {
    it('an editor assigns an article to a reviewer: stored, audited, mailed over SMTP; the queue filters find it', async () => {
      const id = await articleIn('in_review')
      const res = await api
        .as(tokens.editor)
        .post<{ doc: ArticleDoc }>(`/api/articles/${id}/assign`, { assignee: tokens.ids.editor2 })
      expect(res.status).toBe(200)
      expect(String(res.body.doc.assignee)).toBe(String(tokens.ids.editor2))
      const rows = await audit(id)
      expect(rows.map((r) => [r.action, r.actorLabel])).toEqual([['assign', 'Eko Editor']])
      expect(rows[0].note).toBe('Assigned to Endah Editor')

      const mail = await smtp.waitFor(
        (m) => m.to.includes('editor2@redaksi.test') && m.subject.includes('Assigned to you'),
      )
      expect(mail.text).toContain(`/admin/collections/articles/${id}`)

      const mine = await api
        .as(tokens.editor2)
        .get<{ docs: { id: Id }[] }>(
          `/api/articles?where[assignee][equals]=${tokens.ids.editor2}&limit=100`,
        )
      expect(mine.body.docs.map((d) => String(d.id))).toContain(String(id))
      const unassigned = await api
        .as(tokens.editor2)
        .get<{ docs: { id: Id }[] }>(`/api/articles?where[assignee][exists]=false&limit=100`)
      expect(unassigned.body.docs.map((d) => String(d.id))).not.toContain(String(id))

      const cleared = await api
        .as(tokens.admin)
        .post<{ doc: ArticleDoc }>(`/api/articles/${id}/assign`, { assignee: null })
      expect(cleared.status).toBe(200)
      expect(cleared.body.doc.assignee ?? null).toBe(null)
      expect((await audit(id)).map((r) => r.action)).toEqual(['assign', 'assign'])
    })

    it('refuses contributors, anonymous callers, contributor assignees, unknown ids and bad bodies', async () => {
      const id = await articleIn('in_review')
      const cases: [string | null, unknown, number, string | undefined][] = [
        [tokens.contributor, { assignee: tokens.ids.editor }, 403, 'desk.assign.role'],
        [null, { assignee: tokens.ids.editor }, 403, 'workflow.actor.invalid'],
        [tokens.editor, { assignee: tokens.ids.contributor }, 400, 'desk.assign.assignee-role'],
        [tokens.editor, { assignee: 999999 }, 400, 'desk.assign.assignee-unknown'],
        [tokens.editor, { assignee: { id: 1 } }, 400, 'desk.assign.invalid'],
        [tokens.editor, { assignee: '1 OR 1=1' }, 400, 'desk.assign.invalid'],
        [tokens.editor, {}, 400, 'desk.assign.invalid'],
        [tokens.editor, [1, 2], 400, undefined],
      ]
      for (const [token, body, status, rule] of cases) {
        const res = await api.as(token).post(`/api/articles/${id}/assign`, body)
        expect(res.status, JSON.stringify(body)).toBe(status)
        if (rule) expect(ruleOf(res.body)).toBe(rule)
      }
      const missing = await api
        .as(tokens.editor)
        .post(`/api/articles/999999/assign`, { assignee: tokens.ids.editor })
      expect(missing.status).toBe(404)
      expect(await audit(id)).toEqual([])
      const plainSave = await api
        .as(tokens.editor)
        .patch<{ doc: ArticleDoc }>(`/api/articles/${id}`, { assignee: tokens.ids.editor })
      expect(plainSave.status).toBe(200)
      expect(plainSave.body.doc.assignee ?? null).toBe(null)
    })

    it('assigning a live article with a pending draft keeps the draft pending', async () => {
      const id = await articleIn('published', 'Live title')
      const draft = await api
        .as(tokens.editor)
        .patch(`/api/articles/${id}?draft=true`, { title: 'Pending title' })
      expect(draft.status).toBe(200)
      const res = await api
        .as(tokens.editor)
        .post(`/api/articles/${id}/assign`, { assignee: tokens.ids.editor2 })
      expect(res.status).toBe(200)
      const live = await api.get<ArticleDoc>(`/api/articles/${id}`)
      expect(live.body.title).toBe('Live title')
      const newest = await api.as(tokens.editor).get<ArticleDoc>(`/api/articles/${id}?draft=true`)
      expect(newest.body.title).toBe('Pending title')
      expect(String((newest.body.assignee as { id: Id }).id ?? newest.body.assignee)).toBe(
        String(tokens.ids.editor2),
      )
    })
  })

  describe('notifications', () => {
    it('mails the assignee on submit and the writer on changes requested (with the note, in their language) and on publish; opt-outs are respected', async () => {
      // The contributor reads mail in Indonesian (self-service on their own account).
      const me = await api
        .as(tokens.contributor)
        .patch(`/api/editors/${tokens.ids.contributor}`, { notifications: { language: 'id' } })
      expect(me.status).toBe(200)

      const id = await articleIn('draft', 'Banjir Bekasi surut')
      await payload.update({
        collection: 'articles',
        id,
        data: { assignee: tokens.ids.editor2 as number },
        context: { [CONTEXT.workflowTransition]: true },
      })
      const submitted = await api
        .as(tokens.contributor)
        .post(`/api/articles/${id}/workflow`, { action: 'submit' })
      expect(submitted.status).toBe(200)
      await smtp.waitFor(
        (m) =>
          m.to.includes('editor2@redaksi.test') &&
          m.subject.includes('Submitted for review: Banjir Bekasi surut'),
      )

      const note = 'Please check the quote in paragraph two.'
      const changes = await api
        .as(tokens.editor)
        .post(`/api/articles/${id}/workflow`, { action: 'request_changes', note })
      expect(changes.status).toBe(200)
      const mail = await smtp.waitFor(
        (m) => m.to.includes('contributor@redaksi.test') && m.subject.includes('Perlu perbaikan'),
      )
      expect(mail.text).toContain(note)
      expect(mail.text).toContain('Editor meminta perbaikan')

      // editor2 turns submit mails off; the next submit sends none to them.
      const optOut = await api
        .as(tokens.editor2)
        .patch(`/api/editors/${tokens.ids.editor2}`, { notifications: { onSubmitted: false } })
      expect(optOut.status).toBe(200)
      const others = await api
        .as(tokens.editor2)
        .patch(`/api/editors/${tokens.ids.editor}`, { notifications: { onSubmitted: false } })
      expect(others.status).toBe(403)
      const before = smtp.mails.length
      expect(
        (
          await api
            .as(tokens.contributor)
            .post(`/api/articles/${id}/workflow`, { action: 'submit' })
        ).status,
      ).toBe(200)
      expect(
        (await api.as(tokens.editor).post(`/api/articles/${id}/workflow`, { action: 'publish' }))
          .status,
      ).toBe(200)
      await smtp.waitFor(
        (m) => m.to.includes('contributor@redaksi.test') && m.subject.includes('Terbit: Banjir'),
      )
      const since = smtp.mails.slice(before)
      expect(since.filter((m) => m.to.includes('editor2@redaksi.test'))).toEqual([])
    })

    it('a failing mail server never blocks the transition; the job retries until the mail goes out', async () => {
      const id = await articleIn('in_review', 'Retry mail')
      smtp.failNext(1)
      const started = Date.now()
      const res = await api
        .as(tokens.editor)
        .post(`/api/articles/${id}/workflow`, { action: 'request_changes', note: 'Retry note' })
      expect(res.status).toBe(200)
      expect(Date.now() - started).toBeLessThan(5_000)
      const mail = await smtp.waitFor(
        (m) => m.to.includes('contributor@redaksi.test') && m.text.includes('Retry note'),
        60_000,
      )
      expect(mail.subject).toContain('Retry mail')
    }, 90_000)

    it('password-reset mail goes out over SMTP too', async () => {
      const res = await api.post('/api/editors/forgot-password', { email: 'editor@redaksi.test' })
      expect(res.status).toBe(200)
      const mail = await smtp.waitFor(
        (m) => m.to.includes('editor@redaksi.test') && /reset-password|reset/i.test(m.text),
      )
      expect(mail.text).toMatch(/token|reset/i)
    })
  })

  describe('embargo', () => {
    it('an embargoed article is approvable and schedulable, publish-now is refused, and the scheduler waits for the embargo', async () => {
      const id = await articleIn('in_review')
      const set = await api
        .as(tokens.editor)
        .post<{ doc: ArticleDoc }>(`/api/articles/${id}/timing`, { embargoUntil: inSeconds(9) })
      expect(set.status).toBe(200)
      expect(set.body.doc.embargoUntil).toBeTruthy()
      expect(
        (await api.as(tokens.editor).post(`/api/articles/${id}/workflow`, { action: 'approve' }))
          .status,
      ).toBe(200)
      const now = await api
        .as(tokens.editor)
        .post(`/api/articles/${id}/workflow`, { action: 'publish' })
      expect(now.status).toBe(409)
      expect(ruleOf(now.body)).toBe('workflow.embargo.active')
      const scheduled = await api
        .as(tokens.editor)
        .post(`/api/articles/${id}/workflow`, { action: 'schedule', publishAt: inSeconds(2) })
      expect(scheduled.status).toBe(200)
      await sleep(5_000)
      expect((await api.get(`/api/articles/${id}`)).status).toBe(404)
      const stillScheduled = await api.as(tokens.editor).get<ArticleDoc>(`/api/articles/${id}`)
      expect(stillScheduled.body.workflowStatus).toBe('scheduled')
      expect(
        await waitUntil(async () => (await api.get(`/api/articles/${id}`)).status === 200),
      ).toBe(true)
      expect((await audit(id)).map((r) => [r.action, r.actorLabel])).toEqual([
        ['timing', 'Eko Editor'],
        ['approve', 'Eko Editor'],
        ['schedule', 'Eko Editor'],
        ['publish', 'scheduler'],
      ])
    }, 60_000)

    it('nothing of an embargoed article is public: REST find, find-by-id, ?draft=true, GraphQL', async () => {
      const id = await articleIn('published', 'Embargoed live fixture')
      await payload.update({
        collection: 'articles',
        id,
        data: { embargoUntil: inSeconds(3600) },
        context: { [CONTEXT.workflowTransition]: true },
      })
      expect((await api.get(`/api/articles/${id}`)).status).toBe(404)
      expect((await api.get(`/api/articles/${id}?draft=true`)).status).toBe(404)
      const list = await api.get<{ docs: { id: Id }[] }>('/api/articles?limit=100')
      expect(list.body.docs.map((d) => String(d.id))).not.toContain(String(id))
      const gql = await api.graphql<{ Articles: { docs: { title: string }[] } }>(
        '{ Articles(limit: 100) { docs { title } } }',
      )
      expect(gql.body.data?.Articles.docs.map((d) => d.title)).not.toContain(
        'Embargoed live fixture',
      )
      expect((await api.as(tokens.editor).get(`/api/articles/${id}`)).status).toBe(200)
    })

    it('refuses bad embargo and take-down inputs with 4xx and changes nothing', async () => {
      const draft = await articleIn('approved')
      const live = await articleIn('published')
      const scheduled = await articleIn('scheduled')
      const cases: [string | null, Id, unknown, number, string | undefined][] = [
        [tokens.editor, draft, { embargoUntil: inSeconds(-60) }, 400, 'desk.timing.past'],
        [tokens.editor, draft, { unpublishAt: inSeconds(-60) }, 400, 'desk.timing.past'],
        [tokens.editor, draft, { embargoUntil: 'tomorrow' }, 400, 'desk.timing.invalid'],
        [
          tokens.editor,
          draft,
          { embargoUntil: '2026-13-45T00:00:00Z' },
          400,
          'desk.timing.invalid',
        ],
        [
          tokens.editor,
          draft,
          { embargoUntil: '99999-01-01T00:00:00Z' },
          400,
          'desk.timing.invalid',
        ],
        [tokens.editor, draft, { embargoUntil: 12 }, 400, 'desk.timing.invalid'],
        [tokens.editor, draft, { embargoUntil: 'x'.repeat(100_000) }, 400, 'desk.timing.invalid'],
        [tokens.editor, draft, { embargoUntil: '2030-01-01T00:00:00Z\u0000' }, 400, undefined],
        [tokens.editor, draft, { publishAt: inSeconds(60) }, 400, 'desk.timing.invalid'],
        [tokens.editor, draft, {}, 400, 'desk.timing.invalid'],
        [tokens.editor, live, { embargoUntil: inSeconds(3600) }, 409, 'desk.embargo.live'],
        [
          tokens.editor,
          scheduled,
          { unpublishAt: inSeconds(1800) },
          400,
          'desk.unpublish-at.before-publish',
        ],
        [
          tokens.editor,
          draft,
          { embargoUntil: inSeconds(7200), unpublishAt: inSeconds(3600) },
          400,
          'desk.unpublish-at.before-publish',
        ],
        [tokens.contributor, draft, { embargoUntil: inSeconds(3600) }, 403, 'desk.timing.role'],
        [null, draft, { embargoUntil: inSeconds(3600) }, 403, 'workflow.actor.invalid'],
      ]
      for (const [token, id, body, status, rule] of cases) {
        const res = await api.as(token).post(`/api/articles/${id}/timing`, body)
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status)
        if (rule) expect(ruleOf(res.body)).toBe(rule)
      }
      for (const id of [draft, live, scheduled]) {
        const doc = await payload.findByID({ collection: 'articles', id })
        expect([doc.embargoUntil ?? null, doc.unpublishAt ?? null]).toEqual([null, null])
        expect(await audit(id)).toEqual([])
      }
    })
  })

  describe('scheduled unpublish', () => {
    it('takes a live article down at unpublishAt through the jobs queue, audited as unpublish by the scheduler', async () => {
      const id = await articleIn('published')
      const res = await api
        .as(tokens.editor)
        .post(`/api/articles/${id}/timing`, { unpublishAt: inSeconds(3) })
      expect(res.status).toBe(200)
      expect((await api.get(`/api/articles/${id}`)).status).toBe(200)
      expect(
        await waitUntil(async () => (await api.get(`/api/articles/${id}`)).status === 404),
      ).toBe(true)
      const doc = await payload.findByID({ collection: 'articles', id })
      expect(doc.workflowStatus).toBe('unpublished')
      expect(doc.unpublishAt ?? null).toBe(null)
      expect((await audit(id)).map((r) => [r.action, r.actorLabel])).toEqual([
        ['timing', 'Eko Editor'],
        ['unpublish', 'scheduler'],
      ])
    }, 60_000)

    it('moving or clearing unpublishAt reschedules: the old job finds nothing due', async () => {
      const moved = await articleIn('published')
      const cleared = await articleIn('published')
      // The first take-down time leaves room for the changes even on a loaded machine.
      const first = Date.now() + 12_000
      for (const id of [moved, cleared]) {
        expect(
          (
            await api
              .as(tokens.editor)
              .post(`/api/articles/${id}/timing`, { unpublishAt: new Date(first).toISOString() })
          ).status,
        ).toBe(200)
      }
      expect(
        (
          await api
            .as(tokens.editor)
            .post(`/api/articles/${moved}/timing`, { unpublishAt: inSeconds(3600) })
        ).status,
      ).toBe(200)
      expect(
        (await api.as(tokens.editor).post(`/api/articles/${cleared}/timing`, { unpublishAt: null }))
          .status,
      ).toBe(200)
      // The changes were made before the first time came (else this test proves nothing).
      expect(Date.now()).toBeLessThan(first)
      await sleep(first - Date.now() + 5_000)
      for (const id of [moved, cleared]) {
        expect((await api.get(`/api/articles/${id}`)).status).toBe(200)
        expect((await audit(id)).map((r) => r.action)).toEqual(['timing', 'timing'])
      }
    }, 60_000)

    it('an article scheduled with an unpublishAt goes live and comes down on time', async () => {
      const id = await articleIn('approved')
      expect(
        (
          await api
            .as(tokens.editor)
            .post(`/api/articles/${id}/workflow`, { action: 'schedule', publishAt: inSeconds(2) })
        ).status,
      ).toBe(200)
      expect(
        (
          await api
            .as(tokens.editor)
            .post(`/api/articles/${id}/timing`, { unpublishAt: inSeconds(6) })
        ).status,
      ).toBe(200)
      expect(
        await waitUntil(async () => (await api.get(`/api/articles/${id}`)).status === 200),
      ).toBe(true)
      expect(
        await waitUntil(async () => (await api.get(`/api/articles/${id}`)).status === 404),
      ).toBe(true)
      expect((await audit(id)).map((r) => [r.action, r.actorLabel])).toEqual([
        ['schedule', 'Eko Editor'],
        ['timing', 'Eko Editor'],
        ['publish', 'scheduler'],
        ['unpublish', 'scheduler'],
      ])
    }, 60_000)
  })

  describe('corrections', () => {
    it('an editor adds corrections to a live article: public in order on REST and GraphQL, audited, no re-review, the pending draft stays pending', async () => {
      const id = await articleIn('published', 'Corrected live title')
      expect(
        (
          await api
            .as(tokens.editor)
            .patch(`/api/articles/${id}?draft=true`, { title: 'Unreviewed pending title' })
        ).status,
      ).toBe(200)
      const later = await api.as(tokens.editor).post('/api/corrections', {
        article: id,
        kind: 'update',
        text: 'Updated with the police statement.',
      })
      expect(later.status).toBe(201)
      const earlier = await api.as(tokens.admin).post('/api/corrections', {
        article: id,
        kind: 'correction',
        text: 'An earlier version misspelled the mayor’s name.',
        date: new Date(Date.now() - 3_600_000).toISOString(),
      })
      expect(earlier.status).toBe(201)

      const pub = await api.get<ArticleDoc>(`/api/articles/${id}`)
      expect(pub.status).toBe(200)
      expect(pub.body.title).toBe('Corrected live title')
      expect(pub.body.workflowStatus).toBe('published')
      expect(pub.body.corrections?.docs.map((c) => c.kind)).toEqual(['correction', 'update'])
      const gql = await api.graphql<{
        Article: { corrections: { docs: { kind: string; text: string }[] } }
      }>(
        `{ Article(id: ${typeof id === 'number' ? id : `"${id}"`}) { corrections { docs { kind text } } } }`,
      )
      expect(gql.body.data?.Article.corrections.docs.map((c) => c.kind)).toEqual([
        'correction',
        'update',
      ])
      const rows = await audit(id)
      expect(rows.map((r) => r.action)).toEqual(['correct', 'correct'])
      expect(rows[0].note).toContain('police statement')
      const newest = await api.as(tokens.editor).get<ArticleDoc>(`/api/articles/${id}?draft=true`)
      expect(newest.body.title).toBe('Unreviewed pending title')
    })

    it('refuses corrections by contributors and anonymous callers, on unpublished articles, and bad inputs', async () => {
      const live = await articleIn('published')
      const draft = await articleIn('approved')
      const good = { article: live, kind: 'correction', text: 'Fixed a date.' }
      const cases: [string | null, unknown, number, string | undefined][] = [
        [tokens.contributor, good, 403, undefined],
        [null, good, 403, undefined],
        [tokens.editor, { ...good, article: draft }, 409, 'desk.correction.not-live'],
        [tokens.editor, { ...good, kind: 'retraction' }, 400, undefined],
        [tokens.editor, { ...good, text: '' }, 400, undefined],
        [tokens.editor, { ...good, text: 'x'.repeat(2001) }, 400, undefined],
        [tokens.editor, { ...good, text: 'x'.repeat(500_000) }, 413, undefined],
        [tokens.editor, { ...good, text: 'bad \u0007 bell' }, 400, undefined],
        [tokens.editor, { ...good, date: inSeconds(86_400) }, 400, 'desk.correction.date'],
        [tokens.editor, { ...good, date: 'not a date' }, 400, undefined],
        [tokens.editor, { ...good, article: 999999 }, 404, undefined],
      ]
      for (const [token, body, status, rule] of cases) {
        const res = await api.as(token).post('/api/corrections', body)
        // Oversized bodies may be cut off before Payload (413); an unknown article is refused by
        // Payload's relationship validation (400) or the rule book (404).
        const expected = status === 413 ? [400, 413] : status === 404 ? [400, 404] : [status]
        expect(expected, JSON.stringify(body).slice(0, 100)).toContain(res.status)
        if (rule) expect(ruleOf(res.body)).toBe(rule)
      }
      expect(
        (
          await payload.count({
            collection: 'corrections',
            where: { article: { in: [live, draft] } },
          })
        ).totalDocs,
      ).toBe(0)
      const created = await api
        .as(tokens.editor)
        .post<{ doc: { id: Id } }>('/api/corrections', good)
      expect(created.status).toBe(201)
      expect(
        (
          await api
            .as(tokens.editor)
            .patch(`/api/corrections/${created.body.doc.id}`, { text: 'x' })
        ).status,
      ).toBe(403)
      expect(
        (await api.as(tokens.admin).delete(`/api/corrections/${created.body.doc.id}`)).status,
      ).toBe(403)
      // Unpublished later: its corrections are no longer public either.
      expect(
        (
          await api
            .as(tokens.editor)
            .post(`/api/articles/${live}/workflow`, { action: 'unpublish' })
        ).status,
      ).toBe(200)
      const pub = await api.get<{ docs: unknown[] }>(
        `/api/corrections?where[article][equals]=${live}`,
      )
      expect(pub.body.docs).toEqual([])
      // Deleting the article deletes its corrections.
      expect((await api.as(tokens.editor).delete(`/api/articles/${live}`)).status).toBe(200)
      expect(
        (await payload.count({ collection: 'corrections', where: { article: { equals: live } } }))
          .totalDocs,
      ).toBe(0)
    })
  })

  describe('bulk review', () => {
    it('applies the rule book per article and reports what happened to each', async () => {
      const a = await articleIn('in_review')
      const b = await articleIn('draft')
      const c = await articleIn('approved')
      const res = await api.as(tokens.editor).post<{
        results: { id: Id; ok: boolean; status: number; rule?: string; workflowStatus?: string }[]
      }>('/api/articles/bulk-workflow', { action: 'approve', ids: [a, b, c, a, 999999] })
      expect(res.status).toBe(200)
      const byId = Object.fromEntries(res.body.results.map((r) => [String(r.id), r]))
      expect(res.body.results).toHaveLength(4)
      expect(byId[String(a)]).toMatchObject({ ok: true, workflowStatus: 'approved' })
      expect(byId[String(b)]).toMatchObject({
        ok: false,
        status: 409,
        rule: 'workflow.transition.invalid',
      })
      expect(byId[String(c)]).toMatchObject({ ok: false, status: 409 })
      expect(byId['999999']).toMatchObject({ ok: false, status: 404 })

      const scheduled = await api
        .as(tokens.editor)
        .post<{ results: { ok: boolean }[] }>('/api/articles/bulk-workflow', {
          action: 'schedule',
          ids: [a, c],
          publishAt: inSeconds(3600),
        })
      expect(scheduled.body.results.map((r) => r.ok)).toEqual([true, true])

      const contributor = await api.as(tokens.contributor).post<{
        results: { ok: boolean; status: number; rule: string }[]
      }>('/api/articles/bulk-workflow', { action: 'publish', ids: [b] })
      expect(contributor.status).toBe(200)
      expect(contributor.body.results[0]).toMatchObject({
        ok: false,
        status: 403,
        rule: 'workflow.role.contributor-cannot-publish',
      })
    })

    it('refuses malformed bulk requests with 400 and anonymous callers with 403', async () => {
      const a = await articleIn('in_review')
      const bad: unknown[] = [
        { action: 'delete', ids: [a] },
        { action: 'unpublish', ids: [a] },
        { action: 'approve', ids: [] },
        { action: 'approve', ids: a },
        { action: 'approve', ids: Array.from({ length: 51 }, (_, i) => i + 1) },
        { action: 'approve', ids: [{ id: a }] },
        { action: 'approve', ids: ['1; DROP TABLE articles'] },
        { action: 'approve', ids: [-1] },
        [a],
      ]
      for (const body of bad) {
        const res = await api.as(tokens.editor).post('/api/articles/bulk-workflow', body)
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      }
      expect(
        (await api.post('/api/articles/bulk-workflow', { action: 'approve', ids: [a] })).status,
      ).toBe(403)
      expect((await payload.findByID({ collection: 'articles', id: a })).workflowStatus).toBe(
        'in_review',
      )
    })

    it('two editors bulk-publishing overlapping sets at once: each article is published exactly once', async () => {
      const ids = await Promise.all(Array.from({ length: 6 }, () => articleIn('approved')))
      const first = ids.slice(0, 4)
      const second = ids.slice(2)
      type Bulk = { results: { id: Id; ok: boolean; status: number }[] }
      const [x, y] = await Promise.all([
        api
          .as(tokens.editor)
          .post<Bulk>('/api/articles/bulk-workflow', { action: 'publish', ids: first }),
        api
          .as(tokens.editor2)
          .post<Bulk>('/api/articles/bulk-workflow', { action: 'publish', ids: second }),
      ])
      expect([x.status, y.status]).toEqual([200, 200])
      const all = [...x.body.results, ...y.body.results]
      for (const r of all)
        expect(r.ok ? 200 : r.status).toSatisfy((s: number) => s === 200 || s === 409)
      for (const id of ids) {
        const okCount = all.filter((r) => String(r.id) === String(id) && r.ok).length
        expect(okCount, `article ${id}`).toBe(1)
        expect((await audit(id)).filter((e) => e.action === 'publish')).toHaveLength(1)
        expect((await api.get(`/api/articles/${id}`)).status).toBe(200)
      }
    })
  })

  describe('review queue in the admin', () => {
    const page = async (path: string, token: string) => {
      const res = await fetch(`${server.url}${path}`, {
        headers: { cookie: `payload-token=${token}`, 'sec-fetch-site': 'none' },
      })
      expect(res.status).toBe(200)
      return res.text()
    }

    it('filters "assigned to me" and "unassigned", and lists embargoed articles with a countdown', async () => {
      const mine = await articleIn('in_review', 'Queue assigned to editor2')
      const nobodys = await articleIn('in_review', 'Queue unassigned article')
      const embargoed = await articleIn('approved', 'Queue embargoed article')
      expect(
        (
          await api
            .as(tokens.editor)
            .post(`/api/articles/${mine}/assign`, { assignee: tokens.ids.editor2 })
        ).status,
      ).toBe(200)
      expect(
        (
          await api
            .as(tokens.editor)
            .post(`/api/articles/${embargoed}/timing`, { embargoUntil: inSeconds(2 * 3600 + 600) })
        ).status,
      ).toBe(200)

      const assigned = await page('/admin?queue=mine', tokens.editor2)
      expect(assigned).toContain('Queue assigned to editor2')
      expect(assigned).not.toContain('Queue unassigned article')
      const unassigned = await page('/admin?queue=unassigned', tokens.editor2)
      expect(unassigned).toContain('Queue unassigned article')
      expect(unassigned).not.toContain('Queue assigned to editor2')
      const all = await page('/admin', tokens.editor2)
      expect(all).toContain('data-testid="review-queue-embargoed"')
      expect(all.replace(/<!-- -->/g, '')).toMatch(/Embargoed, lifts in 2 h 1\d min/)
      expect(nobodys).toBeTruthy()
    })
  })

  describe('calendar', () => {
    it('lists scheduled, embargoed and published articles per day for staff; refuses anonymous callers and bad ranges', async () => {
      const scheduled = await articleIn('approved', 'Calendar scheduled')
      const publishAt = new Date(Date.now() + 2 * 86_400_000)
      expect(
        (
          await api.as(tokens.editor).post(`/api/articles/${scheduled}/workflow`, {
            action: 'schedule',
            publishAt: publishAt.toISOString(),
          })
        ).status,
      ).toBe(200)
      const today = new Date().toISOString().slice(0, 10)
      type Cal = {
        days: { date: string; items: { id: Id; kind: string; workflowStatus: string }[] }[]
      }
      const week = await api
        .as(tokens.editor)
        .get<Cal>(`/api/articles/calendar?from=${today}&span=week`)
      expect(week.status).toBe(200)
      expect(week.body.days).toHaveLength(7)
      const day = week.body.days.find((d) => d.date === publishAt.toISOString().slice(0, 10))
      expect(day?.items.find((i) => String(i.id) === String(scheduled))).toMatchObject({
        kind: 'scheduled',
        workflowStatus: 'scheduled',
      })
      const one = await api
        .as(tokens.contributor)
        .get<Cal>(`/api/articles/calendar?from=${today}&span=day`)
      expect(one.status).toBe(200)
      expect(one.body.days).toHaveLength(1)
      expect((await api.get(`/api/articles/calendar`)).status).toBe(403)
      for (const q of [
        'from=2026-02-30',
        'from=yesterday',
        'span=month',
        'from=0000-01-01',
        `from=${'9'.repeat(5000)}`,
      ]) {
        expect((await api.as(tokens.editor).get(`/api/articles/calendar?${q}`)).status, q).toBe(400)
      }
    })

    it('the admin calendar view renders for staff (en and id) and not for anonymous visitors', async () => {
      const page = await fetch(`${server.url}/admin/calendar`, {
        // A direct navigation: Payload accepts the login cookie (CSRF: Sec-Fetch-Site none).
        headers: { cookie: `payload-token=${tokens.editor}`, 'sec-fetch-site': 'none' },
      })
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toContain('Publishing calendar')
      expect(html).toContain('data-testid="calendar-day"')
      expect(html).toContain('Calendar scheduled')
      const id = await fetch(`${server.url}/admin/calendar`, {
        headers: {
          cookie: `payload-token=${tokens.editor}; payload-lng=id`,
          'sec-fetch-site': 'none',
        },
      })
      expect(await id.text()).toContain('Kalender terbit')
      const anonymous = await fetch(`${server.url}/admin/calendar`, { redirect: 'manual' })
      const anonymousHtml = await anonymous.text()
      expect(anonymousHtml).not.toContain('data-testid="calendar-day"')
      expect(anonymousHtml).not.toContain('Calendar scheduled')
    })
  })
})
