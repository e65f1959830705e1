import type { Access, Where } from 'payload'

import { roleOf, staffUser } from '@/access/roles'

/**
 * Editors and admins edit any article; contributors only their own drafts and articles sent back
 * to them (the workflow's editableBy rule, as a query so lists and bulk updates respect it).
 */
export const canUpdateArticle: Access = ({ req }) => {
  const role = roleOf(req)
  if (role === 'editor' || role === 'admin') return true
  if (role !== 'contributor') return false
  const own: Where = {
    and: [
      { createdBy: { equals: staffUser(req)?.id } },
      { workflowStatus: { in: ['draft', 'changes_requested'] } },
    ],
  }
  return own
}
