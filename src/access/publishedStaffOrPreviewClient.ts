import type { Access } from 'payload'

import { canReadDrafts } from './roles'

/**
 * Articles: staff and `preview`-scoped API clients read every article (the latest draft with
 * `?draft=true`); everyone else, `published` API clients included, only published documents.
 */
export const publishedStaffOrPreviewClient: Access = ({ req }) =>
  canReadDrafts(req) ? true : { _status: { equals: 'published' } }
