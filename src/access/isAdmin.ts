import type { FieldAccess, PayloadRequest } from 'payload'

import { hasRole } from './roles'

/** Admins only. Returns a plain boolean so it also fits job and admin-panel access slots. */
export const isAdmin = ({ req }: { req: PayloadRequest }): boolean => hasRole(req, 'admin')

export const isAdminField: FieldAccess = ({ req }) => hasRole(req, 'admin')
