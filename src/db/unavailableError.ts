import type { AfterErrorHook } from 'payload'

import { unavailableCause } from './sqlite/errors'

/**
 * A busy or vanished database is the server's temporary condition, not a bug: REST answers 503
 * (the Express layer adds Retry-After) with a clear message instead of a 500.
 */
export const databaseUnavailableAfterError: AfterErrorHook = ({ error }) => {
  const cause = unavailableCause(error)
  if (!cause) return
  return { status: 503, response: { errors: [{ message: cause.message }] } }
}
