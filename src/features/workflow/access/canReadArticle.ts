import type { Access, Where } from 'payload'

import { roleOf } from '@/access/roles'

/**
 * Staff read every article; everyone else (anonymous readers, API clients, feeds) only published
 * articles whose embargo has lifted. A `Where`, so REST, GraphQL, relationships and every feature
 * reading with access control inherit it.
 */
export const canReadArticle: Access = ({ req }) => {
  if (roleOf(req) !== null) return true
  const where: Where = {
    and: [
      { _status: { equals: 'published' } },
      {
        or: [
          { embargoUntil: { exists: false } },
          { embargoUntil: { less_than_equal: new Date().toISOString() } },
        ],
      },
    ],
  }
  return where
}
