import type { Access, Where } from 'payload'

import { roleOf, staffUser } from '@/access/roles'
import { DELETE_RULES } from '@/features/workflow/rules/transitions'

/**
 * Who may delete which article, from the rule book's DELETE_RULES (src/features/workflow/rules/transitions.ts):
 * editors and admins any article; contributors only their own drafts that were never submitted
 * (as a query, so bulk deletes and lists respect it).
 */
export const canDeleteArticle: Access = ({ req }) => {
  const role = roleOf(req)
  if (role === null) return false
  const rule = DELETE_RULES[role]
  if (!rule.ownerOnly && rule.anyState) return true
  const and: Where[] = [{ workflowStatus: { in: [...rule.states] } }]
  if (rule.ownerOnly) and.push({ createdBy: { equals: staffUser(req)?.id } })
  if (rule.neverSubmitted) and.push({ submittedBy: { exists: false } })
  return { and }
}
