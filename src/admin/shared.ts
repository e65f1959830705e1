/** Small helpers shared by the admin components (client-safe: no Payload runtime import). */
import type { ID } from '@/lib/ids'

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
/** The article list filtered to imported articles the parser flagged for an editor (issue #12). */
export const NEEDS_ATTENTION_URL =
  '/admin/collections/articles?where[source.needsAttention][equals]=true'

export const articlesByStateURL = (state: string): string =>
  `/admin/collections/articles?where[workflowStatus][equals]=${encodeURIComponent(state)}`
