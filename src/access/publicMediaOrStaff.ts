import type { Access } from 'payload'

import { roleOf } from './roles'

/** Staff read all media; everyone else only media a published article (or a public author) uses. */
export const publicMediaOrStaff: Access = ({ req }) =>
  roleOf(req) !== null ? true : { inPublishedArticle: { equals: true } }
