import type { Access, Where } from 'payload'

import { roleOf, staffUser } from '@/access/roles'
import { EDIT_RULES, WORKFLOW_STATES } from '@/features/workflow/rules/transitions'

/**
 * Who may edit which article, from the rule book's EDIT_RULES (the same rule as `editableBy`):
 * editors and admins any article; contributors only their own drafts and articles sent back to
 * them (as a query, so lists and bulk updates respect it).
 */
export const canUpdateArticle: Access = ({ req }) => {
  const role = roleOf(req)
  if (role === null) return false
  const rule = EDIT_RULES[role]
  const anyState = WORKFLOW_STATES.every((state) => rule.states.includes(state))
  if (!rule.ownerOnly && anyState) return true
  const and: Where[] = [{ workflowStatus: { in: [...rule.states] } }]
  if (rule.ownerOnly) and.push({ createdBy: { equals: staffUser(req)?.id } })
  return { and }
}
