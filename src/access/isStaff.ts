import type { PayloadRequest } from 'payload'

import { roleOf } from './roles'

/** Any signed-in newsroom account with a known role (contributor, editor or admin). */
export const isStaff = ({ req }: { req: PayloadRequest }): boolean => roleOf(req) !== null
