import type { Access } from 'payload'

import { roleOf, staffUser } from './roles'

/** Admins: any document lock; other staff: only their own (clearing a lock someone else holds is an admin's job). */
export const isLockOwnerOrAdmin: Access = ({ req }) => {
  const user = staffUser(req)
  const role = roleOf(req)
  if (!user || role === null) return false
  if (role === 'admin') return true
  return { 'user.value': { equals: user.id } }
}
