import type { CollectionBeforeChangeHook } from 'payload'

import { normalizePersonName } from '@/lib/names'

/** The stored fields derived from an author's name (the importer's fast path uses this too). */
export const derivedAuthorFields = (name: string): { normalizedName: string } => ({
  normalizedName: normalizePersonName(name),
})

/** Keeps `normalizedName` (the importer's author lookup key) in step with `name`. */
export const normalizeAuthorName: CollectionBeforeChangeHook = ({ data }) =>
  typeof data.name === 'string' ? { ...data, ...derivedAuthorFields(data.name) } : data
