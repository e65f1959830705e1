import type { Access } from 'payload'

import { roleOf } from './roles'

/** Any signed-in newsroom account with a known role (contributor, editor or admin). */
export const isStaff: Access = ({ req }) => roleOf(req) !== null
