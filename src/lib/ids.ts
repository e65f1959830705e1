/** Ids of documents and relationship values (pure: used by the rule book, server code and admin). */
export type ID = number | string

/** A relationship value (an id or a populated doc) → its id; null for none. */
export const idOf = (value: unknown): ID | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') {
    const id = (value as { id?: unknown }).id
    return typeof id === 'number' || typeof id === 'string' ? id : null
  }
  return typeof value === 'number' || typeof value === 'string' ? value : null
}

/** Whether two relationship values name the same document (ids compared as strings). */
export const sameId = (a: unknown, b: unknown): boolean => {
  const x = idOf(a)
  const y = idOf(b)
  return x !== null && y !== null && String(x) === String(y)
}
