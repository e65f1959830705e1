import type { CollectionConfig, Config, Field } from 'payload'

/**
 * Helpers for feature plugins (src/features/<name>/index.ts): each adds its fields, hooks,
 * endpoints and components to the collections it extends, in a fixed place so the assembled
 * config (field order in the admin and the generated types) does not depend on plugin order.
 */

/** Applies `change` to the collection with `slug`; a config without it is returned unchanged. */
export const extendCollection = (
  config: Config,
  slug: string,
  change: (collection: CollectionConfig) => CollectionConfig,
): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug === slug ? change(collection) : collection,
  ),
})

const fieldName = (field: Field): string | undefined =>
  'name' in field ? (field.name as string) : undefined

/** Inserts `fields` after the top-level field named `after` (at the end when there is none). */
export const insertFieldsAfter = (
  list: Field[],
  after: string | null,
  fields: Field[],
): Field[] => {
  const at = after === null ? -1 : list.findIndex((field) => fieldName(field) === after)
  if (after !== null && at === -1) return [...list, ...fields]
  return [...list.slice(0, at + 1), ...fields, ...list.slice(at + 1)]
}

/** Inserts `items` after `anchor` in a hook list (at the start for null, the end when absent). */
export const insertAfter = <T>(list: T[] | undefined, anchor: T | null, items: T[]): T[] => {
  const current = list ?? []
  if (anchor === null) return [...items, ...current]
  const at = current.indexOf(anchor)
  if (at === -1) return [...current, ...items]
  return [...current.slice(0, at + 1), ...items, ...current.slice(at + 1)]
}

/** Inserts `items` before `anchor` in a hook list (at the end when absent). */
export const insertBefore = <T>(list: T[] | undefined, anchor: T, items: T[]): T[] => {
  const current = list ?? []
  const at = current.indexOf(anchor)
  if (at === -1) return [...current, ...items]
  return [...current.slice(0, at), ...items, ...current.slice(at)]
}
