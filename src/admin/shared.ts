/** Small helpers shared by the admin components (client-safe: no Payload runtime import). */
import { isRole } from '@/features/workflow/rules/transitions'
import type { Role } from '@/features/workflow/rules/transitions'

export type ID = number | string

/** A relationship value (id or populated doc) → its id. */
export const idOf = (value: unknown): ID | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') {
    const id = (value as { id?: unknown }).id
    return typeof id === 'number' || typeof id === 'string' ? id : null
  }
  return typeof value === 'number' || typeof value === 'string' ? value : null
}

export const sameId = (a: unknown, b: unknown): boolean => {
  const x = idOf(a)
  const y = idOf(b)
  return x !== null && y !== null && String(x) === String(y)
}

/** The role of an admin user object, if it is a known one. */
export const roleOfUser = (user: unknown): Role | null => {
  const role = (user as { role?: unknown } | null | undefined)?.role
  return isRole(role) ? role : null
}

/** Names of populated relationship docs (`name` field), skipping unpopulated ids. */
export const namesOf = (values: unknown): string[] =>
  Array.isArray(values)
    ? values
        .map((v) => (v && typeof v === 'object' ? (v as { name?: unknown }).name : undefined))
        .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    : []

/** Admin route of an article's edit view. */
export const articleURL = (id: ID): string =>
  `/admin/collections/articles/${encodeURIComponent(String(id))}`

/** Article list filtered by review state. */
export const articlesByStateURL = (state: string): string =>
  `/admin/collections/articles?where[workflowStatus][equals]=${encodeURIComponent(state)}`
