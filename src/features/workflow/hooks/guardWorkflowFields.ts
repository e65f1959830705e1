import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { roleOf } from '@/access/roles'
import { WorkflowError } from '@/features/workflow/errors'
import { featuredPhotoFacts } from '@/features/photos/facts'
import {
  decideDirectWrite,
  IMPORTED_WORKFLOW_STATE,
  INITIAL_WORKFLOW_STATE,
  isWorkflowState,
  photoProblems,
  RULES,
  TRANSITION_ERROR_HTTP_STATUS,
} from '@/features/workflow/rules/transitions'
import type { DirectWrite } from '@/features/workflow/rules/transitions'
import { CONTEXT } from '@/lib/requestContext'

export const DIRECT_STATE_RULE = 'workflow.direct-change.state'
export const DIRECT_PUBLISH_RULE = 'workflow.direct-change.publish'
export const DIRECT_UNPUBLISH_RULE = 'workflow.direct-change.unpublish'

/** req.context key: the id an article is being duplicated from (audited on the copy). */

type Data = { workflowStatus?: unknown; _status?: unknown }
type Args = {
  data?: Data
  draft?: boolean
  id?: string | number
  duplicateFromID?: string | number
  overrideAccess?: boolean
}

/** The live document (not the newest draft version): what the public sees. */
const liveStatus = async (req: PayloadRequest, id: string | number) =>
  (await req.payload.findByID({
    collection: ARTICLES_SLUG,
    id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { workflowStatus: true, _status: true },
  })) as { workflowStatus?: string; _status?: string } | null

const statusOf = (value: unknown): DirectWrite['status'] =>
  value === 'draft' || value === 'published' ? value : undefined

/**
 * One rule book, every door: REST, GraphQL, the admin and the Local API (with a user) cannot move
 * an article's review state or publication status except through the workflow
 * (src/features/workflow/service.ts), which marks its own writes with req.context.workflowTransition.
 * What a direct save may do is decided by `decideDirectWrite` (src/features/workflow/rules/transitions.ts); this
 * hook gathers the facts, refuses with the rule id, or turns the save into a pending draft.
 * Trusted server code without a user (the importer, the scheduler, scripts) is let through.
 */
export const guardWorkflowFields: CollectionBeforeOperationHook = async ({
  args: incoming,
  operation,
  req,
}) => {
  const args = incoming as Args
  if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion') {
    return incoming
  }
  if (req.context?.[CONTEXT.workflowTransition]) return incoming
  if (!req.user && args.overrideAccess === true) return incoming
  const role = roleOf(req)
  // No staff role: access control refuses the write itself.
  if (role === null) return incoming

  const data = (args.data ?? {}) as Data
  const draft = Boolean(args.draft)
  let write: DirectWrite

  if (operation === 'create') {
    const allowedStart = req.context?.[CONTEXT.import]
      ? IMPORTED_WORKFLOW_STATE
      : INITIAL_WORKFLOW_STATE
    write = {
      kind: 'create',
      role,
      changesState: data.workflowStatus !== undefined && data.workflowStatus !== allowedStart,
      status: statusOf(data._status),
      draft,
      live: false,
    }
  } else if (operation === 'restoreVersion') {
    const version =
      args.id === undefined
        ? null
        : ((await req.payload
            .findVersionByID({
              collection: ARTICLES_SLUG,
              id: String(args.id),
              depth: 0,
              overrideAccess: true,
              disableErrors: true,
              req,
            })
            .catch(() => null)) as { parent?: unknown } | null)
    const parent = version?.parent
    const parentId =
      parent && typeof parent === 'object' ? (parent as { id: string | number }).id : parent
    const current =
      parentId === undefined || parentId === null
        ? null
        : await liveStatus(req, parentId as string | number)
    write = {
      kind: 'restore',
      role,
      changesState: false,
      draft,
      live: current?._status === 'published',
    }
  } else if (args.id === undefined) {
    write = {
      kind: 'bulk-update',
      role,
      changesState: data.workflowStatus !== undefined,
      status: data._status !== undefined ? (statusOf(data._status) ?? 'draft') : undefined,
      draft,
      live: false,
    }
  } else {
    const current = await liveStatus(req, args.id)
    if (!current) return incoming // the operation itself answers 404
    write = {
      kind: 'update',
      role,
      changesState:
        data.workflowStatus !== undefined && data.workflowStatus !== current.workflowStatus,
      status: statusOf(data._status),
      draft,
      live: current._status === 'published',
      state: isWorkflowState(current.workflowStatus) ? current.workflowStatus : null,
    }
  }

  const decision = decideDirectWrite(write)
  if (!decision.ok) {
    throw new WorkflowError(
      TRANSITION_ERROR_HTTP_STATUS[decision.code],
      decision.rule,
      `Rule ${decision.rule}: ${decision.message}`,
    )
  }
  if (decision.action === 'publish_changes' && args.id !== undefined) {
    // The photo rights rules apply to "publish changes" as to every other way to go live.
    const featured =
      'featuredMedia' in data
        ? { featuredMedia: data.featuredMedia }
        : await req.payload.findByID({
            collection: ARTICLES_SLUG,
            id: args.id,
            depth: 0,
            draft: true,
            overrideAccess: true,
            disableErrors: true,
            req,
            select: { featuredMedia: true },
          })
    const [rule] = photoProblems(featured ? await featuredPhotoFacts(req, featured) : null)
    if (rule) {
      throw new WorkflowError(409, rule, `Rule ${rule}: ${RULES[rule]}`)
    }
    const ids = (req.context[CONTEXT.publishChangesIds] as string[] | undefined) ?? []
    const id = String(args.id)
    req.context[CONTEXT.publishChangesIds] = [...ids, id]
  }
  if (
    operation === 'create' &&
    args.duplicateFromID !== undefined &&
    args.duplicateFromID !== null
  ) {
    req.context[CONTEXT.duplicateOfId] = String(args.duplicateFromID)
  }
  if (decision.saveAsDraft && !draft) return { ...incoming, draft: true }
  return incoming
}
