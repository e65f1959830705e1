/**
 * The newsroom desk's rules beside the workflow's transitions: who may assign an article, which
 * embargo / take-down times are acceptable, who may add a correction to a live article, and what a
 * bulk review request may contain. Pure TypeScript like transitions.ts (no Payload, no I/O); the
 * endpoints, hooks and the admin call these and act on the result.
 */

import { isRole } from '@/access/roles'
import type { Role } from '@/access/roles'
import { isWorkflowState } from './transitions'
import type { TransitionErrorCode, WorkflowAction, WorkflowState } from './transitions'

export const DESK_RULES = {
  'desk.assign.role':
    'Only editors and admins assign articles; ask an editor to assign this article.',
  'desk.assign.assignee-role':
    'Articles are assigned to reviewers: the assignee must be an editor or an admin.',
  'desk.assign.assignee-unknown': 'No editor account with this id.',
  'desk.assign.invalid': 'assignee must be an editor id or null (unassign).',
  'desk.timing.role': 'Only editors and admins set an embargo or a take-down time; ask an editor.',
  'desk.timing.invalid':
    'embargoUntil and unpublishAt must be ISO dates (or null to clear); nothing else may be sent.',
  'desk.timing.past': 'Embargo and take-down times must be in the future.',
  'desk.timing.too-far': 'Embargo and take-down times must be before the year 10000.',
  'desk.embargo.live':
    'This article is already public: an embargo can only be set before it is published.',
  'desk.unpublish-at.before-publish':
    'The take-down time (unpublishAt) must be after the article goes live (publishAt and embargoUntil).',
  'desk.correction.role': 'Only editors and admins add corrections to published articles.',
  'desk.correction.not-live':
    'Corrections are added to published articles only; edit the text before it is published.',
  'desk.correction.kind': 'kind must be one of: correction, update, clarification.',
  'desk.correction.text': 'A correction needs its text (1 to 2000 characters).',
  'desk.correction.date': 'The correction date must be a valid date, not in the future.',
  'desk.bulk.action': 'Bulk review supports: submit, approve, publish, schedule.',
  'desk.bulk.ids': 'ids must be a list of 1 to 50 article ids.',
} as const satisfies Record<string, string>

export type DeskRuleId = keyof typeof DESK_RULES

export type DeskDecision =
  { ok: true } | { ok: false; code: TransitionErrorCode; rule: DeskRuleId; message: string }

const ok: DeskDecision = { ok: true }
const fail = (code: TransitionErrorCode, rule: DeskRuleId): DeskDecision => ({
  ok: false,
  code,
  rule,
  message: DESK_RULES[rule],
})

/** Roles that review: who may assign, and who may be assigned. */
export const ASSIGN_RULES: Readonly<{
  assigners: readonly Role[]
  assignees: readonly Role[]
}> = { assigners: ['editor', 'admin'], assignees: ['editor', 'admin'] }

/** Whether `actorRole` may (un)assign an article to someone with `assigneeRole` (null: unassign). */
export function decideAssignment(input: {
  actorRole: Role | null
  assigneeRole: Role | null | undefined
  unassign: boolean
}): DeskDecision {
  if (!isRole(input.actorRole) || !ASSIGN_RULES.assigners.includes(input.actorRole)) {
    return fail('forbidden', 'desk.assign.role')
  }
  if (input.unassign) return ok
  if (input.assigneeRole === undefined) return fail('bad_request', 'desk.assign.assignee-unknown')
  if (!isRole(input.assigneeRole) || !ASSIGN_RULES.assignees.includes(input.assigneeRole)) {
    return fail('bad_request', 'desk.assign.assignee-role')
  }
  return ok
}

const MAX_TIME = Date.UTC(10000, 0, 1)

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/

/** A timing value from a request: undefined = unchanged, null = clear, else a Date; or invalid. */
export function parseTimingValue(v: unknown): Date | null | undefined | 'invalid' {
  if (v === undefined) return undefined
  if (v === null) return null
  // ISO 8601 only (Date would also accept "2030-01-01 junk" and trailing control characters).
  if (typeof v !== 'string' || v.length > 40 || !ISO_DATE.test(v)) return 'invalid'
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? 'invalid' : d
}

/**
 * An embargo / take-down change on an article. Dates in the past are refused; an embargo cannot
 * be put on an article that is already public; the take-down must come after the article goes
 * live (its publishAt and embargo).
 */
export function decideTiming(input: {
  role: Role | null
  state: WorkflowState | string
  /** Values after the change (unchanged ones as stored). */
  embargoUntil: Date | null
  unpublishAt: Date | null
  publishAt: Date | null
  /** Which values the request changes. */
  changes: { embargoUntil: boolean; unpublishAt: boolean }
  now: Date
}): DeskDecision {
  if (!isRole(input.role) || input.role === 'contributor')
    return fail('forbidden', 'desk.timing.role')
  const now = input.now.getTime()
  const changed = [
    input.changes.embargoUntil ? input.embargoUntil : null,
    input.changes.unpublishAt ? input.unpublishAt : null,
  ].filter((d): d is Date => d !== null)
  if (changed.some((d) => d.getTime() >= MAX_TIME))
    return fail('bad_request', 'desk.timing.too-far')
  if (changed.some((d) => d.getTime() <= now)) return fail('bad_request', 'desk.timing.past')
  const state = isWorkflowState(input.state) ? input.state : 'draft'
  if (input.changes.embargoUntil && input.embargoUntil && state === 'published') {
    return fail('invalid_transition', 'desk.embargo.live')
  }
  if (input.unpublishAt) {
    const goesLive = Math.max(input.publishAt?.getTime() ?? 0, input.embargoUntil?.getTime() ?? 0)
    if (input.unpublishAt.getTime() <= goesLive) {
      return fail('bad_request', 'desk.unpublish-at.before-publish')
    }
  }
  return ok
}

export const CORRECTION_KINDS = ['correction', 'update', 'clarification'] as const
export type CorrectionKind = (typeof CORRECTION_KINDS)[number]
export const CORRECTION_MAX_LENGTH = 2000

/**
 * A correction, update or clarification on a live article: editors and admins only, on published
 * articles only. It is appended to the live article without re-review and never publishes a
 * pending draft.
 */
export function decideCorrection(input: {
  role: Role | null
  state: WorkflowState | string | null | undefined
  live: boolean
  kind: unknown
  text: unknown
  date: Date | null | 'invalid'
  now: Date
}): DeskDecision {
  if (!isRole(input.role) || input.role === 'contributor') {
    return fail('forbidden', 'desk.correction.role')
  }
  if (!input.live || input.state !== 'published') {
    return fail('invalid_transition', 'desk.correction.not-live')
  }
  if (
    typeof input.kind !== 'string' ||
    !(CORRECTION_KINDS as readonly string[]).includes(input.kind)
  ) {
    return fail('bad_request', 'desk.correction.kind')
  }
  if (
    typeof input.text !== 'string' ||
    input.text.trim() === '' ||
    input.text.length > CORRECTION_MAX_LENGTH
  ) {
    return fail('bad_request', 'desk.correction.text')
  }
  // A minute of clock skew between the editor's browser and the server is fine.
  if (
    input.date === 'invalid' ||
    (input.date && input.date.getTime() > input.now.getTime() + 60_000)
  ) {
    return fail('bad_request', 'desk.correction.date')
  }
  return ok
}

export const BULK_ACTIONS = [
  'submit',
  'approve',
  'publish',
  'schedule',
] as const satisfies readonly WorkflowAction[]
export type BulkAction = (typeof BULK_ACTIONS)[number]
export const BULK_MAX_ARTICLES = 50

/** The shape of a bulk review request (each article then goes through decideTransition). */
export function decideBulkRequest(input: { action: unknown; ids: unknown }): DeskDecision {
  if (
    typeof input.action !== 'string' ||
    !(BULK_ACTIONS as readonly string[]).includes(input.action)
  ) {
    return fail('bad_request', 'desk.bulk.action')
  }
  if (
    !Array.isArray(input.ids) ||
    input.ids.length === 0 ||
    input.ids.length > BULK_MAX_ARTICLES ||
    !input.ids.every(
      (id) =>
        (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) ||
        (typeof id === 'string' && /^[0-9a-f]{1,24}$/i.test(id)),
    )
  ) {
    return fail('bad_request', 'desk.bulk.ids')
  }
  return ok
}

/** When the scheduler publishes a scheduled article: the later of publishAt and embargoUntil. */
export function goLiveAt(
  publishAt: Date | string | null | undefined,
  embargoUntil: Date | string | null | undefined,
): Date | null {
  const times = [publishAt, embargoUntil]
    .filter((v): v is Date | string => Boolean(v))
    .map((v) => new Date(v).getTime())
    .filter((t) => !Number.isNaN(t))
  return times.length ? new Date(Math.max(...times)) : null
}
