import type { Access, Where } from 'payload'

import { roleOf } from './roles'

const publicAuthor: Where = {
  or: [{ inPublishedArticle: { equals: true } }, { publicProfile: { equals: true } }],
}

/** Staff read all authors; everyone else only bylines of published articles and profiles an editor made public. */
export const publicAuthorOrStaff: Access = ({ req }) => (roleOf(req) !== null ? true : publicAuthor)
