import type { PayloadRequest } from 'payload'

import { ROLES } from '@/features/workflow/rules'
import type { Role } from '@/features/workflow/rules'

export { ROLES }
export type { Role }

export type StaffUser = { id: number | string; role?: Role | null; collection?: string }

/** The signed-in staff member of a request, if any (only the editors collection logs in). */
export const staffUser = (req: Pick<PayloadRequest, 'user'>): StaffUser | null => {
  const user = req.user as StaffUser | null | undefined
  if (!user || (user.collection && user.collection !== 'editors')) return null
  return user
}

export const roleOf = (req: Pick<PayloadRequest, 'user'>): Role | null => {
  const role = staffUser(req)?.role
  return role && (ROLES as readonly string[]).includes(role) ? role : null
}

export const hasRole = (req: Pick<PayloadRequest, 'user'>, ...roles: Role[]): boolean => {
  const role = roleOf(req)
  return role !== null && roles.includes(role)
}
