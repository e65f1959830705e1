import type { CollectionBeforeChangeHook } from 'payload'

import { INITIAL_WORKFLOW_STATE } from '@/features/workflow/rules/transitions'
import { CONTEXT } from '@/lib/requestContext'

/**
 * The workflow owns `workflowStatus`, `submittedBy`, `publishAt` and `publishedAt`; a save by a
 * person that is not a workflow action never sets them from its data:
 * - a create (including a duplicate, which copies every field of its source) starts as a
 *   never-reviewed draft: initial state, `_status: draft`, no submitter, no publication dates;
 * - an update (including a restored old version) keeps the article's current values.
 * The workflow service (req.context.workflowTransition) and trusted server code without a user
 * (the importer, the scheduler, scripts) write what they ask for.
 */
export const keepWorkflowFields: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (req.context?.[CONTEXT.workflowTransition] || !req.user) return data
  if (operation === 'create') {
    return {
      ...data,
      workflowStatus: INITIAL_WORKFLOW_STATE,
      _status: 'draft',
      submittedBy: null,
      publishAt: null,
      publishedAt: null,
      assignee: null,
      embargoUntil: null,
      unpublishAt: null,
    }
  }
  const kept: Record<string, unknown> = {
    ...data,
    workflowStatus: originalDoc?.workflowStatus ?? data.workflowStatus,
    submittedBy: originalDoc?.submittedBy ?? null,
    publishAt: originalDoc?.publishAt ?? null,
    publishedAt: originalDoc?.publishedAt ?? null,
    assignee: originalDoc?.assignee ?? null,
    embargoUntil: originalDoc?.embargoUntil ?? null,
    unpublishAt: originalDoc?.unpublishAt ?? null,
  }
  // A restored version never brings its old publication status back (see decideDirectWrite).
  if (req.context?.[CONTEXT.isRestoringVersion]) kept._status = 'draft'
  return kept
}
