import type { Access } from 'payload'

import { roleOf, staffUser } from './roles'

/** Admins: any account; others: only their own. */
export const isSelfOrAdmin: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user || roleOf(req) === null) return false
  if (user.role === 'admin') return true
  return { id: { equals: user.id } }
}
