import type { CollectionAfterChangeHook } from 'payload'

import { writeAuditEvent } from '@/features/audit/record'
import { isWorkflowState } from '@/features/workflow/rules/transitions'
import { CONTEXT } from '@/lib/requestContext'

/**
 * Audits, in the save's transaction, what a person does to an article outside the workflow
 * endpoint: every create (a duplicate says what it copied) and the `publish_changes` action taken
 * with the admin's "Publish changes" button (a save with `_status: published` on a live article,
 * allowed by the rule book in guardWorkflowFields). Workflow transitions audit themselves;
 * imports are audited by the importer.
 */
export const auditArticleChanges: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (req.context?.[CONTEXT.workflowTransition] || req.context?.[CONTEXT.import] || !req.user)
    return doc
  const state = isWorkflowState(doc.workflowStatus) ? doc.workflowStatus : null
  if (operation === 'create') {
    const source = req.context[CONTEXT.duplicateOfId] as string | undefined
    delete req.context[CONTEXT.duplicateOfId]
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
  const publishing = (req.context[CONTEXT.publishChangesIds] as string[] | undefined) ?? []
  if (publishing.includes(String(doc.id))) {
    req.context[CONTEXT.publishChangesIds] = publishing.filter((id) => id !== String(doc.id))
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
