import type { FieldAccess } from 'payload'

import { roleOf } from './roles'

/**
 * Field readable by newsroom staff only. Not `Boolean(req.user)`: an API client is a signed-in
 * user too, and must read no more than an anonymous reader (source text, submitter, creator).
 */
export const isStaffField: FieldAccess = ({ req }) => roleOf(req) !== null
