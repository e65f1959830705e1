import type { FieldHook } from 'payload'

import { CONTEXT } from '@/lib/requestContext'

/**
 * Write-only secret: every read drops it, for every caller and every door (REST, GraphQL, Local
 * API, the admin), except, in the request that generated or set it, that one secret (shown once), and
 * the delivery task (req.context.webhookSecretReveal, which no client can set). The value is
 * deleted from the document (Payload keeps the stored value when a read hook returns undefined).
 */
export const hideSecret: FieldHook = ({ value, req, siblingData }) => {
  const reveal = req.context?.[CONTEXT.webhookSecretReveal]
  if (reveal === true || (Array.isArray(reveal) && reveal.includes(value as string))) return value
  if (siblingData) delete (siblingData as Record<string, unknown>).secret
  return undefined
}
