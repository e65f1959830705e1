/**
 * Editorial workflow state machine for Redaksi articles.
 *
 * Pure TypeScript: no Payload import, no I/O, no dependencies. Collection hooks, REST endpoints
 * and the scheduler call `decideTransition()` and act on the result; the admin UI calls
 * `availableActions()` to decide which buttons to show and `editableBy()` to decide whether the
 * edit form is read-only.
 *
 * The rules live in the `TRANSITIONS` table below (data, not a pile of ifs). Checks run in this
 * order, and the first failing check decides the result:
 *
 *   1. request shape      unknown action / state / actor           → bad_request (400) / forbidden
 *   2. role permission    e.g. contributors cannot publish         → forbidden (403)
 *   3. transition         action not allowed from the current state → invalid_transition (409)
 *   4. ownership          contributors act on their own work only  → forbidden (403)
 *   5. four-eyes          the submitter cannot approve/publish/schedule their own version
 *                         (admins may; the result carries `override: 'four-eyes'`) → forbidden (403)
 *   6. photo rights       approve/publish/schedule/publish_changes while the featured photo lacks
 *                         alt text or credit, or its rights have expired (PHOTO_RULES; also for
 *                         the scheduler's publish at run time)                  → invalid_transition (409)
 *   7. required inputs    note for request_changes, future publishAt for schedule → bad_request (400)
 *
 * The system actor (the scheduler) may only `publish` a `scheduled` article whose time has come
 * (the later of publishAt and embargoUntil ≤ now), and `unpublish` a `published` article whose
 * `unpublishAt` has come. A person may not publish before an article's embargo lifts
 * (`workflow.embargo.active`, 409); scheduling before it is fine (the scheduler waits for both).
 */

import { isRole, ROLES } from '@/access/roles'
import type { Role } from '@/access/roles'
import { idOf, sameId as sameDocId } from '@/lib/ids'

export const WORKFLOW_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export const WORKFLOW_ACTIONS = [
  'submit',
  'request_changes',
  'approve',
  'publish',
  'schedule',
  'unpublish',
  'publish_changes',
] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

// Roles are defined once, in src/access/roles.ts (it imports only Payload types).
export { isRole, ROLES }
export type { Role }

/** State of a newly created article. */
export const INITIAL_WORKFLOW_STATE: WorkflowState = 'draft'
/** State of an article created by the importer: it goes straight to the review queue. */
export const IMPORTED_WORKFLOW_STATE: WorkflowState = 'in_review'

export type HumanActor = { id: string | number; role: Role }
export type SystemActor = { system: true }
export type WorkflowActor = HumanActor | SystemActor

export interface TransitionContext {
  actor: WorkflowActor
  /** Current `workflowStatus` of the article. */
  state: WorkflowState
  action: WorkflowAction
  /** Whether the acting editor is the article's author/owner. */
  isOwner: boolean
  /** Who submitted the current version for review (four-eyes rule). */
  submittedBy?: string | number | null
  /** Required (non-empty) for `request_changes`. */
  note?: string | null
  /** Required for `schedule` (must be in the future) and for the system `publish`. */
  publishAt?: Date | string | null
  /** Nothing of the article is public before this; publish (by a person) is refused until then. */
  embargoUntil?: Date | string | null
  /** When the scheduler takes a published article down (the system `unpublish`). */
  unpublishAt?: Date | string | null
  /** Defaults to `new Date()`. */
  now?: Date
  /** Four-eyes rule, on by default (WORKFLOW_FOUR_EYES). */
  fourEyes?: boolean
  /** The article's featured photo, when it has one (photo rights rule, PHOTO_RULES). */
  featuredPhoto?: PhotoFacts | null
}

export type TransitionErrorCode = 'forbidden' | 'invalid_transition' | 'bad_request'

export type TransitionResult =
  | {
      ok: true
      from: WorkflowState
      to: WorkflowState
      /** Payload `_status` the article should have after the transition. */
      payloadStatus: 'draft' | 'published'
      /** Present when an admin overrode the four-eyes rule; the caller must record it. */
      override?: 'four-eyes'
      /** Normalised ISO timestamp, present for `schedule` and for the system `publish`. */
      publishAt?: string
    }
  | { ok: false; code: TransitionErrorCode; rule: string; message: string }

/** HTTP status for each error code. */
export const TRANSITION_ERROR_HTTP_STATUS: Record<TransitionErrorCode, number> = {
  bad_request: 400,
  forbidden: 403,
  invalid_transition: 409,
}

const RULE_MESSAGES = {
  'workflow.action.unknown':
    'Unknown workflow action; expected one of: submit, request_changes, approve, publish, schedule, unpublish, publish_changes.',
  'workflow.state.unknown': 'The article has an unknown workflow state.',
  'workflow.actor.invalid': 'Only signed-in editors with a known role can change the workflow.',
  'workflow.role.contributor-cannot-request-changes':
    'Contributors cannot request changes; only an editor can review an article.',
  'workflow.role.contributor-cannot-approve':
    'Contributors cannot approve articles; an editor must approve this article.',
  'workflow.role.contributor-cannot-publish':
    'Contributors cannot publish; an editor must publish this article.',
  'workflow.role.contributor-cannot-schedule':
    'Contributors cannot schedule articles; an editor must schedule this article.',
  'workflow.role.contributor-cannot-unpublish':
    'Contributors cannot unpublish articles; ask an editor.',
  'workflow.role.contributor-cannot-publish-changes':
    'Contributors cannot publish changes to a live article; an editor must publish them.',
  'workflow.system.publish-only':
    'The scheduler can only publish scheduled articles; every other action needs an editor.',
  'workflow.transition.invalid':
    "This action is not allowed from the article's current workflow state.",
  'workflow.ownership.contributor-not-owner':
    'Contributors can only submit their own articles for review.',
  'workflow.four-eyes.submitter':
    'Four-eyes rule: you submitted this version, so another editor must approve it (WORKFLOW_FOUR_EYES).',
  'workflow.request-changes.note-required':
    'Requesting changes needs a note telling the reporter what to change.',
  'workflow.publish-at.required': 'Scheduling needs a publication date and time (publishAt).',
  'workflow.publish-at.invalid': 'The publication date and time (publishAt) is not a valid date.',
  'workflow.publish-at.past': 'The publication date and time (publishAt) must be in the future.',
  'workflow.direct-change.state':
    'The review state and publication status change only through the workflow; use the workflow buttons or POST /api/articles/:id/workflow.',
  'workflow.direct-change.publish':
    'Articles are published through the workflow; use the workflow buttons or POST /api/articles/:id/workflow.',
  'workflow.direct-change.restore':
    'A live article restores an old version only as a draft (restore as draft, ?draft=true); publish it with "publish changes".',
  'workflow.direct-change.unpublish':
    'Unpublishing goes through the workflow; use the workflow buttons or POST /api/articles/:id/workflow.',
  'workflow.publish-at.not-due':
    'This scheduled article is not due yet; the scheduler may only publish it once publishAt has passed.',
  'workflow.embargo.active':
    'This article is under embargo; it cannot be published before embargoUntil (schedule it instead: the scheduler publishes it when the embargo lifts).',
  'workflow.embargo.not-due':
    'This scheduled article is still under embargo; the scheduler publishes it once embargoUntil has passed.',
  'workflow.unpublish-at.not-due':
    'This article is not due to come down yet; the scheduler unpublishes it only once unpublishAt has passed.',
  'workflow.unpublish-at.required':
    'The scheduler unpublishes only articles with a scheduled take-down time (unpublishAt).',
  'workflow.photo.alt-missing':
    'The featured photo has no alt text; add a description of the image to the photo before approving or publishing.',
  'workflow.photo.credit-missing':
    'The featured photo has no credit; add the photographer or agency to the photo before approving or publishing.',
  'workflow.photo.rights-expired':
    'The rights to the featured photo have expired (rightsExpireAt); choose another photo or renew the rights before approving or publishing.',
} as const satisfies Record<string, string>

export type RuleId = keyof typeof RULE_MESSAGES

/** Stable rule ids → plain-English messages. */
export const RULES: Record<string, string> = RULE_MESSAGES

type RequiredInput = 'note' | 'publishAt'

export interface TransitionSpec {
  /** States this action may be taken from. */
  readonly from: readonly WorkflowState[]
  readonly to: WorkflowState
  /** Human roles allowed to take this action at all. */
  readonly roles: readonly Role[]
  /** Rule reported when a role outside `roles` tries the action. */
  readonly deniedRule: RuleId
  /** Roles that may only take this action on articles they own. */
  readonly ownerOnly: readonly Role[]
  /** Whether the four-eyes rule applies (submitter cannot take this action). */
  readonly fourEyes: boolean
  /** Inputs that must be present and valid. */
  readonly requires: RequiredInput | null
  /** States from which the system actor (scheduler) may take this action. */
  readonly systemFrom: readonly WorkflowState[]
}

const EDITORS: readonly Role[] = ['editor', 'admin']

/**
 * The workflow, as data.
 *
 * Decisions beyond the brief:
 * - `publish` is allowed from in_review ("publish now" from the review queue), approved,
 *   scheduled (publish a scheduled article early; the schedule is dropped) and unpublished
 *   (re-publish).
 * - `unpublish` from scheduled cancels the schedule and lands in `unpublished`.
 * - `request_changes` from approved/scheduled pulls the article back to the reporter (a scheduled
 *   article loses its schedule).
 * - The four-eyes rule applies to approve/publish/schedule from every source state, because the
 *   context does not say who approved.
 */
export const TRANSITIONS: Readonly<Record<WorkflowAction, TransitionSpec>> = {
  submit: {
    from: ['draft', 'changes_requested', 'unpublished'],
    to: 'in_review',
    roles: ['contributor', 'editor', 'admin'],
    deniedRule: 'workflow.actor.invalid',
    ownerOnly: ['contributor'],
    fourEyes: false,
    requires: null,
    systemFrom: [],
  },
  request_changes: {
    from: ['in_review', 'approved', 'scheduled'],
    to: 'changes_requested',
    roles: EDITORS,
    deniedRule: 'workflow.role.contributor-cannot-request-changes',
    ownerOnly: [],
    fourEyes: false,
    requires: 'note',
    systemFrom: [],
  },
  approve: {
    from: ['in_review'],
    to: 'approved',
    roles: EDITORS,
    deniedRule: 'workflow.role.contributor-cannot-approve',
    ownerOnly: [],
    fourEyes: true,
    requires: null,
    systemFrom: [],
  },
  publish: {
    from: ['in_review', 'approved', 'scheduled', 'unpublished'],
    to: 'published',
    roles: EDITORS,
    deniedRule: 'workflow.role.contributor-cannot-publish',
    ownerOnly: [],
    fourEyes: true,
    requires: null,
    systemFrom: ['scheduled'],
  },
  schedule: {
    from: ['in_review', 'approved'],
    to: 'scheduled',
    roles: EDITORS,
    deniedRule: 'workflow.role.contributor-cannot-schedule',
    ownerOnly: [],
    fourEyes: true,
    requires: 'publishAt',
    systemFrom: [],
  },
  unpublish: {
    from: ['published', 'scheduled'],
    to: 'unpublished',
    roles: EDITORS,
    deniedRule: 'workflow.role.contributor-cannot-unpublish',
    ownerOnly: [],
    fourEyes: false,
    requires: null,
    // The scheduler takes a live article down at its unpublishAt (scheduled unpublish).
    systemFrom: ['published'],
  },
  // Edits to a live article are saved as a pending draft (the live version stays live); this
  // makes the newest saved version live. Editors correct live articles without a second editor,
  // as before, so the four-eyes rule does not apply; every use is audited.
  publish_changes: {
    from: ['published'],
    to: 'published',
    roles: EDITORS,
    deniedRule: 'workflow.role.contributor-cannot-publish-changes',
    ownerOnly: [],
    fourEyes: false,
    requires: null,
    systemFrom: [],
  },
}

/**
 * Who may delete an article, per role (the Articles delete access builds its query from this):
 * editors and admins any article in any state; contributors only their own drafts that were never
 * submitted for review. Every deletion is audited.
 */
export const DELETE_RULES: Readonly<
  Record<
    Role,
    {
      states: readonly WorkflowState[]
      anyState: boolean
      ownerOnly: boolean
      neverSubmitted: boolean
    }
  >
> = {
  admin: { states: WORKFLOW_STATES, anyState: true, ownerOnly: false, neverSubmitted: false },
  editor: { states: WORKFLOW_STATES, anyState: true, ownerOnly: false, neverSubmitted: false },
  contributor: { states: ['draft'], anyState: false, ownerOnly: true, neverSubmitted: true },
}

/** Whether someone with `role` may delete an article in `state` (see DELETE_RULES). */
export function deletableBy(
  role: Role,
  state: WorkflowState,
  opts: { isOwner: boolean; submitted: boolean },
): boolean {
  if (!isRole(role) || !isWorkflowState(state)) return false
  const rule = DELETE_RULES[role]
  if (rule.ownerOnly && !opts.isOwner) return false
  if (rule.neverSubmitted && opts.submitted) return false
  return rule.states.includes(state)
}

/**
 * Who may edit an article's content, per state. Owner-only roles need `isOwner`. The Articles
 * update access builds its query from this (src/features/workflow/access/canUpdateArticle.ts).
 */
export const EDIT_RULES: Readonly<
  Record<Role, { states: readonly WorkflowState[]; ownerOnly: boolean }>
> = {
  admin: { states: WORKFLOW_STATES, ownerOnly: false },
  editor: { states: WORKFLOW_STATES, ownerOnly: false },
  contributor: { states: ['draft', 'changes_requested'], ownerOnly: true },
}

/** What the rule book needs to know about an article's featured photo (a media document). */
export interface PhotoFacts {
  alt?: string | null
  credit?: string | null
  rightsExpireAt?: Date | string | null
}

/**
 * Photo rights, as data: these actions (by editors and by the scheduler at run time) are refused
 * with 409 while the featured photo breaks one of PHOTO_RULES.check, in this order.
 */
export const PHOTO_RIGHTS_ACTIONS: readonly WorkflowAction[] = [
  'approve',
  'publish',
  'schedule',
  'publish_changes',
]

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === ''

export const PHOTO_RULES: readonly {
  rule: RuleId
  /** True when the photo breaks the rule at `now`. */
  broken: (photo: PhotoFacts, now: Date) => boolean
}[] = [
  { rule: 'workflow.photo.alt-missing', broken: (photo) => blank(photo.alt) },
  { rule: 'workflow.photo.credit-missing', broken: (photo) => blank(photo.credit) },
  {
    rule: 'workflow.photo.rights-expired',
    broken: (photo, now) => {
      if (photo.rightsExpireAt === undefined || photo.rightsExpireAt === null) return false
      if (photo.rightsExpireAt === '') return false
      const at = parseDate(photo.rightsExpireAt)
      return at === null || at.getTime() <= now.getTime()
    },
  },
]

/** The photo rules a featured photo breaks now (none without a featured photo). */
export function photoProblems(photo: PhotoFacts | null | undefined, now: Date = new Date()) {
  if (!photo) return []
  return PHOTO_RULES.filter(({ broken }) => broken(photo, now)).map(({ rule }) => rule)
}

function photoRefusal(ctx: TransitionContext, now: Date): Failure | null {
  if (!PHOTO_RIGHTS_ACTIONS.includes(ctx.action)) return null
  const [rule] = photoProblems(ctx.featuredPhoto, now)
  return rule ? fail('invalid_transition', rule) : null
}

export function isWorkflowState(v: unknown): v is WorkflowState {
  return typeof v === 'string' && (WORKFLOW_STATES as readonly string[]).includes(v)
}

export function isWorkflowAction(v: unknown): v is WorkflowAction {
  return typeof v === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(v)
}

function isSystemActor(actor: unknown): actor is SystemActor {
  return (
    typeof actor === 'object' && actor !== null && (actor as { system?: unknown }).system === true
  )
}

function isHumanActor(actor: unknown): actor is HumanActor {
  if (typeof actor !== 'object' || actor === null) return false
  const { id, role } = actor as { id?: unknown; role?: unknown }
  return (typeof id === 'string' || typeof id === 'number') && isRole(role)
}

type Failure = Extract<TransitionResult, { ok: false }>
type Success = Extract<TransitionResult, { ok: true }>

function fail(code: TransitionErrorCode, rule: RuleId, message?: string): Failure {
  return { ok: false, code, rule, message: message ?? RULE_MESSAGES[rule] }
}

function succeed(from: WorkflowState, to: WorkflowState, extra: Partial<Success> = {}): Success {
  return {
    ok: true,
    from,
    to,
    payloadStatus: to === 'published' ? 'published' : 'draft',
    ...extra,
  }
}

function invalidTransition(action: WorkflowAction, state: WorkflowState, spec: TransitionSpec) {
  return fail(
    'invalid_transition',
    'workflow.transition.invalid',
    `Cannot ${action.replace(/_/g, ' ')} an article that is ${state.replace(/_/g, ' ')}; ` +
      `${action} is only allowed from: ${spec.from.join(', ')}.`,
  )
}

function parseDate(v: Date | string): Date | null {
  const d = v instanceof Date ? new Date(v.getTime()) : new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

function sameId(a: string | number, b: string | number): boolean {
  return sameDocId(a, b)
}

interface DecideOptions {
  /** Skip step 6 (required inputs); used by availableActions. */
  skipInputs: boolean
}

function decide(ctx: TransitionContext, opts: DecideOptions): TransitionResult {
  const { action, state, actor } = ctx
  const now = ctx.now ?? new Date()

  // 1. Request shape.
  if (!isWorkflowAction(action)) return fail('bad_request', 'workflow.action.unknown')
  if (!isWorkflowState(state)) return fail('bad_request', 'workflow.state.unknown')
  const spec = TRANSITIONS[action]

  // The scheduler: publish of a scheduled article whose time has come, unpublish of a live one
  // whose unpublishAt has come, nothing else.
  if (isSystemActor(actor)) {
    if (spec.systemFrom.length === 0) return fail('forbidden', 'workflow.system.publish-only')
    if (!spec.systemFrom.includes(state)) return invalidTransition(action, state, spec)
    if (opts.skipInputs) return succeed(state, spec.to)
    if (action === 'unpublish') {
      const at = ctx.unpublishAt ? parseDate(ctx.unpublishAt) : null
      if (!at) return fail('bad_request', 'workflow.unpublish-at.required')
      if (at.getTime() > now.getTime()) {
        return fail('invalid_transition', 'workflow.unpublish-at.not-due')
      }
      return succeed(state, spec.to)
    }
    const embargo = ctx.embargoUntil ? parseDate(ctx.embargoUntil) : null
    if (embargo && embargo.getTime() > now.getTime()) {
      return fail('invalid_transition', 'workflow.embargo.not-due')
    }
    if (ctx.publishAt === undefined || ctx.publishAt === null || ctx.publishAt === '') {
      return fail('bad_request', 'workflow.publish-at.required')
    }
    const publishAt = parseDate(ctx.publishAt)
    if (!publishAt) return fail('bad_request', 'workflow.publish-at.invalid')
    if (publishAt.getTime() > now.getTime()) {
      return fail('invalid_transition', 'workflow.publish-at.not-due')
    }
    // 6. Photo rights, checked again when the scheduled time comes.
    const refusedAtRunTime = photoRefusal(ctx, now)
    if (refusedAtRunTime) return refusedAtRunTime
    return succeed(state, spec.to, { publishAt: publishAt.toISOString() })
  }

  if (!isHumanActor(actor)) return fail('forbidden', 'workflow.actor.invalid')
  const { role } = actor

  // 2. Role permission.
  if (!spec.roles.includes(role)) return fail('forbidden', spec.deniedRule)

  // 3. Transition validity from the current state.
  if (!spec.from.includes(state)) return invalidTransition(action, state, spec)

  // 4. Ownership.
  if (spec.ownerOnly.includes(role) && !ctx.isOwner) {
    return fail('forbidden', 'workflow.ownership.contributor-not-owner')
  }

  // 5. Four-eyes.
  let override: 'four-eyes' | undefined
  const submittedBy = ctx.submittedBy
  if (
    spec.fourEyes &&
    (ctx.fourEyes ?? true) &&
    submittedBy !== undefined &&
    submittedBy !== null &&
    submittedBy !== '' &&
    sameId(actor.id, submittedBy)
  ) {
    if (role !== 'admin') {
      return fail(
        'forbidden',
        'workflow.four-eyes.submitter',
        `Four-eyes rule: you submitted this version, so another editor must ${action} it (WORKFLOW_FOUR_EYES).`,
      )
    }
    override = 'four-eyes'
  }
  const extra: Partial<Success> = override ? { override } : {}

  // 5b. Embargo: nobody publishes before it lifts (scheduling is fine: the scheduler waits).
  if (action === 'publish' && ctx.embargoUntil) {
    const embargo = parseDate(ctx.embargoUntil)
    if (embargo && embargo.getTime() > now.getTime()) {
      return fail('invalid_transition', 'workflow.embargo.active')
    }
  }

  // Buttons are shown without inputs and photo checks (see availableActions; the panel lists
  // the photo problems itself).
  if (opts.skipInputs) return succeed(state, spec.to, extra)

  // 6. Photo rights: the featured photo needs alt text, a credit and unexpired rights.
  const photoRefused = photoRefusal(ctx, now)
  if (photoRefused) return photoRefused

  // 7. Required inputs.
  if (spec.requires === null) return succeed(state, spec.to, extra)

  if (spec.requires === 'note') {
    if (typeof ctx.note !== 'string' || ctx.note.trim() === '') {
      return fail('bad_request', 'workflow.request-changes.note-required')
    }
    return succeed(state, spec.to, extra)
  }

  // spec.requires === 'publishAt'
  if (ctx.publishAt === undefined || ctx.publishAt === null || ctx.publishAt === '') {
    return fail('bad_request', 'workflow.publish-at.required')
  }
  const publishAt = parseDate(ctx.publishAt)
  if (!publishAt) return fail('bad_request', 'workflow.publish-at.invalid')
  if (publishAt.getTime() <= now.getTime()) return fail('bad_request', 'workflow.publish-at.past')
  return succeed(state, spec.to, { ...extra, publishAt: publishAt.toISOString() })
}

/** Decide whether `ctx.actor` may take `ctx.action` on an article in `ctx.state`. */
export function decideTransition(ctx: TransitionContext): TransitionResult {
  return decide(ctx, { skipInputs: false })
}

/**
 * Actions this actor may take now, in `WORKFLOW_ACTIONS` order (for showing buttons).
 * `request_changes` and `schedule` are included when only their inputs (note, publishAt) are
 * missing. Actions an admin may take only by overriding the four-eyes rule are included. For the
 * system actor, `publish` is listed for scheduled articles without checking whether they are due.
 */
export function availableActions(
  ctx: Omit<TransitionContext, 'action' | 'note' | 'publishAt'>,
): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => decide({ ...ctx, action }, { skipInputs: true }).ok)
}

/**
 * Whether someone with `role` may edit the content of an article in `state`.
 * Contributors: only their own articles, only in draft or changes_requested.
 * Editors and admins: any article in any state (editing a published article creates a new draft
 * version while the live one stays live).
 */
export function editableBy(role: Role, state: WorkflowState, opts: { isOwner: boolean }): boolean {
  if (!isRole(role) || !isWorkflowState(state)) return false
  const rule = EDIT_RULES[role]
  if (rule.ownerOnly && !opts.isOwner) return false
  return rule.states.includes(state)
}

/**
 * A save that is not a workflow action: a create (including a duplicate), an update by id, a bulk
 * update, or a restore of an old version, through any door (REST, GraphQL, admin, Local API with
 * a user).
 */
export interface DirectWrite {
  kind: 'create' | 'update' | 'bulk-update' | 'restore'
  role: Role
  /** The requested `workflowStatus` differs from the article's (or, on create, from its start). */
  changesState: boolean
  /** The requested Payload `_status`, if any. */
  status?: 'draft' | 'published' | null
  /** Saved as a draft version (`?draft=true`). */
  draft: boolean
  /** The article is live now (its current `_status` is published). */
  live: boolean
  /** Current review state (updates). */
  state?: WorkflowState | null
}

export type DirectWriteResult =
  | {
      ok: true
      /** Store the change as a pending draft version, never on the live document. */
      saveAsDraft: boolean
      /** This save is the workflow action `publish_changes` (checked by decideTransition; audited). */
      action?: 'publish_changes'
    }
  | Failure

/**
 * The rule book for direct saves. `_status` and `workflowStatus` change only through the workflow;
 * a save never takes a live article offline and never puts unreviewed text live:
 * - changing the review state, or any `_status` in a bulk update → workflow.direct-change.state
 * - `_status: published` → only on a live article, by an editor/admin: that is the workflow action
 *   `publish_changes` (the admin's "Publish changes" button); otherwise workflow.direct-change.publish
 * - `_status: draft` on a live article, not as a draft save → workflow.direct-change.unpublish
 * - any other save of a live article and every bulk update is stored as a pending draft (the live
 *   version stays live until "publish changes")
 * - restoring an old version keeps the review state and never publishes; on a live article it must
 *   be a restore as draft → otherwise workflow.direct-change.restore
 */
export function decideDirectWrite(write: DirectWrite): DirectWriteResult {
  if (!isRole(write.role)) return fail('forbidden', 'workflow.actor.invalid')
  if (write.changesState) return fail('forbidden', 'workflow.direct-change.state')
  if (write.kind === 'bulk-update') {
    if (write.status) return fail('forbidden', 'workflow.direct-change.state')
    return { ok: true, saveAsDraft: true }
  }
  if (write.kind === 'restore') {
    // Payload fixes "restore as draft" before any hook runs, so a live article's restore must ask
    // for it; the restored version then waits as a pending draft.
    if (write.live && !write.draft) return fail('forbidden', 'workflow.direct-change.restore')
    return { ok: true, saveAsDraft: false }
  }
  if (write.status === 'published') {
    if (write.kind === 'update' && write.live) {
      const decision = decide(
        {
          actor: { id: 'direct-write', role: write.role },
          state: write.state ?? 'published',
          action: 'publish_changes',
          isOwner: false,
        },
        { skipInputs: false },
      )
      if (!decision.ok) return decision
      return { ok: true, saveAsDraft: false, action: 'publish_changes' }
    }
    return fail('forbidden', 'workflow.direct-change.publish')
  }
  if (write.kind === 'create') return { ok: true, saveAsDraft: false }
  if (write.live && write.status === 'draft' && !write.draft) {
    return fail('forbidden', 'workflow.direct-change.unpublish')
  }
  return { ok: true, saveAsDraft: write.live }
}

/** Actions that need an input before they are sent (from TRANSITIONS[…].requires). */
export const NEEDS_INPUT: Readonly<Partial<Record<WorkflowAction, 'note' | 'publishAt'>>> =
  Object.fromEntries(
    WORKFLOW_ACTIONS.flatMap((action) => {
      const requires = TRANSITIONS[action].requires
      return requires ? [[action, requires]] : []
    }),
  )

/** What the rule book needs to know about an article (a stored doc or the admin's copy). */
export interface ArticleFacts {
  workflowStatus?: unknown
  createdBy?: unknown
  submittedBy?: unknown
  embargoUntil?: unknown
  unpublishAt?: unknown
}

/**
 * The article + actor → rule-check input, used by the transition service and the admin panel
 * alike: the article's state (an unknown one counts as draft), ownership and its submitter.
 */
export function transitionContext(
  article: ArticleFacts,
  actor: WorkflowActor,
  options: { fourEyes: boolean; now?: Date },
): Omit<TransitionContext, 'action' | 'note' | 'publishAt'> {
  return {
    actor,
    state: isWorkflowState(article.workflowStatus) ? article.workflowStatus : 'draft',
    isOwner: 'id' in actor ? sameDocId(article.createdBy, actor.id) : false,
    submittedBy: idOf(article.submittedBy),
    embargoUntil: typeof article.embargoUntil === 'string' ? article.embargoUntil : null,
    unpublishAt: typeof article.unpublishAt === 'string' ? article.unpublishAt : null,
    fourEyes: options.fourEyes,
    ...(options.now ? { now: options.now } : {}),
  }
}
