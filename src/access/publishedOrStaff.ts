import type { Access } from 'payload'

import { roleOf } from './roles'

/** Staff read everything; everyone else only published documents. */
export const publishedOrStaff: Access = ({ req }) =>
  roleOf(req) !== null ? true : { _status: { equals: 'published' } }
