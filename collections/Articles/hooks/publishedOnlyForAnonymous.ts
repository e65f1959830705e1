import type { CollectionBeforeOperationHook } from 'payload'

import { canReadDrafts } from '@/access/roles'

/**
 * `?draft=true` asks Payload for the newest version, which may be an unpublished draft. Readers
 * without a staff account or a `preview`-scoped API key always get the published version instead.
 */
export const publishedOnlyForAnonymous: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'read') return args
  // Trusted server code (Local API with access control off) reads what it asks for.
  if (overrideAccess === true) return args
  // Staff and `preview`-scoped API clients may read the latest draft.
  if (canReadDrafts(req)) return args
  if (args && typeof args === 'object' && 'draft' in args && args.draft) {
    return { ...args, draft: false }
  }
  return args
}
