import { describe, it, expect } from 'vitest'

import {
  ROLES,
  RULES,
  TRANSITION_ERROR_HTTP_STATUS,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  availableActions,
  decideDirectWrite,
  decideTransition,
  deletableBy,
  editableBy,
  isWorkflowAction,
  isWorkflowState,
} from '@/features/workflow/rules/transitions'
import * as workflowIndex from '@/features/workflow/rules'
import type {
  Role,
  TransitionContext,
  TransitionResult,
  WorkflowAction,
  WorkflowState,
} from '@/features/workflow/rules/transitions'

// ---------------------------------------------------------------------------------------------
// Independent expectations, written by hand from the spec (NOT derived from the implementation).
// ---------------------------------------------------------------------------------------------

const STATES: WorkflowState[] = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
]
const ACTIONS: WorkflowAction[] = [
  'submit',
  'request_changes',
  'approve',
  'publish',
  'schedule',
  'unpublish',
  'publish_changes',
]
const ALL_ROLES: Role[] = ['contributor', 'editor', 'admin']

const _ = null
/**
 * Target state for each (state, action) pair, or null when the pair is not a valid transition.
 *
 *                          submit         request_changes      approve     publish      schedule     unpublish
 */
const NEXT: Record<WorkflowState, Record<WorkflowAction, WorkflowState | null>> = {
  draft: {
    submit: 'in_review',
    request_changes: _,
    approve: _,
    publish: _,
    schedule: _,
    unpublish: _,
    publish_changes: _,
  },
  in_review: {
    submit: _,
    request_changes: 'changes_requested',
    approve: 'approved',
    publish: 'published',
    schedule: 'scheduled',
    unpublish: _,
    publish_changes: _,
  },
  changes_requested: {
    submit: 'in_review',
    request_changes: _,
    approve: _,
    publish: _,
    schedule: _,
    unpublish: _,
    publish_changes: _,
  },
  approved: {
    submit: _,
    request_changes: 'changes_requested',
    approve: _,
    publish: 'published',
    schedule: 'scheduled',
    unpublish: _,
    publish_changes: _,
  },
  scheduled: {
    submit: _,
    request_changes: 'changes_requested',
    approve: _,
    publish: 'published',
    schedule: _,
    unpublish: 'unpublished',
    publish_changes: _,
  },
  published: {
    submit: _,
    request_changes: _,
    approve: _,
    publish: _,
    schedule: _,
    unpublish: 'unpublished',
    publish_changes: 'published',
  },
  unpublished: {
    submit: 'in_review',
    request_changes: _,
    approve: _,
    publish: 'published',
    schedule: _,
    unpublish: _,
    publish_changes: _,
  },
}

/** Which roles may attempt each action at all. */
const MAY: Record<WorkflowAction, Role[]> = {
  submit: ['contributor', 'editor', 'admin'],
  request_changes: ['editor', 'admin'],
  approve: ['editor', 'admin'],
  publish: ['editor', 'admin'],
  schedule: ['editor', 'admin'],
  unpublish: ['editor', 'admin'],
  publish_changes: ['editor', 'admin'],
}

const CONTRIBUTOR_DENIED_RULE: Record<WorkflowAction, string | null> = {
  submit: null,
  request_changes: 'workflow.role.contributor-cannot-request-changes',
  approve: 'workflow.role.contributor-cannot-approve',
  publish: 'workflow.role.contributor-cannot-publish',
  schedule: 'workflow.role.contributor-cannot-schedule',
  unpublish: 'workflow.role.contributor-cannot-unpublish',
  publish_changes: 'workflow.role.contributor-cannot-publish-changes',
}

const FOUR_EYES_ACTIONS: WorkflowAction[] = ['approve', 'publish', 'schedule']

const NOW = new Date('2025-06-01T10:00:00.000Z')
const FUTURE = '2025-06-02T08:30:00.000Z'
const PAST = '2025-05-31T08:30:00.000Z'

const ACTOR_ID: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 }
const SOMEONE_ELSE = 99

type Expected =
  | { ok: true; to: WorkflowState; payloadStatus: 'draft' | 'published' }
  | { ok: false; code: 'forbidden' | 'invalid_transition' | 'bad_request'; rule?: string }

/** Expected outcome with all inputs valid and the four-eyes rule not triggered. */
function expected(
  role: Role,
  state: WorkflowState,
  action: WorkflowAction,
  isOwner: boolean,
): Expected {
  if (!MAY[action].includes(role)) {
    return { ok: false, code: 'forbidden', rule: CONTRIBUTOR_DENIED_RULE[action] ?? undefined }
  }
  const to = NEXT[state][action]
  if (to === null) {
    return { ok: false, code: 'invalid_transition', rule: 'workflow.transition.invalid' }
  }
  if (role === 'contributor' && !isOwner) {
    return { ok: false, code: 'forbidden', rule: 'workflow.ownership.contributor-not-owner' }
  }
  return { ok: true, to, payloadStatus: to === 'published' ? 'published' : 'draft' }
}

function ctxFor(
  role: Role,
  state: WorkflowState,
  action: WorkflowAction,
  overrides: Partial<TransitionContext> = {},
): TransitionContext {
  return {
    actor: { id: ACTOR_ID[role], role },
    state,
    action,
    isOwner: true,
    submittedBy: SOMEONE_ELSE,
    note: 'Please tighten the lede.',
    publishAt: FUTURE,
    now: NOW,
    ...overrides,
  }
}

function expectMatches(result: TransitionResult, exp: Expected, state: WorkflowState) {
  if (exp.ok) {
    expect(result).toMatchObject({ ok: true, from: state, to: exp.to })
    if (result.ok) {
      expect(result.payloadStatus).toBe(exp.payloadStatus)
      expect(result.override).toBeUndefined()
    }
  } else {
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.code).toBe(exp.code)
      if (exp.rule) expect(result.rule).toBe(exp.rule)
      expect(RULES[result.rule]).toBeTypeOf('string')
      expect(result.message.length).toBeGreaterThan(10)
    }
  }
}

const MATRIX = ALL_ROLES.flatMap((role) =>
  STATES.flatMap((state) => ACTIONS.map((action) => [role, state, action] as const)),
)

// ---------------------------------------------------------------------------------------------

describe('constants and guards', () => {
  it('exports the states, actions and roles in the documented order', () => {
    expect([...WORKFLOW_STATES]).toEqual(STATES)
    expect([...WORKFLOW_ACTIONS]).toEqual(ACTIONS)
    expect([...ROLES]).toEqual(['admin', 'editor', 'contributor'])
  })

  it('guards recognise only known states and actions', () => {
    for (const s of STATES) expect(isWorkflowState(s)).toBe(true)
    for (const a of ACTIONS) expect(isWorkflowAction(a)).toBe(true)
    for (const v of ['', 'Draft', 'live', 'cancel_schedule', null, undefined, 1, {}]) {
      expect(isWorkflowState(v)).toBe(false)
      expect(isWorkflowAction(v)).toBe(false)
    }
    expect(isWorkflowState('submit')).toBe(false)
    expect(isWorkflowAction('draft')).toBe(false)
  })

  it('maps error codes to HTTP statuses', () => {
    expect(TRANSITION_ERROR_HTTP_STATUS).toEqual({
      bad_request: 400,
      forbidden: 403,
      invalid_transition: 409,
    })
  })

  it('has a plain-English message for every rule', () => {
    expect(RULES['workflow.role.contributor-cannot-publish']).toBe(
      'Contributors cannot publish; an editor must publish this article.',
    )
    for (const [id, msg] of Object.entries(RULES)) {
      expect(id).toMatch(/^workflow\.[a-z-]+\.[a-z-]+$/)
      expect(msg.length).toBeGreaterThan(10)
    }
  })

  it('index re-exports the module', () => {
    expect(workflowIndex.decideTransition).toBe(decideTransition)
    expect(workflowIndex.availableActions).toBe(availableActions)
    expect(workflowIndex.editableBy).toBe(editableBy)
    expect(workflowIndex.WORKFLOW_STATES).toBe(WORKFLOW_STATES)
  })
})

describe('decideTransition: every role × state × action', () => {
  it('covers 3 roles × 7 states × 7 actions', () => {
    expect(MATRIX).toHaveLength(147)
  })

  it.each(MATRIX)('%s / %s / %s (owner, valid inputs)', (role, state, action) => {
    const result = decideTransition(ctxFor(role, state, action))
    expectMatches(result, expected(role, state, action, true), state)
  })

  it.each(MATRIX)('%s / %s / %s (not owner)', (role, state, action) => {
    const result = decideTransition(ctxFor(role, state, action, { isOwner: false }))
    expectMatches(result, expected(role, state, action, false), state)
  })

  it.each(MATRIX)('%s / %s / %s (no inputs, never submitted)', (role, state, action) => {
    const result = decideTransition(
      ctxFor(role, state, action, { note: undefined, publishAt: undefined, submittedBy: null }),
    )
    const exp = expected(role, state, action, true)
    if (exp.ok && action === 'request_changes') {
      expectMatches(
        result,
        { ok: false, code: 'bad_request', rule: 'workflow.request-changes.note-required' },
        state,
      )
    } else if (exp.ok && action === 'schedule') {
      expectMatches(
        result,
        { ok: false, code: 'bad_request', rule: 'workflow.publish-at.required' },
        state,
      )
    } else {
      expectMatches(result, exp, state)
    }
  })

  it.each(MATRIX)('%s / %s / %s (actor submitted this version)', (role, state, action) => {
    const result = decideTransition(ctxFor(role, state, action, { submittedBy: ACTOR_ID[role] }))
    const exp = expected(role, state, action, true)
    const fourEyesApplies = exp.ok && FOUR_EYES_ACTIONS.includes(action)
    if (exp.ok && fourEyesApplies && role === 'editor') {
      expectMatches(
        result,
        { ok: false, code: 'forbidden', rule: 'workflow.four-eyes.submitter' },
        state,
      )
    } else if (exp.ok && fourEyesApplies && role === 'admin') {
      expect(result).toMatchObject({ ok: true, from: state, to: exp.to, override: 'four-eyes' })
    } else {
      expectMatches(result, exp, state)
    }
  })

  it.each(MATRIX)('%s / %s / %s (four-eyes off, actor submitted)', (role, state, action) => {
    const result = decideTransition(
      ctxFor(role, state, action, { submittedBy: ACTOR_ID[role], fourEyes: false }),
    )
    expectMatches(result, expected(role, state, action, true), state)
  })
})

describe('check order', () => {
  it('role permission beats transition validity (contributor publishing a draft)', () => {
    expect(decideTransition(ctxFor('contributor', 'draft', 'publish'))).toMatchObject({
      ok: false,
      code: 'forbidden',
      rule: 'workflow.role.contributor-cannot-publish',
    })
  })

  it('transition validity beats ownership (contributor submitting someone else’s published piece)', () => {
    expect(
      decideTransition(ctxFor('contributor', 'published', 'submit', { isOwner: false })),
    ).toMatchObject({ ok: false, code: 'invalid_transition' })
  })

  it('ownership beats required inputs', () => {
    expect(
      decideTransition(ctxFor('contributor', 'draft', 'submit', { isOwner: false, note: null })),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
      rule: 'workflow.ownership.contributor-not-owner',
    })
  })

  it('four-eyes beats required inputs', () => {
    expect(
      decideTransition(
        ctxFor('editor', 'in_review', 'schedule', { submittedBy: 2, publishAt: null }),
      ),
    ).toMatchObject({ ok: false, code: 'forbidden', rule: 'workflow.four-eyes.submitter' })
  })

  it('unknown action is a bad request, before anything else', () => {
    const result = decideTransition(
      ctxFor('contributor', 'draft', 'cancel_schedule' as unknown as WorkflowAction),
    )
    expect(result).toMatchObject({
      ok: false,
      code: 'bad_request',
      rule: 'workflow.action.unknown',
    })
  })

  it('unknown state is a bad request', () => {
    expect(
      decideTransition(ctxFor('editor', 'live' as unknown as WorkflowState, 'publish')),
    ).toMatchObject({ ok: false, code: 'bad_request', rule: 'workflow.state.unknown' })
  })

  it('an actor without a known role is forbidden', () => {
    const result = decideTransition({
      ...ctxFor('editor', 'in_review', 'approve'),
      actor: { id: 5, role: 'intern' as unknown as Role },
    })
    expect(result).toMatchObject({ ok: false, code: 'forbidden', rule: 'workflow.actor.invalid' })
  })

  it('invalid_transition message names the action and the state', () => {
    const result = decideTransition(ctxFor('editor', 'published', 'approve'))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.message).toContain('approve')
      expect(result.message).toContain('published')
    }
  })
})

describe('request_changes needs a note', () => {
  it.each([undefined, null, '', '   ', '\n\t'])('rejects note %j', (note) => {
    expect(decideTransition(ctxFor('editor', 'in_review', 'request_changes', { note }))).toEqual({
      ok: false,
      code: 'bad_request',
      rule: 'workflow.request-changes.note-required',
      message: RULES['workflow.request-changes.note-required'],
    })
  })

  it('accepts a non-empty note', () => {
    expect(
      decideTransition(ctxFor('editor', 'in_review', 'request_changes', { note: 'Source?' })),
    ).toEqual({ ok: true, from: 'in_review', to: 'changes_requested', payloadStatus: 'draft' })
  })
})

describe('schedule needs a valid future publishAt', () => {
  it.each([undefined, null, ''])('requires publishAt (%j)', (publishAt) => {
    expect(decideTransition(ctxFor('editor', 'approved', 'schedule', { publishAt }))).toMatchObject(
      { ok: false, code: 'bad_request', rule: 'workflow.publish-at.required' },
    )
  })

  it.each(['tomorrow-ish', 'not a date', new Date('nope')])('rejects invalid %s', (publishAt) => {
    expect(decideTransition(ctxFor('editor', 'approved', 'schedule', { publishAt }))).toMatchObject(
      { ok: false, code: 'bad_request', rule: 'workflow.publish-at.invalid' },
    )
  })

  it.each([PAST, new Date(PAST), NOW.toISOString(), new Date(NOW)])(
    'rejects past or present %s',
    (publishAt) => {
      expect(
        decideTransition(ctxFor('editor', 'approved', 'schedule', { publishAt })),
      ).toMatchObject({ ok: false, code: 'bad_request', rule: 'workflow.publish-at.past' })
    },
  )

  it('accepts a future string and returns it normalised as ISO', () => {
    expect(
      decideTransition(
        ctxFor('editor', 'in_review', 'schedule', { publishAt: '2025-06-01T14:00:00+02:00' }),
      ),
    ).toEqual({
      ok: true,
      from: 'in_review',
      to: 'scheduled',
      payloadStatus: 'draft',
      publishAt: '2025-06-01T12:00:00.000Z',
    })
  })

  it('an offset timestamp equal to now is not in the future', () => {
    expect(
      decideTransition(
        ctxFor('editor', 'in_review', 'schedule', { publishAt: '2025-06-01T12:00:00+02:00' }),
      ),
    ).toMatchObject({ ok: false, rule: 'workflow.publish-at.past' })
  })

  it('accepts a future Date one millisecond ahead', () => {
    const publishAt = new Date(NOW.getTime() + 1)
    const result = decideTransition(ctxFor('admin', 'approved', 'schedule', { publishAt }))
    expect(result).toMatchObject({ ok: true, to: 'scheduled', publishAt: publishAt.toISOString() })
  })

  it('defaults now to the current time', () => {
    const soon = new Date(Date.now() + 60_000)
    const gone = new Date(Date.now() - 60_000)
    expect(
      decideTransition(
        ctxFor('editor', 'approved', 'schedule', { now: undefined, publishAt: soon }),
      ).ok,
    ).toBe(true)
    expect(
      decideTransition(
        ctxFor('editor', 'approved', 'schedule', { now: undefined, publishAt: gone }),
      ),
    ).toMatchObject({ ok: false, rule: 'workflow.publish-at.past' })
  })
})

describe('four-eyes rule', () => {
  it.each(FOUR_EYES_ACTIONS)('editor who submitted cannot %s (on by default)', (action) => {
    const result = decideTransition(ctxFor('editor', 'in_review', action, { submittedBy: 2 }))
    expect(result).toMatchObject({
      ok: false,
      code: 'forbidden',
      rule: 'workflow.four-eyes.submitter',
    })
    if (!result.ok) {
      expect(result.message).toContain('Four-eyes rule')
      expect(result.message).toContain('WORKFLOW_FOUR_EYES')
    }
  })

  it('compares ids across string/number', () => {
    expect(
      decideTransition(ctxFor('editor', 'in_review', 'approve', { submittedBy: '2' })),
    ).toMatchObject({ ok: false, rule: 'workflow.four-eyes.submitter' })
    expect(
      decideTransition({
        ...ctxFor('editor', 'in_review', 'approve'),
        actor: { id: '64f0c0ffee', role: 'editor' },
        submittedBy: '64f0c0ffee',
      }),
    ).toMatchObject({ ok: false, rule: 'workflow.four-eyes.submitter' })
  })

  it('another editor may approve', () => {
    expect(decideTransition(ctxFor('editor', 'in_review', 'approve', { submittedBy: 1 }))).toEqual({
      ok: true,
      from: 'in_review',
      to: 'approved',
      payloadStatus: 'draft',
    })
  })

  it('does not apply when fourEyes is false', () => {
    const result = decideTransition(
      ctxFor('editor', 'in_review', 'publish', { submittedBy: 2, fourEyes: false }),
    )
    expect(result).toEqual({
      ok: true,
      from: 'in_review',
      to: 'published',
      payloadStatus: 'published',
    })
  })

  it('does not apply when nobody is recorded as submitter', () => {
    for (const submittedBy of [undefined, null]) {
      expect(decideTransition(ctxFor('editor', 'approved', 'publish', { submittedBy })).ok).toBe(
        true,
      )
    }
  })

  it('does not apply to request_changes, unpublish or submit', () => {
    expect(
      decideTransition(ctxFor('editor', 'in_review', 'request_changes', { submittedBy: 2 })).ok,
    ).toBe(true)
    expect(
      decideTransition(ctxFor('editor', 'published', 'unpublish', { submittedBy: 2 })).ok,
    ).toBe(true)
    expect(decideTransition(ctxFor('editor', 'draft', 'submit', { submittedBy: 2 })).ok).toBe(true)
  })

  it.each(FOUR_EYES_ACTIONS)('admin may override for %s and the override is recorded', (action) => {
    const result = decideTransition(ctxFor('admin', 'in_review', action, { submittedBy: 3 }))
    expect(result).toMatchObject({ ok: true, override: 'four-eyes' })
  })

  it('admin override still needs valid inputs', () => {
    expect(
      decideTransition(
        ctxFor('admin', 'in_review', 'schedule', { submittedBy: 3, publishAt: PAST }),
      ),
    ).toMatchObject({ ok: false, code: 'bad_request', rule: 'workflow.publish-at.past' })
  })

  it('no override is recorded when the admin did not submit, or the rule is off', () => {
    const a = decideTransition(ctxFor('admin', 'in_review', 'approve', { submittedBy: 1 }))
    const b = decideTransition(
      ctxFor('admin', 'in_review', 'approve', { submittedBy: 3, fourEyes: false }),
    )
    expect(a.ok && a.override).toBe(undefined)
    expect(b.ok && b.override).toBe(undefined)
    expect(a.ok && b.ok).toBe(true)
  })
})

describe('contributors and ownership', () => {
  it.each(['draft', 'changes_requested', 'unpublished'] as const)(
    'may submit their own %s article',
    (state) => {
      expect(decideTransition(ctxFor('contributor', state, 'submit'))).toEqual({
        ok: true,
        from: state,
        to: 'in_review',
        payloadStatus: 'draft',
      })
    },
  )

  it.each(['draft', 'changes_requested', 'unpublished'] as const)(
    'may not submit someone else’s %s article',
    (state) => {
      expect(decideTransition(ctxFor('contributor', state, 'submit', { isOwner: false }))).toEqual({
        ok: false,
        code: 'forbidden',
        rule: 'workflow.ownership.contributor-not-owner',
        message: RULES['workflow.ownership.contributor-not-owner'],
      })
    },
  )

  it('editors may submit articles they do not own', () => {
    expect(decideTransition(ctxFor('editor', 'draft', 'submit', { isOwner: false })).ok).toBe(true)
  })

  it.each(['request_changes', 'approve', 'publish', 'schedule', 'unpublish'] as const)(
    'may never %s, even their own article',
    (action) => {
      for (const state of STATES) {
        const result = decideTransition(ctxFor('contributor', state, action))
        expect(result).toMatchObject({ ok: false, code: 'forbidden' })
      }
    },
  )
})

describe('system actor (scheduler)', () => {
  const sys = (
    state: WorkflowState,
    action: WorkflowAction,
    publishAt: TransitionContext['publishAt'],
  ): TransitionContext => ({
    actor: { system: true },
    state,
    action,
    isOwner: false,
    publishAt,
    now: NOW,
  })

  it('publishes a scheduled article whose time has come', () => {
    expect(decideTransition(sys('scheduled', 'publish', PAST))).toEqual({
      ok: true,
      from: 'scheduled',
      to: 'published',
      payloadStatus: 'published',
      publishAt: PAST,
    })
  })

  it('publishes when publishAt is exactly now', () => {
    expect(decideTransition(sys('scheduled', 'publish', new Date(NOW))).ok).toBe(true)
  })

  it('is not subject to four-eyes', () => {
    const result = decideTransition({ ...sys('scheduled', 'publish', PAST), submittedBy: 1 })
    expect(result).toMatchObject({ ok: true })
    expect(result.ok && result.override).toBe(undefined)
  })

  it('refuses an article that is not due yet (409)', () => {
    expect(decideTransition(sys('scheduled', 'publish', FUTURE))).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      rule: 'workflow.publish-at.not-due',
    })
  })

  it('needs a valid publishAt', () => {
    expect(decideTransition(sys('scheduled', 'publish', null))).toMatchObject({
      ok: false,
      code: 'bad_request',
      rule: 'workflow.publish-at.required',
    })
    expect(decideTransition(sys('scheduled', 'publish', 'garbage'))).toMatchObject({
      ok: false,
      code: 'bad_request',
      rule: 'workflow.publish-at.invalid',
    })
  })

  it.each(STATES.filter((s) => s !== 'scheduled'))('cannot publish a %s article', (state) => {
    expect(decideTransition(sys(state, 'publish', PAST))).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    })
  })

  it('unpublishes a live article whose unpublishAt has come, and nothing else', () => {
    const base = { ...sys('published', 'unpublish', null), unpublishAt: PAST }
    expect(decideTransition(base)).toMatchObject({ ok: true, from: 'published', to: 'unpublished' })
    expect(decideTransition({ ...base, unpublishAt: FUTURE })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      rule: 'workflow.unpublish-at.not-due',
    })
    expect(decideTransition({ ...base, unpublishAt: null })).toMatchObject({
      ok: false,
      rule: 'workflow.unpublish-at.required',
    })
    for (const state of STATES.filter((s) => s !== 'published')) {
      expect(decideTransition({ ...base, state })).toMatchObject({
        ok: false,
        code: 'invalid_transition',
      })
    }
  })

  it('waits for the embargo: publishes at the later of publishAt and embargoUntil', () => {
    expect(
      decideTransition({ ...sys('scheduled', 'publish', PAST), embargoUntil: FUTURE }),
    ).toMatchObject({ ok: false, code: 'invalid_transition', rule: 'workflow.embargo.not-due' })
    expect(decideTransition({ ...sys('scheduled', 'publish', PAST), embargoUntil: PAST }).ok).toBe(
      true,
    )
  })

  it.each(ACTIONS.filter((a) => a !== 'publish' && a !== 'unpublish'))('cannot %s', (action) => {
    for (const state of STATES) {
      expect(decideTransition({ ...sys(state, action, PAST), note: 'x' })).toMatchObject({
        ok: false,
        code: 'forbidden',
        rule: 'workflow.system.publish-only',
      })
    }
  })
})

describe('availableActions', () => {
  const base = (
    role: Role,
    state: WorkflowState,
    extra: Partial<TransitionContext> = {},
  ): Omit<TransitionContext, 'action' | 'note' | 'publishAt'> => ({
    actor: { id: ACTOR_ID[role], role },
    state,
    isOwner: true,
    submittedBy: SOMEONE_ELSE,
    now: NOW,
    ...extra,
  })

  const cases: Array<[string, Omit<TransitionContext, 'action' | 'note' | 'publishAt'>, string[]]> =
    [
      ['contributor, own draft', base('contributor', 'draft'), ['submit']],
      ['contributor, own changes_requested', base('contributor', 'changes_requested'), ['submit']],
      ['contributor, someone else’s draft', base('contributor', 'draft', { isOwner: false }), []],
      ['contributor, own in_review', base('contributor', 'in_review'), []],
      ['contributor, own published', base('contributor', 'published'), []],
      ['editor, draft', base('editor', 'draft', { isOwner: false }), ['submit']],
      [
        'editor, in_review',
        base('editor', 'in_review'),
        ['request_changes', 'approve', 'publish', 'schedule'],
      ],
      [
        'editor, in_review submitted by self',
        base('editor', 'in_review', { submittedBy: 2 }),
        ['request_changes'],
      ],
      [
        'editor, in_review submitted by self, four-eyes off',
        base('editor', 'in_review', { submittedBy: 2, fourEyes: false }),
        ['request_changes', 'approve', 'publish', 'schedule'],
      ],
      ['editor, approved', base('editor', 'approved'), ['request_changes', 'publish', 'schedule']],
      [
        'editor, scheduled',
        base('editor', 'scheduled'),
        ['request_changes', 'publish', 'unpublish'],
      ],
      ['editor, published', base('editor', 'published'), ['unpublish', 'publish_changes']],
      ['editor, unpublished', base('editor', 'unpublished'), ['submit', 'publish']],
      [
        'admin, in_review submitted by self (override)',
        base('admin', 'in_review', { submittedBy: 3 }),
        ['request_changes', 'approve', 'publish', 'schedule'],
      ],
      ['admin, published', base('admin', 'published'), ['unpublish', 'publish_changes']],
      [
        'system, scheduled',
        { actor: { system: true }, state: 'scheduled', isOwner: false },
        ['publish'],
      ],
      ['system, approved', { actor: { system: true }, state: 'approved', isOwner: false }, []],
    ]

  it.each(cases)('%s', (_label, ctx, actions) => {
    expect(availableActions(ctx)).toEqual(actions)
  })

  it('agrees with decideTransition (given valid inputs) for every role × state', () => {
    for (const role of ALL_ROLES) {
      for (const state of STATES) {
        for (const isOwner of [true, false]) {
          const want = ACTIONS.filter((action) => expected(role, state, action, isOwner).ok)
          expect(availableActions(base(role, state, { isOwner }))).toEqual(want)
        }
      }
    }
  })
})

describe('editableBy', () => {
  // Hand-written matrix: [state, contributor own, contributor not own, editor, admin]
  const EDIT: Array<[WorkflowState, boolean, boolean, boolean, boolean]> = [
    ['draft', true, false, true, true],
    ['in_review', false, false, true, true],
    ['changes_requested', true, false, true, true],
    ['approved', false, false, true, true],
    ['scheduled', false, false, true, true],
    ['published', false, false, true, true],
    ['unpublished', false, false, true, true],
  ]

  it('covers every state', () => {
    expect(EDIT.map(([s]) => s)).toEqual(STATES)
  })

  it.each(EDIT)('%s', (state, contribOwn, contribOther, editor, admin) => {
    expect(editableBy('contributor', state, { isOwner: true })).toBe(contribOwn)
    expect(editableBy('contributor', state, { isOwner: false })).toBe(contribOther)
    expect(editableBy('editor', state, { isOwner: true })).toBe(editor)
    expect(editableBy('editor', state, { isOwner: false })).toBe(editor)
    expect(editableBy('admin', state, { isOwner: true })).toBe(admin)
    expect(editableBy('admin', state, { isOwner: false })).toBe(admin)
  })

  it('unknown role or state is not editable', () => {
    expect(editableBy('intern' as unknown as Role, 'draft', { isOwner: true })).toBe(false)
    expect(editableBy('editor', 'live' as unknown as WorkflowState, { isOwner: true })).toBe(false)
  })
})

describe('decideDirectWrite: saves that are not workflow actions', () => {
  type W = Parameters<typeof decideDirectWrite>[0]
  const w = (over: Partial<W>): W => ({
    kind: 'update',
    role: 'editor',
    changesState: false,
    draft: false,
    live: false,
    state: 'in_review',
    ...over,
  })
  const cases: Array<[string, W, { saveAsDraft: boolean; action?: string } | string]> = [
    ['create a draft', w({ kind: 'create' }), { saveAsDraft: false }],
    [
      'create published',
      w({ kind: 'create', status: 'published' }),
      'workflow.direct-change.publish',
    ],
    [
      'create in another state',
      w({ kind: 'create', changesState: true }),
      'workflow.direct-change.state',
    ],
    ['update a non-live article', w({}), { saveAsDraft: false }],
    ['update changing the state', w({ changesState: true }), 'workflow.direct-change.state'],
    ['publish a non-live article', w({ status: 'published' }), 'workflow.direct-change.publish'],
    ['plain save of a live article', w({ live: true, state: 'published' }), { saveAsDraft: true }],
    [
      'draft save of a live article',
      w({ live: true, state: 'published', draft: true, status: 'draft' }),
      { saveAsDraft: true },
    ],
    [
      '_status draft on a live article (not a draft save)',
      w({ live: true, state: 'published', status: 'draft' }),
      'workflow.direct-change.unpublish',
    ],
    [
      'editor publishes changes to a live article',
      w({ live: true, state: 'published', status: 'published' }),
      { saveAsDraft: false, action: 'publish_changes' },
    ],
    [
      'contributor publishes changes to a live article',
      w({ role: 'contributor', live: true, state: 'published', status: 'published' }),
      'workflow.role.contributor-cannot-publish-changes',
    ],
    ['bulk edit', w({ kind: 'bulk-update' }), { saveAsDraft: true }],
    [
      'bulk _status draft',
      w({ kind: 'bulk-update', status: 'draft' }),
      'workflow.direct-change.state',
    ],
    [
      'bulk state change',
      w({ kind: 'bulk-update', changesState: true }),
      'workflow.direct-change.state',
    ],
    ['restore on a non-live article', w({ kind: 'restore' }), { saveAsDraft: false }],
    [
      'restore as draft on a live article',
      w({ kind: 'restore', live: true, draft: true }),
      { saveAsDraft: false },
    ],
    [
      'restore on a live article',
      w({ kind: 'restore', live: true }),
      'workflow.direct-change.restore',
    ],
  ]
  it.each(cases)('%s', (_name, write, want) => {
    const result = decideDirectWrite(write)
    if (typeof want === 'string') {
      expect(result).toMatchObject({ ok: false, rule: want })
      if (!result.ok) expect(RULES[result.rule]).toBeTypeOf('string')
    } else {
      expect(result).toEqual({ ok: true, ...want })
    }
  })
})

describe('deletableBy', () => {
  it('editors and admins delete any article; contributors only their own never-submitted drafts', () => {
    for (const state of STATES) {
      for (const role of ['editor', 'admin'] as const) {
        expect(deletableBy(role, state, { isOwner: false, submitted: true })).toBe(true)
      }
      expect(deletableBy('contributor', state, { isOwner: true, submitted: false })).toBe(
        state === 'draft',
      )
      expect(deletableBy('contributor', state, { isOwner: false, submitted: false })).toBe(false)
    }
    expect(deletableBy('contributor', 'draft', { isOwner: true, submitted: true })).toBe(false)
  })
})
