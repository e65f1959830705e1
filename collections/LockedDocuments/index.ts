import type { SanitizedConfig } from 'payload'

import { isLockOwnerOrAdmin } from '@/access/isLockOwnerOrAdmin'
import { isStaff } from '@/access/isStaff'
import { nobody } from '@/access/nobody'
import { lockForCaller } from './hooks/lockForCaller'

export const LOCKED_DOCUMENTS_SLUG = 'payload-locked-documents' as const

/**
 * Payload adds its `payload-locked-documents` collection while it sanitizes the config, so its
 * rules are applied to the built config: staff read locks; nobody creates one through the API
 * (the server does, for the signed-in user); updates may only name the caller (take over);
 * a lock is cleared by its holder or an admin.
 */
export const applyLockRules = (config: SanitizedConfig): SanitizedConfig => {
  const locks = config.collections.find((c) => c.slug === LOCKED_DOCUMENTS_SLUG)
  if (!locks) return config
  locks.access = {
    ...locks.access,
    read: isStaff,
    create: nobody,
    update: isStaff,
    delete: isLockOwnerOrAdmin,
  }
  locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), lockForCaller]
  return config
}
