import type { PayloadRequest } from 'payload'

/** The staff roles, most powerful first. The one definition (the rule book imports it). */
export const ROLES = ['admin', 'editor', 'contributor'] as const
export type Role = (typeof ROLES)[number]

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v)
}

export type StaffUser = { id: number | string; role?: Role | null; collection?: string }

/** The signed-in staff member of a request, if any (only the editors collection logs in). */
export const staffUser = (req: Pick<PayloadRequest, 'user'>): StaffUser | null => {
  const user = req.user as StaffUser | null | undefined
  if (!user || (user.collection && user.collection !== 'editors')) return null
  return user
}

/** The role of the request's staff user (or of `{ user }` in an admin component), if known. */
export const roleOf = (req: { user?: unknown }): Role | null => {
  const role = staffUser(req as Pick<PayloadRequest, 'user'>)?.role
  return isRole(role) ? role : null
}

export const hasRole = (req: Pick<PayloadRequest, 'user'>, ...roles: Role[]): boolean => {
  const role = roleOf(req)
  return role !== null && roles.includes(role)
}

/** What an API client may read: `published` = what anonymous readers read; `preview` = also the latest drafts of articles. */
export const API_CLIENT_SCOPES = ['published', 'preview'] as const
export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number]

export type ApiClientUser = {
  id: number | string
  collection: 'api-clients'
  scope?: ApiClientScope | null
  enabled?: boolean | null
}

/**
 * The enabled API client a request is authenticated as, if any. An API client is never staff:
 * staffUser/roleOf return null for it, so every staff-only rule treats it like an anonymous reader.
 */
export const apiClientOf = (req: Pick<PayloadRequest, 'user'>): ApiClientUser | null => {
  const user = req.user as { collection?: string; enabled?: boolean | null } | null | undefined
  if (!user || user.collection !== 'api-clients' || user.enabled === false) return null
  return user as ApiClientUser
}

/** Staff and `preview`-scoped API clients may read the latest draft of an article. */
export const canReadDrafts = (req: Pick<PayloadRequest, 'user'>): boolean =>
  roleOf(req) !== null || apiClientOf(req)?.scope === 'preview'
