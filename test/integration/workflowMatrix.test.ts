import type { Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { transitionArticle } from '@/features/workflow/localApi'
import { CONTEXT } from '@/lib/requestContext'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { localPayload } from '../helpers/localPayload'

type Id = number | string
type Role = 'admin' | 'editor' | 'contributor'
type State =
  | 'draft'
  | 'in_review'
  | 'changes_requested'
  | 'approved'
  | 'scheduled'
  | 'published'
  | 'unpublished'
type Action =
  | 'submit'
  | 'request_changes'
  | 'approve'
  | 'publish'
  | 'schedule'
  | 'unpublish'
  | 'publish_changes'
/** The state the article ends in, or the refusal's HTTP status. */
type Outcome = State | 403 | 409

const ACTIONS: Action[] = [
  'submit',
  'request_changes',
  'approve',
  'publish',
  'schedule',
  'unpublish',
  'publish_changes',
]

/**
 * The role × state × action matrix, written out (not computed by the rule book): the article is
 * the contributor's own, nobody has submitted it yet, and the inputs (note, future publishAt) are
 * given. Columns follow ACTIONS.
 */
// prettier-ignore
const EXPECTED: Record<Role, Record<State, Outcome[]>> = {
  //                   submit        request_changes      approve     publish      schedule     unpublish      publish_changes
  admin: {
    draft:             ['in_review', 409,                 409,        409,         409,         409,           409],
    in_review:         [409,         'changes_requested', 'approved', 'published', 'scheduled', 409,           409],
    changes_requested: ['in_review', 409,                 409,        409,         409,         409,           409],
    approved:          [409,         'changes_requested', 409,        'published', 'scheduled', 409,           409],
    scheduled:         [409,         'changes_requested', 409,        'published', 409,         'unpublished', 409],
    published:         [409,         409,                 409,        409,         409,         'unpublished', 'published'],
    unpublished:       ['in_review', 409,                 409,        'published', 409,         409,           409],
  },
  editor: {
    draft:             ['in_review', 409,                 409,        409,         409,         409,           409],
    in_review:         [409,         'changes_requested', 'approved', 'published', 'scheduled', 409,           409],
    changes_requested: ['in_review', 409,                 409,        409,         409,         409,           409],
    approved:          [409,         'changes_requested', 409,        'published', 'scheduled', 409,           409],
    scheduled:         [409,         'changes_requested', 409,        'published', 409,         'unpublished', 409],
    published:         [409,         409,                 409,        409,         409,         'unpublished', 'published'],
    unpublished:       ['in_review', 409,                 409,        'published', 409,         409,           409],
  },
  contributor: {
    draft:             ['in_review', 403,                 403,        403,         403,         403,           403],
    in_review:         [409,         403,                 403,        403,         403,         403,           403],
    changes_requested: ['in_review', 403,                 403,        403,         403,         403,           403],
    approved:          [409,         403,                 403,        403,         403,         403,           403],
    scheduled:         [409,         403,                 403,        403,         403,         403,           403],
    published:         [409,         403,                 403,        403,         403,         403,           403],
    unpublished:       ['in_review', 403,                 403,        403,         403,         403,           403],
  },
}

const inputsFor = (action: Action) => ({
  note: action === 'request_changes' ? 'Periksa lagi kutipan di paragraf dua.' : undefined,
  publishAt: action === 'schedule' ? new Date(Date.now() + 3_600_000).toISOString() : undefined,
})

describe.each(TEST_DATABASES)('workflow matrix through the Local API on %s', (kind) => {
  let db: TestDatabase
  let payload: Payload
  const users = {} as Record<Role | 'contributor2', TypedUser>

  /** An article owned by `owner` in the given state, prepared directly (fixture). */
  const articleIn = async (state: State, owner: Id): Promise<Id> => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: `Matrix ${state} ${Math.random().toString(36).slice(2, 8)}` },
      draft: true,
    })
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: {
        workflowStatus: state,
        _status: state === 'published' ? 'published' : 'draft',
        createdBy: owner as number,
        publishAt: state === 'scheduled' ? new Date(Date.now() + 3_600_000).toISOString() : null,
      },
      context: { [CONTEXT.workflowTransition]: true },
    })
    return doc.id
  }

  const attempt = (user: TypedUser, articleId: Id, action: Action): Promise<Outcome> =>
    transitionArticle(payload, { user, articleId, action, ...inputsFor(action) }).then(
      (doc) => doc.workflowStatus as State,
      (err: { status?: number }) => (err.status ?? 500) as Outcome,
    )

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    payload = await localPayload(db.uri)
    for (const role of ['admin', 'editor', 'contributor', 'contributor2'] as const) {
      const doc = await payload.create({
        collection: 'editors',
        data: {
          email: `${role}@matrix.test`,
          password: 'a long matrix passphrase',
          name: role,
          role: role === 'contributor2' ? 'contributor' : role,
        },
      })
      users[role] = { ...doc, collection: 'editors' } as TypedUser
    }
  })

  afterAll(async () => {
    if (payload) await closePayload(payload)
    await db?.drop()
  })

  describe.each(['admin', 'editor', 'contributor'] as const)('as %s', (role) => {
    it.each(Object.keys(EXPECTED[role]) as State[])(
      'every action from %s ends as the table says',
      async (state) => {
        const got: Outcome[] = []
        for (const action of ACTIONS) {
          got.push(await attempt(users[role], await articleIn(state, users.contributor.id), action))
        }
        expect(got).toEqual(EXPECTED[role][state])
      },
    )
  })

  it("a contributor cannot submit someone else's draft (403), nor edit it (Local API, overrideAccess: false)", async () => {
    const id = await articleIn('draft', users.contributor.id)
    expect(await attempt(users.contributor2, id, 'submit')).toBe(403)
    await expect(
      payload.update({
        collection: 'articles',
        id,
        data: { title: 'Not mine' },
        user: users.contributor2,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const own = await payload.update({
      collection: 'articles',
      id,
      data: { title: 'Mine' },
      user: users.contributor,
      overrideAccess: false,
    })
    expect(own.title).toBe('Mine')
  })
})
