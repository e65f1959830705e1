import type { CollectionAfterChangeHook } from 'payload'

import { writeAuditEvent } from '@/features/audit/record'
import { WORKFLOW_CONTEXT_FLAG } from '@/features/workflow/service'
import { isWorkflowState } from '@/features/workflow/rules/transitions'
import {
  DUPLICATE_OF_CONTEXT,
  PUBLISH_CHANGES_CONTEXT,
} from '@/features/workflow/hooks/guardWorkflowFields'

/**
 * Audits, in the save's transaction, what a person does to an article outside the workflow
 * endpoint: every create (a duplicate says what it copied) and the `publish_changes` action taken
 * with the admin's "Publish changes" button (a save with `_status: published` on a live article,
 * allowed by the rule book in guardWorkflowFields). Workflow transitions audit themselves;
 * imports are audited by the importer.
 */
export const auditArticleChanges: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (req.context?.[WORKFLOW_CONTEXT_FLAG] || req.context?.import || !req.user) return doc
  const state = isWorkflowState(doc.workflowStatus) ? doc.workflowStatus : null
  if (operation === 'create') {
    const source = req.context[DUPLICATE_OF_CONTEXT] as string | undefined
    delete req.context[DUPLICATE_OF_CONTEXT]
    await writeAuditEvent(req, {
      action: 'create',
      article: doc.id,
      articleTitle: doc.title ?? null,
      fromState: null,
      toState: state,
      note: source ? `Duplicate of article ${source}` : null,
      summary: source ? `create: duplicate of article ${source}` : 'create',
    })
    return doc
  }
  const publishing = (req.context[PUBLISH_CHANGES_CONTEXT] as string[] | undefined) ?? []
  if (publishing.includes(String(doc.id))) {
    req.context[PUBLISH_CHANGES_CONTEXT] = publishing.filter((id) => id !== String(doc.id))
    await writeAuditEvent(req, {
      action: 'publish_changes',
      article: doc.id,
      articleTitle: doc.title ?? null,
      fromState: state,
      toState: state,
      summary: `publish_changes: ${state} → ${state}`,
    })
  }
  return doc
}
