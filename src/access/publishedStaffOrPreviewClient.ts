import type { Access, Where } from 'payload'

import { canReadDrafts, roleOf } from './roles'

/** An embargo (desk: `embargoUntil`) that has not lifted hides the article from non-staff. */
const embargoLifted = (): Where => ({
  or: [
    { embargoUntil: { exists: false } },
    { embargoUntil: { equals: null } },
    { embargoUntil: { less_than_equal: new Date().toISOString() } },
  ],
})

/**
 * Articles, the one read rule: staff read every article; `preview`-scoped API clients read every
 * article whose embargo has lifted (the latest draft with `?draft=true`); everyone else
 * (anonymous readers, `published` API clients, feeds and every feature reading with access
 * control) only published articles whose embargo has lifted. A `Where`, so REST, GraphQL,
 * relationships and counts all inherit it.
 */
export const publishedStaffOrPreviewClient: Access = ({ req }) => {
  if (roleOf(req) !== null) return true
  if (canReadDrafts(req)) return embargoLifted()
  return { and: [{ _status: { equals: 'published' } }, embargoLifted()] }
}
