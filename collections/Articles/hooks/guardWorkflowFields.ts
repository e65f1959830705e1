import type { CollectionBeforeOperationHook } from 'payload'

import { ARTICLES_SLUG } from '../../slugs'
import { roleOf } from '../../../src/access/roles'
import { WorkflowError } from '../../../src/workflow/errors'
import { WORKFLOW_CONTEXT_FLAG } from '../../../src/workflow/service'
import { IMPORTED_WORKFLOW_STATE, INITIAL_WORKFLOW_STATE } from '../../../src/workflow/transitions'

export const DIRECT_STATE_RULE = 'workflow.direct-change.state'
export const DIRECT_PUBLISH_RULE = 'workflow.direct-change.publish'
export const DIRECT_UNPUBLISH_RULE = 'workflow.direct-change.unpublish'

const VIA = 'use the workflow buttons or POST /api/articles/:id/workflow'

type Data = { workflowStatus?: unknown; _status?: unknown }

/**
 * One rule book, every door: REST, GraphQL, the admin and the Local API (with a user) cannot move
 * an article's review state or publication status except through the workflow
 * (src/workflow/service.ts), which marks its own writes with req.context.workflowTransition.
 * Trusted server code without a user (the importer, the scheduler, scripts) is let through.
 */
export const guardWorkflowFields: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (req.context?.[WORKFLOW_CONTEXT_FLAG]) return args
  const role = roleOf(req)
  if (!req.user && args.overrideAccess === true) return args

  const data = (args.data ?? {}) as Data
  const draft = Boolean(args.draft)

  if (operation === 'create') {
    const allowedStart = req.context?.import ? IMPORTED_WORKFLOW_STATE : INITIAL_WORKFLOW_STATE
    if (data.workflowStatus !== undefined && data.workflowStatus !== allowedStart) {
      throw new WorkflowError(
        403,
        DIRECT_STATE_RULE,
        `Rule ${DIRECT_STATE_RULE}: new articles start as "${allowedStart}"; ${VIA}.`,
      )
    }
    if (data._status === 'published') {
      throw new WorkflowError(
        403,
        DIRECT_PUBLISH_RULE,
        `Rule ${DIRECT_PUBLISH_RULE}: articles are published through the workflow; ${VIA}.`,
      )
    }
    return args
  }

  // update: by id, or many by where
  const id = (args as { id?: string | number }).id
  if (id === undefined) {
    if (data.workflowStatus !== undefined || data._status === 'published') {
      throw new WorkflowError(
        403,
        DIRECT_STATE_RULE,
        `Rule ${DIRECT_STATE_RULE}: bulk updates cannot change review or publication state; ${VIA}.`,
      )
    }
    return args
  }
  // Ordinary saves touch neither field: no lookup needed.
  if (data.workflowStatus === undefined && data._status === undefined) return args
  const current = (await req.payload.findByID({
    collection: ARTICLES_SLUG,
    id,
    depth: 0,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { workflowStatus: true, _status: true },
  })) as { workflowStatus?: string; _status?: string } | null
  if (!current) return args // the operation itself answers 404

  if (data.workflowStatus !== undefined && data.workflowStatus !== current.workflowStatus) {
    throw new WorkflowError(
      403,
      DIRECT_STATE_RULE,
      `Rule ${DIRECT_STATE_RULE}: the review state changes only through the workflow; ${VIA}.`,
    )
  }
  if (data._status === 'published') {
    // Editors may save changes to an article that is already live (they hold publish rights);
    // anything else reaches "published" only through the workflow.
    const liveEdit =
      current.workflowStatus === 'published' && (role === 'editor' || role === 'admin')
    if (!liveEdit) {
      throw new WorkflowError(
        403,
        DIRECT_PUBLISH_RULE,
        `Rule ${DIRECT_PUBLISH_RULE}: ${role === 'contributor' ? 'contributors cannot publish; ' : ''}articles are published through the workflow; ${VIA}.`,
      )
    }
  }
  if (!draft && data._status === 'draft' && current._status === 'published') {
    throw new WorkflowError(
      403,
      DIRECT_UNPUBLISH_RULE,
      `Rule ${DIRECT_UNPUBLISH_RULE}: unpublishing goes through the workflow; ${VIA}.`,
    )
  }
  return args
}
